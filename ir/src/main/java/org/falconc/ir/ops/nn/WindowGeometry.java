package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.ops.Infer;

/**
 * Where the sliding window of a convolution, pooling or transposed convolution lies on each spatial
 * axis: kernel size, strides, dilations, the effective begin/end padding (after auto_pad) and the
 * output size. Type inference and the reference kernels both use it, so the arithmetic lives here once.
 *
 * <p>For Conv and pooling, output position {@code o} with kernel tap {@code k} reads input position
 * {@link #inputIndex}; for ConvTranspose, input position {@code i} with tap {@code k} writes output
 * position {@link #transposedOutputIndex}. Positions outside the input are padding.
 */
public final class WindowGeometry {
    private static final List<String> AUTO_PADS = List.of("NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID");

    private final int[] inSize;
    private final int[] kernel;
    private final int[] strides;
    private final int[] dilations;
    private final int[] padsBegin;
    private final int[] padsEnd;
    private final int[] outSize;

    private WindowGeometry(int[] inSize, int[] kernel, int[] strides, int[] dilations, int[] padsBegin,
                           int[] padsEnd, int[] outSize) {
        this.inSize = inSize;
        this.kernel = kernel;
        this.strides = strides;
        this.dilations = dilations;
        this.padsBegin = padsBegin;
        this.padsEnd = padsEnd;
        this.outSize = outSize;
    }

    /** Geometry of Conv: attributes auto_pad, pads, strides, dilations. */
    public static WindowGeometry forConv(Node node, int[] inSize, int[] kernel) {
        return sliding(node, inSize, kernel, false);
    }

    /** Geometry of MaxPool, AveragePool and LpPool: as Conv, plus ceil_mode. */
    public static WindowGeometry forPool(Node node, int[] inSize, int[] kernel) {
        return sliding(node, inSize, kernel, NnAttrs.flag(node, "ceil_mode", false));
    }

    private static WindowGeometry sliding(Node node, int[] in, int[] kernel, boolean ceilMode) {
        int n = in.length;
        int[] strides = NnAttrs.ints(node, "strides", n, 1, 1);
        int[] dilations = NnAttrs.ints(node, "dilations", n, 1, 1);
        String autoPad = NnAttrs.choice(node, "auto_pad", "NOTSET", AUTO_PADS);
        int[] pads = NnAttrs.ints(node, "pads", 2 * n, 0, 0);
        int[] begin = new int[n];
        int[] end = new int[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int extent = extent(kernel[i], dilations[i]);
            int s = strides[i];
            switch (autoPad) {
                case "NOTSET" -> {
                    begin[i] = pads[i];
                    end[i] = pads[n + i];
                    long span = (long) in[i] + begin[i] + end[i] - extent;
                    requireFits(node, i, span, extent, in[i] + (long) begin[i] + end[i]);
                    if (ceilMode) {
                        long o = ceilDiv(span, s) + 1;
                        // ONNX and PyTorch drop a last window that would start entirely in the end padding.
                        if ((o - 1) * s >= (long) in[i] + begin[i]) {
                            o--;
                        }
                        out[i] = (int) o;
                    } else {
                        out[i] = (int) (span / s + 1);
                    }
                }
                case "VALID" -> {
                    long span = (long) in[i] - extent;
                    requireFits(node, i, span, extent, in[i]);
                    out[i] = (int) (span / s + 1);
                }
                default -> {
                    // SAME_*: output covers ceil(in / stride) windows; the odd padding element goes to the
                    // end for SAME_UPPER and to the beginning for SAME_LOWER.
                    out[i] = (int) ceilDiv(in[i], s);
                    int total = Math.max(0, (out[i] - 1) * s + extent - in[i]);
                    begin[i] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                    end[i] = total - begin[i];
                }
            }
        }
        return new WindowGeometry(in.clone(), kernel.clone(), strides, dilations, begin, end, out);
    }

