package org.falconc.ir.ops.fused;

import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/**
 * Attribute names and shared facts of FalCon-style sparse execution (docs/sparsity.md): the
 * activation bitmap of a channels-last tensor and the attributes of DecomposedConv.
 */
public final class SparseAttrs {
    /**
     * DecomposedConv: the input zero fraction above which the sparse kernel runs (per inference, from
     * the zero count of that input); absent: the runtime's cost model decides at compile time.
     */
    public static final String BREAK_EVEN = "break_even";
    /** DecomposedConv, informational: the zero fraction of X measured on calibration inputs. */
    public static final String EXPECTED_ZEROS = "expected_zeros";
    /** Bits per bitmap word. */
    public static final int WORD_BITS = 64;

    private SparseAttrs() {
    }

    /**
     * Words of the bitmap per pixel of a tensor with {@code c} channels: every pixel owns whole words
     * (so producers writing different pixels in parallel never share one). Same rule as the
     * runtime's {@code ActivationBits.wordsPerPixel}.
     */
    public static int wordsPerPixel(int c) {
        return (c + WORD_BITS - 1) / WORD_BITS;
    }

    /**
     * The bitmap of a channels-last tensor [N, H, W, C]: i64[N, H, W, ceil(C / 64)], bit {@code c & 63}
     * of word {@code c >> 6} of a pixel set iff the element is not 0 (NaN counts as non-zero).
     */
    public static TensorType bitsType(Shape nhwc) {
        return TensorType.of(DType.I64, nhwc.dim(0), nhwc.dim(1), nhwc.dim(2), wordsPerPixel(nhwc.dim(3)));
    }

    /** An optional float attribute in [0, 1]. */
    static void optionalFraction(Node node, String name) {
        if (!node.attrs().has(name)) {
            return;
        }
        float v = node.attrs().getFloat(name);
        if (!(v >= 0 && v <= 1)) {
            throw Infer.fail(node, "attribute '" + name + "' must be within [0, 1], got " + v);
        }
    }
}
