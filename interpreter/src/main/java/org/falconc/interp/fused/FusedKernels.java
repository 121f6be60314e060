package org.falconc.interp.fused;

import java.util.List;
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
    }

    private static List<Tensor> fusedConv(Node node, List<Tensor> in) {
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
        return List.of(y);
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
