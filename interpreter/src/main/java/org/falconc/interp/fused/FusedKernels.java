package org.falconc.interp.fused;

import java.util.List;
import org.falconc.ir.IrException;
import org.falconc.ir.Shape;
import org.falconc.ir.ops.fused.ActivationMaskInference;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.SparseAttrs;
import java.util.function.BiConsumer;
import org.falconc.interp.ReferenceKernel;
import org.falconc.interp.nn.FusableKernels;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.FusedGemmInference;

/**
 * Reference kernels of falconc's fused ops: the unfused Conv/Gemm kernel, then the epilogue
 * (residual add, activation) element by element, rounding to f32 after each step exactly as the
 * unfused Add and activation kernels do, so fused and unfused graphs give the same numbers.
 */
public final class FusedKernels {
    private FusedKernels() {
    }

    public static void registerAll(BiConsumer<String, ReferenceKernel> r) {
        r.accept(FusedConvInference.OP, FusedKernels::fusedConv);
        r.accept(FusedGemmInference.OP, FusedKernels::fusedGemm);
        r.accept(DecomposedConvInference.OP, FusedKernels::decomposedConv);
        r.accept(ActivationMaskInference.OP, FusedKernels::activationMask);
    }

    private static List<Tensor> fusedConv(Node node, List<Tensor> in) {
        return withMask(node, fusedConvY(node, in));
    }

    /**
     * DecomposedConv: the dense FusedConv result (the oracle for the unit-by-unit runtime kernel),
     * after checking that M is a sound mask of X (never dead where X has a non-zero), since a
     * runtime kernel skipping a unit that M wrongly calls dead would compute something else.
     */
    private static List<Tensor> decomposedConv(Node node, List<Tensor> in) {
        Tensor x = in.get(0);
        Tensor m = in.get(DecomposedConvInference.MASK);
        int block = SparseAttrs.requiredPositiveInt(node, SparseAttrs.INPUT_MASK_BLOCK);
        boolean[] exact = mask(x, block).bools();
        boolean[] given = m.bools();
        if (given.length != exact.length) {
            throw IrException.atNode(node, "mask M has " + given.length + " entries, expected " + exact.length);
        }
        for (int i = 0; i < exact.length; i++) {
            if (exact[i] && !given[i]) {
                throw IrException.atNode(node, "mask M says block " + i + " (flat index) of X is all zero but it"
                        + " holds a non-zero value");
            }
        }
        return withMask(node, fusedConvY(node, in.subList(0, Math.min(in.size(), DecomposedConvInference.MASK))));
    }

    private static List<Tensor> activationMask(Node node, List<Tensor> in) {
        return List.of(mask(in.get(0), SparseAttrs.requiredPositiveInt(node, SparseAttrs.BLOCK)));
    }

    private static List<Tensor> withMask(Node node, Tensor y) {
        int block = SparseAttrs.maskBlock(node);
        return block == 0 ? List.of(y) : List.of(y, mask(y, block));
    }

    /**
     * The mask of an f32 tensor [N, C, spatial...] (docs/sparsity.md): bool[N, C, ceil(Q / block)],
     * true iff the block of {@code block} consecutive pixels holds a value != 0 (NaN counts as non-zero).
     */
    public static Tensor mask(Tensor x, int block) {
        Shape s = x.shape();
        int q = SparseAttrs.pixels(s);
        int planes = s.dim(0) * s.dim(1);
        int nb = (q + block - 1) / block;
        float[] d = x.floats();
        boolean[] m = new boolean[planes * nb];
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < q; i++) {
                float v = d[p * q + i];
                if (v != 0 || Float.isNaN(v)) {
                    m[p * nb + i / block] = true;
                }
            }
        }
        return Tensor.ofBools(Shape.of(s.dim(0), s.dim(1), nb), m);
    }

    private static Tensor fusedConvY(Node node, List<Tensor> in) {
        Tensor y = FusableKernels.conv(node, in.get(0), in.get(1), input(in, 2));
        Tensor z = input(in, FusedConvInference.RESIDUAL);
        if (z != null) {
            float[] yd = y.floats();
            float[] zd = z.floats();
            for (int i = 0; i < yd.length; i++) {
                yd[i] = yd[i] + zd[i];
            }
        }
        applyActivation(node, y);
        return y;
    }

    private static List<Tensor> fusedGemm(Node node, List<Tensor> in) {
        Tensor y = FusableKernels.gemm(node, in.get(0), in.get(1), input(in, 2));
        applyActivation(node, y);
        return List.of(y);
    }

    private static Tensor input(List<Tensor> in, int i) {
        return i < in.size() ? in.get(i) : null;
    }

    private static void applyActivation(Node node, Tensor y) {
        Activation act = Activation.of(node);
        if (act == Activation.NONE) {
            return;
        }
        float[] params = act.params(node);
        float[] yd = y.floats();
        for (int i = 0; i < yd.length; i++) {
            yd[i] = (float) act.apply(yd[i], params);
        }
    }
}
