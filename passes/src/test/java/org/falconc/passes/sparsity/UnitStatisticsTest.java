package org.falconc.passes.sparsity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;
import org.junit.jupiter.api.Test;

/** Unit live fractions against a naive enumeration of the rule of docs/sparsity.md, pixel by pixel. */
class UnitStatisticsTest {
    private record Conv(int n, int c, int h, int w, int k, int group, int r, int s, int sh, int sw, int pt, int pl,
                        int pb, int pr, int dh, int dw, int block, boolean oneD) {
    }

    private static Node node(Conv cv) {
        Graph g = new Graph("t");
        int[] xs = cv.oneD ? new int[] {cv.n, cv.c, cv.w} : new int[] {cv.n, cv.c, cv.h, cv.w};
        int[] ws = cv.oneD ? new int[] {cv.k, cv.c / cv.group, cv.s} : new int[] {cv.k, cv.c / cv.group, cv.r, cv.s};
        Value x = g.addInput("x", TensorType.of(DType.F32, xs));
        Value w = g.addConstant("w", Tensor.zeros(TensorType.of(DType.F32, ws)));
        int q = cv.oneD ? cv.w : cv.h * cv.w;
        Value m = g.addInput("m", TensorType.of(DType.BOOL, cv.n, cv.c, (q + cv.block - 1) / cv.block));
        Attributes a = new Attributes().setInt("group", cv.group).setString("activation", "")
                .setInt("unit_channels", 4).setInt("unit_pixels", 64).setInt("input_mask_block", cv.block);
        if (cv.oneD) {
            a.setInts("strides", cv.sw).setInts("pads", cv.pl, cv.pr).setInts("dilations", cv.dw);
        } else {
            a.setInts("strides", cv.sh, cv.sw).setInts("pads", cv.pt, cv.pl, cv.pb, cv.pr).setInts("dilations", cv.dh, cv.dw);
        }
        Node n = g.addNode("DecomposedConv", "conv", java.util.Arrays.asList(x, w, null, null, m), List.of("y"), a);
        n.output(0).setType(OpRegistry.of(n).inference().infer(n).get(0));
        return n;
    }

    /** The rule, enumerated per input pixel: is pixel (iy, ix) inside the rows/columns tile [p0, p1) reads? */
    private static double naive(Conv cv, SparseConvGeometry g, Tensor x, Unit u) {
        int h = cv.oneD ? 1 : cv.h;
        int r = cv.oneD ? 1 : cv.r;
        int sh = cv.oneD ? 1 : cv.sh;
        int pt = cv.oneD ? 0 : cv.pt;
        int dh = cv.oneD ? 1 : cv.dh;
        int oh = g.outH;
        int ow = g.outW;
        int p = oh * ow;
        float[] d = x.floats();
        int q = h * cv.w;
        int cg = cv.c / cv.group;
        long live = 0;
        long total = 0;
        for (int n = 0; n < cv.n; n++) {
            for (int grp = 0; grp < cv.group; grp++) {
                for (int c0 = 0; c0 < cg; c0 += u.channels()) {
                    for (int p0 = 0; p0 < p; p0 += u.pixels()) {
                        int p1 = Math.min(p, p0 + u.pixels());
                        int oy0 = p0 / ow;
                        int oy1 = (p1 - 1) / ow;
                        int rowLo = oy0 * sh - pt;
                        int rowHi = oy1 * sh - pt + (r - 1) * dh;
                        int colLo = 0;
                        int colHi = cv.w - 1;
                        if (oy0 == oy1) {
                            colLo = (p0 % ow) * cv.sw - cv.pl;
                            colHi = ((p1 - 1) % ow) * cv.sw - cv.pl + (cv.s - 1) * cv.dw;
                        }
                        boolean isLive = false;
                        for (int c = grp * cg + c0; c < grp * cg + Math.min(cg, c0 + u.channels()); c++) {
                            for (int iy = 0; iy < h; iy++) {
                                for (int ix = 0; ix < cv.w; ix++) {
                                    if (iy < rowLo || iy > rowHi || ix < colLo || ix > colHi) {
                                        continue;
                                    }
                                    // the block of (iy, ix) is live if any pixel of that block is non-zero
                                    int b = (iy * cv.w + ix) / cv.block;
                                    for (int j = b * cv.block; j < Math.min(q, (b + 1) * cv.block); j++) {
                                        isLive |= d[(n * cv.c + c) * q + j] != 0;
                                    }
                                }
                            }
                        }
                        live += isLive ? 1 : 0;
                        total++;
                    }
                }
            }
        }
        return (double) live / total;
    }

    private static Tensor sparseInput(Random rnd, int[] dims, double zeros) {
        float[] d = new float[Shape.of(dims).numElements()];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextDouble() < zeros ? 0 : (float) rnd.nextGaussian();
        }
        return Tensor.ofFloats(Shape.of(dims), d);
    }

    @Test
    void matchesNaiveEnumeration() {
        List<Conv> convs = new ArrayList<>();
        convs.add(new Conv(1, 16, 12, 12, 8, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 16, false));
        convs.add(new Conv(2, 8, 9, 13, 4, 2, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 16, false));
        convs.add(new Conv(1, 12, 20, 20, 6, 3, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 8, false));
        convs.add(new Conv(1, 6, 10, 10, 6, 1, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 16, false));
        convs.add(new Conv(1, 4, 5, 40, 4, 1, 5, 5, 1, 3, 4, 4, 4, 4, 1, 1, 7, false));
        convs.add(new Conv(1, 5, 1, 300, 4, 1, 1, 3, 1, 2, 0, 1, 0, 1, 1, 1, 16, true));
        Random rnd = new Random(5);
        for (Conv cv : convs) {
            Node n = node(cv);
            SparseConvGeometry g = SparseConvGeometry.of(n);
            UnitStatistics stats = new UnitStatistics(n);
            List<Tensor> inputs = new ArrayList<>();
            for (double zeros : new double[] {0.9, 0.97, 0.995}) {
                Tensor x = sparseInput(rnd, n.input(0).type().shape().dims(), zeros);
                inputs.add(x);
                stats.accumulate(x);
            }
            assertEquals(3, stats.samples());
            for (Unit u : stats.candidates()) {
                double want = 0;
                for (Tensor x : inputs) {
                    want += naive(cv, g, x, u) / inputs.size(); // same unit count per input: mean of fractions
                }
                assertEquals(want, stats.liveFraction(u), 1e-12, cv + " unit " + u);
            }
        }
    }

    @Test
    void candidatesStopAtTheChannelsPerGroup() {
        int pixels = Unit.CANDIDATE_PIXELS.length;
        assertEquals(pixels, Unit.candidates(1).size());
        assertEquals(3 * pixels, Unit.candidates(5).size());
        assertEquals(7 * pixels, Unit.candidates(512).size());
    }

    @Test
    void tileInThePaddingCoversNothing() {
        // 1-D, kernel 1, pad 3 each side: the first output pixels read only padding
        Conv cv = new Conv(1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 0, 3, 0, 3, 1, 1, 2, true);
        SparseConvGeometry g = SparseConvGeometry.of(node(cv));
        assertArrayEquals(new int[0], g.coveredBlocks(0, 3, 2));
        assertArrayEquals(new int[] {0, 1}, g.coveredBlocks(0, 10, 2));
    }
}