    /**
     * Geometry of ConvTranspose: attributes auto_pad, pads, strides, dilations, output_padding and
     * output_shape (which, when present, determines the padding as the ONNX definition prescribes).
     */
    public static WindowGeometry forConvTranspose(Node node, int[] in, int[] kernel) {
        int n = in.length;
        int[] strides = NnAttrs.ints(node, "strides", n, 1, 1);
        int[] dilations = NnAttrs.ints(node, "dilations", n, 1, 1);
        String autoPad = NnAttrs.choice(node, "auto_pad", "NOTSET", AUTO_PADS);
        int[] pads = NnAttrs.ints(node, "pads", 2 * n, 0, 0);
        int[] outputPadding = NnAttrs.ints(node, "output_padding", n, 0, 0);
        int[] outputShape = null;
        long[] os = node.attrs().getInts("output_shape", null);
        if (os != null) {
            if (os.length != n && os.length != n + 2) {
                throw Infer.fail(node, "attribute 'output_shape' must have " + n + " entries (one per spatial axis), got "
                        + os.length);
            }
            outputShape = new int[n];
            for (int i = 0; i < n; i++) {
                long v = os[os.length - n + i];
                if (v < 1 || v > Integer.MAX_VALUE) {
                    throw Infer.fail(node, "attribute 'output_shape' has invalid value " + v);
                }
                outputShape[i] = (int) v;
            }
        }
        int[] begin = new int[n];
        int[] end = new int[n];
        int[] out = new int[n];
        boolean same = autoPad.startsWith("SAME");
        for (int i = 0; i < n; i++) {
            long natural = (long) strides[i] * (in[i] - 1) + outputPadding[i] + extent(kernel[i], dilations[i]);
            if (outputShape != null || same) {
                out[i] = outputShape != null ? outputShape[i] : in[i] * strides[i];
                long total = natural - out[i];
                if (total <= 0) {
                    // The requested output is at least the natural one: extend at the end (as ONNX Runtime does).
                    end[i] = (int) total;
                } else {
                    begin[i] = (int) (autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2);
                    end[i] = (int) (total - begin[i]);
                }
            } else {
                if (!autoPad.equals("VALID")) {
                    begin[i] = pads[i];
                    end[i] = pads[n + i];
                }
                long o = natural - begin[i] - end[i];
                if (o < 1) {
                    throw Infer.fail(node, "pads " + begin[i] + "+" + end[i] + " leave no output on spatial axis " + i);
                }
                out[i] = (int) o;
            }
        }
        return new WindowGeometry(in.clone(), kernel.clone(), strides, dilations, begin, end, out);
    }

    private static void requireFits(Node node, int axis, long span, int extent, long padded) {
        if (span < 0) {
            throw Infer.fail(node, "window extent " + extent + " is larger than the padded input size " + padded
                    + " on spatial axis " + axis);
        }
    }

    private static int extent(int kernel, int dilation) {
        return (kernel - 1) * dilation + 1;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** Number of spatial axes. */
    public int rank() {
        return kernel.length;
    }

    public int inSize(int axis) {
        return inSize[axis];
    }

    public int outSize(int axis) {
        return outSize[axis];
    }

    /** The spatial output sizes. */
    public int[] outSizes() {
        return outSize.clone();
    }

    public int kernel(int axis) {
        return kernel[axis];
    }

    public int stride(int axis) {
        return strides[axis];
    }

    public int dilation(int axis) {
        return dilations[axis];
    }

    public int padBegin(int axis) {
        return padsBegin[axis];
    }

    public int padEnd(int axis) {
        return padsEnd[axis];
    }

    /** Input position read by kernel tap {@code k} of the window at output position {@code o} (may be in the padding). */
    public int inputIndex(int axis, int o, int k) {
        return o * strides[axis] + k * dilations[axis] - padsBegin[axis];
    }

    /**
     * Row-major offset, within one spatial plane of the input, of the element that kernel tap {@code k}
     * of the window at output position {@code o} reads; -1 when it falls in the padding.
     */
    public int inputOffset(int[] o, int[] k) {
        int offset = 0;
        for (int a = 0; a < inSize.length; a++) {
            int i = inputIndex(a, o[a], k[a]);
            if (i < 0 || i >= inSize[a]) {
                return -1;
            }
            offset = offset * inSize[a] + i;
        }
        return offset;
    }

    /**
     * Row-major offset, within one spatial plane of the ConvTranspose output, of the element that input
     * position {@code i} writes through kernel tap {@code k}; -1 when it falls outside the output.
     */
    public int transposedOutputOffset(int[] i, int[] k) {
        int offset = 0;
        for (int a = 0; a < outSize.length; a++) {
            int o = transposedOutputIndex(a, i[a], k[a]);
            if (o < 0 || o >= outSize[a]) {
                return -1;
            }
            offset = offset * outSize[a] + o;
        }
        return offset;
    }

    /** Output position of ConvTranspose written by input position {@code i} through kernel tap {@code k} (may fall outside). */
    public int transposedOutputIndex(int axis, int i, int k) {
        return i * strides[axis] + k * dilations[axis] - padsBegin[axis];
    }
}
