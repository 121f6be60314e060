package org.falconc.runtime.conv;

/**
 * One channels-last convolution ready to run: packed weights ({@link ConvNhwc#packInto}) with the
 * geometry and register-block variant chosen at compile time. Immutable, so one instance serves
 * concurrent calls. Built by {@link ConvNhwc#prepacked}.
 */
public final class ConvNhwcLayer {

    private final float[] panels;
    private final int n, c, h, w, k, oh, ow, r, s;
    private final int strideH, strideW, padTop, padLeft, dilH, dilW, group;
    private final int inPixelStride, outPixelStride, variant;
    /** Column pieces of one group for {@link NhwcKernels#best()}: pairs (first channel, vectors). */
    private final int[] bestPieces;

    ConvNhwcLayer(float[] panels, int n, int c, int h, int w, int k, int oh, int ow, int r, int s,
                  int strideH, int strideW, int padTop, int padLeft, int dilH, int dilW, int group,
                  int inPixelStride, int outPixelStride, int variant) {
        this.panels = panels;
        this.n = n;
        this.c = c;
        this.h = h;
        this.w = w;
        this.k = k;
        this.oh = oh;
        this.ow = ow;
        this.r = r;
        this.s = s;
        this.strideH = strideH;
        this.strideW = strideW;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.dilH = dilH;
        this.dilW = dilW;
        this.group = group;
        this.inPixelStride = inPixelStride;
        this.outPixelStride = outPixelStride;
        this.variant = variant;
        this.bestPieces = ConvNhwc.isDepthwiseVariant(variant) ? null : splitColumns(NhwcKernels.best());
    }

    /**
     * The output channels of one group cut into register-block widths: full blocks of the variant's
     * vector count, then narrower blocks for the rest (never past the group's zero-padded panels).
     */
    int[] pieces(NhwcKernel kernel) {
        return kernel.lanes() == NhwcKernels.best().lanes() && bestPieces != null ? bestPieces : splitColumns(kernel);
    }

    private int[] splitColumns(NhwcKernel kernel) {
        int lanes = kernel.lanes();
        int padded = ConvNhwc.roundUp(k / group, NhwcKernel.PANEL);
        int nv = ConvNhwc.vectors(variant);
        int[] out = new int[2 * (padded / lanes + 1)];
        int count = 0;
        int col = 0;
        while (col < padded) {
            int width = nv;
            while (col + width * lanes > padded) {
                width /= 2;
            }
            out[2 * count] = col;
            out[2 * count + 1] = width;
            count++;
            col += width * lanes;
        }
        return java.util.Arrays.copyOf(out, 2 * count);
    }

    float[] panels() {
        return panels;
    }

    /**
     * The packed weights ({@link ConvNhwc#packInto}'s layout), not a copy: for other kernels that run
     * this layer on the same panels (the sparse convolution). Callers must not modify them.
     */
    public float[] packedWeights() {
        return panels;
    }

    public int batch() {
        return n;
    }

    public int inChannels() {
        return c;
    }

    public int inHeight() {
        return h;
    }

    public int inWidth() {
        return w;
    }

    public int outChannels() {
        return k;
    }

    public int outHeight() {
        return oh;
    }

    public int outWidth() {
        return ow;
    }

    public int kernelH() {
        return r;
    }

    public int kernelW() {
        return s;
    }

    public int strideH() {
        return strideH;
    }

    public int strideW() {
        return strideW;
    }

    public int padTop() {
        return padTop;
    }

    public int padLeft() {
        return padLeft;
    }

    public int dilationH() {
        return dilH;
    }

    public int dilationW() {
        return dilW;
    }

    public int group() {
        return group;
    }

    /** Elements between consecutive input pixels (>= C: the input may be a channel slice). */
    public int inPixelStride() {
        return inPixelStride;
    }

    /** Elements between consecutive output pixels (>= K: the output may be a channel slice). */
    public int outPixelStride() {
        return outPixelStride;
    }

    /** The register-block variant ({@link ConvNhwc#variantName}). */
    public int variant() {
        return variant;
    }

    @Override
    public String toString() {
        return "ConvNhwc N" + n + " " + h + "x" + w + "x" + c + " -> " + oh + "x" + ow + "x" + k
                + " kernel " + r + "x" + s + " stride " + strideH + "," + strideW + " pads " + padTop + "," + padLeft
                + " dilation " + dilH + "," + dilW + " group " + group
                + " pixel strides " + inPixelStride + "," + outPixelStride + " [" + ConvNhwc.variantName(variant) + "]";
    }
}
