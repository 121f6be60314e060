package org.falconc.runtime.ops;

import org.falconc.runtime.parallel.ExecutionContext;

/**
 * 2-D pooling fast paths on NCHW planes with resolved geometry (the lowering takes kernel,
 * strides, pads after auto_pad, dilations and the output size, ceil_mode included, from ir's
 * WindowGeometry). Output (oh, ow) with tap (kh, kw) reads input row oh·strideH + kh·dilationH - padTop
 * and column ow·strideW + kw·dilationW - padLeft; taps outside the input are skipped. Planes run in
 * parallel on {@code ctx} (null runs on the calling thread).
 */
public final class Pool2d {
    /** Below this many window taps in total the loop stays on the calling thread. */
    private static final long PARALLEL_WORK = 1 << 15;

    private Pool2d() {
    }

    /**
     * MaxPool: the first tap inside the input starts the maximum, later taps replace it when
     * greater (so NaN wins only as the first tap, as in the reference). A window with no tap inside
     * the input yields -Float.MAX_VALUE. Signed zeros: where the rule gives -0 this may give +0.
     */
    public static void maxPool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int planes,
                               int inH, int inW, int outH, int outW, int kernelH, int kernelW, int strideH,
                               int strideW, int padTop, int padLeft, int dilationH, int dilationW) {
        // Per output row: the column maxima over the window's rows (stride-1 loops the JIT vectorises),
        // then the maxima over each window's columns. Math.max is branch-free; it differs from the
        // tap-order rule only when a tap is NaN, so a NaN result is recomputed by that rule.
        int owA = 0;
        while (owA < outW && owA * strideW - padLeft < 0) {
            owA++;
        }
        int owB = outW;
        while (owB > owA && (owB - 1) * strideW - padLeft + (kernelW - 1) * dilationW >= inW) {
            owB--;
        }
        int interiorLo = owA;
        int interiorHi = owB;
        forPlanes(ctx, planes, (long) outH * outW * kernelH * kernelW, inW, (p, col) -> {
            int xp = xOff + p * inH * inW;
            int yp = yOff + p * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                int h0 = oh * strideH - padTop;
                int khLo = WindowRange.first(h0, dilationH, 0);
                int khHi = WindowRange.end(h0, dilationH, inH, kernelH, khLo);
                int yr = yp + oh * outW;
                if (khLo == khHi) {
                    java.util.Arrays.fill(y, yr, yr + outW, -Float.MAX_VALUE);
                    continue;
                }
                System.arraycopy(x, xp + (h0 + khLo * dilationH) * inW, col, 0, inW);
                for (int kh = khLo + 1; kh < khHi; kh++) {
                    int row = xp + (h0 + kh * dilationH) * inW;
                    for (int iw = 0; iw < inW; iw++) {
                        col[iw] = Math.max(col[iw], x[row + iw]);
                    }
                }
                for (int ow = 0; ow < outW; ow++) {
                    if (ow == interiorLo && interiorLo < interiorHi) {
                        rowMaxima(col, y, yr, interiorLo, interiorHi, kernelW, strideW, padLeft, dilationW);
                        ow = interiorHi - 1;
                        continue;
                    }
                    int w0 = ow * strideW - padLeft;
                    int kwLo = WindowRange.first(w0, dilationW, 0);
                    int kwHi = WindowRange.end(w0, dilationW, inW, kernelW, kwLo);
                    float m = -Float.MAX_VALUE;
                    if (kwLo < kwHi) {
                        m = col[w0 + kwLo * dilationW];
                        for (int kw = kwLo + 1; kw < kwHi; kw++) {
                            m = Math.max(m, col[w0 + kw * dilationW]);
                        }
                    }
                    y[yr + ow] = m;
                }
                for (int ow = 0; ow < outW; ow++) {
                    if (Float.isNaN(y[yr + ow])) {
                        y[yr + ow] = tapOrderMax(x, xp, inW, h0, khLo, khHi, ow * strideW - padLeft, kernelW,
                                dilationH, dilationW);
                    }
                }
            }
        });
    }

    /** Window maxima over the column maxima for outputs [owLo, owHi), whose windows lie inside the row. */
    private static void rowMaxima(float[] col, float[] y, int yr, int owLo, int owHi, int kernelW, int strideW,
                                  int padLeft, int dilationW) {
        if (kernelW == 3 && dilationW == 1) {
            for (int ow = owLo; ow < owHi; ow++) {
                int b = ow * strideW - padLeft;
                y[yr + ow] = Math.max(Math.max(col[b], col[b + 1]), col[b + 2]);
            }
        } else if (kernelW == 2 && dilationW == 1) {
            for (int ow = owLo; ow < owHi; ow++) {
                int b = ow * strideW - padLeft;
                y[yr + ow] = Math.max(col[b], col[b + 1]);
            }
        } else {
            for (int ow = owLo; ow < owHi; ow++) {
                int b = ow * strideW - padLeft;
                float m = col[b];
                for (int kw = 1; kw < kernelW; kw++) {
                    m = Math.max(m, col[b + kw * dilationW]);
                }
                y[yr + ow] = m;
            }
        }
    }

    /** The reference rule for one window: the first tap inside starts the maximum, greater taps replace it. */
    private static float tapOrderMax(float[] x, int xp, int inW, int h0, int khLo, int khHi, int w0, int kernelW,
                                     int dilationH, int dilationW) {
        int kwLo = WindowRange.first(w0, dilationW, 0);
        int kwHi = WindowRange.end(w0, dilationW, inW, kernelW, kwLo);
        if (kwLo == kwHi) {
            return -Float.MAX_VALUE;
        }
        float m = x[xp + (h0 + khLo * dilationH) * inW + w0 + kwLo * dilationW];
        for (int kh = khLo; kh < khHi; kh++) {
            int row = xp + (h0 + kh * dilationH) * inW + w0;
            for (int kw = kwLo; kw < kwHi; kw++) {
                float v = x[row + kw * dilationW];
                if (v > m) {
                    m = v;
                }
            }
        }
        return m;
    }

    /**
     * AveragePool: the sum (in double) of the taps inside the input, divided by their number, or
     * with {@code countIncludePad} by the number of taps inside the input extended by the explicit
     * pads (padBottom, padRight included; the ceil_mode overhang beyond them never counts), as ONNX
     * Runtime does per output position.
     */
    public static void averagePool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int planes,
                                   int inH, int inW, int outH, int outW, int kernelH, int kernelW, int strideH,
                                   int strideW, int padTop, int padLeft, int padBottom, int padRight,
                                   int dilationH, int dilationW, boolean countIncludePad) {
        forPlanes(ctx, planes, (long) outH * outW * kernelH * kernelW, p -> {
            int xp = xOff + p * inH * inW;
            int yp = yOff + p * outH * outW;
            for (int oh = 0; oh < outH; oh++) {
                int h0 = oh * strideH - padTop;
                int khLo = WindowRange.first(h0, dilationH, 0);
                int khHi = WindowRange.end(h0, dilationH, inH, kernelH, khLo);
                int rowsCounted = khHi - khLo;
                if (countIncludePad) {
                    int lo = WindowRange.first(h0, dilationH, -padTop);
                    rowsCounted = WindowRange.end(h0, dilationH, inH + padBottom, kernelH, lo) - lo;
                }
                for (int ow = 0; ow < outW; ow++) {
                    int w0 = ow * strideW - padLeft;
                    int kwLo = WindowRange.first(w0, dilationW, 0);
                    int kwHi = WindowRange.end(w0, dilationW, inW, kernelW, kwLo);
                    int colsCounted = kwHi - kwLo;
                    if (countIncludePad) {
                        int lo = WindowRange.first(w0, dilationW, -padLeft);
                        colsCounted = WindowRange.end(w0, dilationW, inW + padRight, kernelW, lo) - lo;
                    }
                    double sum = 0;
                    for (int kh = khLo; kh < khHi; kh++) {
                        int row = xp + (h0 + kh * dilationH) * inW + w0;
                        for (int kw = kwLo; kw < kwHi; kw++) {
                            sum += x[row + kw * dilationW];
                        }
                    }
                    y[yp + oh * outW + ow] = (float) (sum / (rowsCounted * colsCounted));
                }
            }
        });
    }

    /** GlobalAveragePool: the mean (summed in double) of each plane of {@code planeSize} elements. */
    public static void globalAveragePool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int planes,
                                         int planeSize) {
        forPlanes(ctx, planes, planeSize, p -> {
            int base = xOff + p * planeSize;
            double sum = 0;
            for (int i = 0; i < planeSize; i++) {
                sum += x[base + i];
            }
            y[yOff + p] = (float) (sum / planeSize);
        });
    }

    /** GlobalMaxPool: the maximum of each plane; NaN propagates (as the reference's Math.max fold). */
    public static void globalMaxPool(ExecutionContext ctx, float[] x, int xOff, float[] y, int yOff, int planes,
                                     int planeSize) {
        forPlanes(ctx, planes, planeSize, p -> {
            int base = xOff + p * planeSize;
            float m = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < planeSize; i++) {
                m = Math.max(m, x[base + i]);
            }
            y[yOff + p] = m;
        });
    }

    /** A plane's work with a scratch row of its lane. */
    interface PlaneWithScratch {
        void run(int plane, float[] scratch);
    }

    /** Scratch slot of the pooling kernels (slots 0..7 belong to the GEMM). */
    private static final int SCRATCH_SLOT = 8;

    /** {@link #forPlanes} giving each plane a scratch array of at least {@code scratchLength} floats. */
    static void forPlanes(ExecutionContext ctx, int planes, long workPerPlane, int scratchLength, PlaneWithScratch body) {
        if (ctx == null || ctx.threads() == 1 || planes < 2 || planes * workPerPlane < PARALLEL_WORK) {
            float[] scratch = ctx == null ? new float[scratchLength] : ctx.scratch(SCRATCH_SLOT, scratchLength);
            for (int p = 0; p < planes; p++) {
                body.run(p, scratch);
            }
            return;
        }
        int minChunk = (int) Math.max(1, PARALLEL_WORK / Math.max(1, workPerPlane));
        ctx.pool().parallelRange(planes, minChunk, (start, end, lane) -> {
            float[] scratch = ctx.scratch(lane, SCRATCH_SLOT, scratchLength);
            for (int p = start; p < end; p++) {
                body.run(p, scratch);
            }
        });
    }

    /** Runs {@code body} for every plane, in parallel when the work is worth it. */
    static void forPlanes(ExecutionContext ctx, int planes, long workPerPlane, java.util.function.IntConsumer body) {
        if (ctx == null || ctx.threads() == 1 || planes < 2 || planes * workPerPlane < PARALLEL_WORK) {
            for (int p = 0; p < planes; p++) {
                body.accept(p);
            }
            return;
        }
        int minChunk = (int) Math.max(1, PARALLEL_WORK / Math.max(1, workPerPlane));
        ctx.pool().parallelRange(planes, minChunk, (start, end, lane) -> {
            for (int p = start; p < end; p++) {
                body.accept(p);
            }
        });
    }
}
