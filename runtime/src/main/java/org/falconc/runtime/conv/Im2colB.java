package org.falconc.runtime.conv;

import org.falconc.runtime.gemm.BPanelSource;

/**
 * The im2col matrix X̂[Cg*R*S, OH*OW] of one image group, never materialised: the GEMM asks for one
 * KC x NC block at a time and this writes it straight into packed NR-wide strips. Each K row
 * (c, r, s) of a block is a few row-shifted copies of input rows (one per output row the columns
 * touch), zero where the taps fall into the padding, so packing costs about one copy per element.
 */
final class Im2colB implements BPanelSource {

    private final float[] x;
    private final int xOff;
    private final int batchStride;
    private final int h;
    private final int w;
    private final int ow;
    private final int r;
    private final int s;
    private final int strideH;
    private final int strideW;
    private final int padTop;
    private final int padLeft;
    private final int dilH;
    private final int dilW;
    /** Per kernel column sx: output columns [owLo[sx], owHi[sx]) read inside the input row. */
    private final int[] owLo;
    private final int[] owHi;

    Im2colB(float[] x, int xOff, int batchStride, int h, int w, int ow, int r, int s,
            int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW) {
        this.x = x;
        this.xOff = xOff;
        this.batchStride = batchStride;
        this.h = h;
        this.w = w;
        this.ow = ow;
        this.r = r;
        this.s = s;
        this.strideH = strideH;
        this.strideW = strideW;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.dilH = dilH;
        this.dilW = dilW;
        this.owLo = new int[s];
        this.owHi = new int[s];
        for (int sx = 0; sx < s; sx++) {
            int shift = sx * dilW - padLeft; // iw = o * strideW + shift
            owLo[sx] = clamp(ceilDiv(-shift, strideW), 0, ow);
            owHi[sx] = clamp(ceilDiv(w - shift, strideW), owLo[sx], ow);
        }
    }

    @Override
    public void pack(int batch, int k0, int k1, int n0, int n1, float[] dst, int dstOff, int stripStride, int nr) {
        int kc = k1 - k0;
        int rs = r * s;
        int base = xOff + batch * batchStride;
        int oh0 = n0 / ow;
        int ow0 = n0 % ow;
        int c = k0 / rs;
        int ry = (k0 % rs) / s;
        int sx = k0 % s;
        for (int kk = 0; kk < kc; kk++) {
            int plane = base + c * h * w;
            int ihShift = ry * dilH - padTop;
            int iwShift = sx * dilW - padLeft;
            int lo = owLo[sx];
            int hi = owHi[sx];
            int q = n0;
            int oh = oh0;
            int o = ow0;
            // Position in the packed block, advanced without divisions: strip and column within it.
            int strip = 0;
            int inStrip = 0;
            int rowBase = dstOff + kk * nr;
            while (q < n1) {
                int len = Math.min(Math.min(ow - o, n1 - q), nr - inStrip);
                int d = rowBase + strip * stripStride + inStrip;
                int ih = oh * strideH + ihShift;
                int a = Math.max(o, lo);
                int b = Math.min(o + len, hi);
                if (ih < 0 || ih >= h || b <= a) {
                    zero(dst, d, d + len);
                } else {
                    // Padding columns are few (a kernel's overhang): plain loops, not calls.
                    zero(dst, d, d + (a - o));
                    int src = plane + ih * w + a * strideW + iwShift;
                    int dd = d + (a - o);
                    if (strideW == 1) {
                        System.arraycopy(x, src, dst, dd, b - a);
                    } else {
                        for (int i = 0, n = b - a; i < n; i++) {
                            dst[dd + i] = x[src + i * strideW];
                        }
                    }
                    zero(dst, d + (b - o), d + len);
                }
                q += len;
                o += len;
                inStrip += len;
                if (inStrip == nr) {
                    inStrip = 0;
                    strip++;
                }
                if (o == ow) {
                    o = 0;
                    oh++;
                }
            }
            int tail = (n1 - n0) % nr;
            if (tail != 0) {
                int d = dstOff + ((n1 - n0) / nr) * stripStride + kk * nr;
                java.util.Arrays.fill(dst, d + tail, d + nr, 0f);
            }
            // Next K row: (c, ry, sx) in row-major order.
            if (++sx == s) {
                sx = 0;
                if (++ry == r) {
                    ry = 0;
                    c++;
                }
            }
        }
    }

    /** dst[from, to) = 0; a loop, since most calls clear a few elements or none. */
    private static void zero(float[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = 0f;
        }
    }

    private static int ceilDiv(int a, int b) {
        return Math.floorDiv(a + b - 1, b);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
