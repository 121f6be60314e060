package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/** Data-movement kernels against naive multi-index twins, Pad and DepthToSpace also against the interpreter. */
class LayoutTest {
    private final Random rnd = new Random(7);

    private static float[] iota(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 0.5f;
        }
        return v;
    }

    private int[] permutation(int rank) {
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = i;
        }
        for (int i = rank - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Test
    void transposeMatchesNaive() {
        for (int trial = 0; trial < 200; trial++) {
            int rank = 1 + rnd.nextInt(5);
            int[] in = TestData.shape(rnd, rank, 5);
            int[] perm = permutation(rank);
            float[] x = iota(TestData.volume(in));
            float[] y = new float[x.length + 1];
            Transpose.run(x, 0, y, 1, in, perm);
            int[] out = new int[rank];
            for (int a = 0; a < rank; a++) {
                out[a] = in[perm[a]];
            }
            int[] o = new int[rank];
            int[] i = new int[rank];
            float[] expected = new float[x.length];
            for (int p = 0; p < x.length; p++) {
                TestData.unravel(p, out, o);
                for (int a = 0; a < rank; a++) {
                    i[perm[a]] = o[a];
                }
                expected[p] = x[TestData.ravel(i, in)];
            }
            TestData.assertBitsEqual(expected, java.util.Arrays.copyOfRange(y, 1, y.length), "perm " + TestData.describe(perm));
            // other element types take the same path
            long[] xl = new long[x.length];
            for (int p = 0; p < x.length; p++) {
                xl[p] = (long) x[p];
            }
            long[] yl = new long[x.length];
            Transpose.run(xl, 0, yl, 0, in, perm);
            for (int p = 0; p < x.length; p++) {
                assertArrayEquals(new long[] {(long) expected[p]}, new long[] {yl[p]});
            }
        }
    }

    @Test
    void sliceWithStepsMatchesNaive() {
        for (int trial = 0; trial < 200; trial++) {
            int rank = 1 + rnd.nextInt(4);
            int[] in = TestData.shape(rnd, rank, 7);
            int[] starts = new int[rank];
            int[] steps = new int[rank];
            int[] out = new int[rank];
            for (int a = 0; a < rank; a++) {
                steps[a] = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(3));
                starts[a] = rnd.nextInt(in[a]);
                int room = steps[a] > 0 ? (in[a] - starts[a] + steps[a] - 1) / steps[a] : starts[a] / -steps[a] + 1;
                out[a] = rnd.nextInt(room + 1);
            }
            int[] xi = new int[TestData.volume(in)];
            for (int p = 0; p < xi.length; p++) {
                xi[p] = p * 3 + 1;
            }
            int[] y = new int[TestData.volume(out)];
            Slice.run(xi, 0, y, 0, in, starts, steps, out);
            int[] o = new int[rank];
            int[] i = new int[rank];
            for (int p = 0; p < y.length; p++) {
                TestData.unravel(p, out, o);
                for (int a = 0; a < rank; a++) {
                    i[a] = starts[a] + o[a] * steps[a];
                }
                assertArrayEquals(new int[] {xi[TestData.ravel(i, in)]}, new int[] {y[p]}, "slice element " + p);
            }
        }
    }

    @Test
    void concatThenSplitRoundTrips() {
        for (int trial = 0; trial < 100; trial++) {
            int rank = 1 + rnd.nextInt(4);
            int axis = rnd.nextInt(rank);
            int parts = 1 + rnd.nextInt(3);
            int[] base = TestData.shape(rnd, rank, 4);
            int[] sizes = new int[parts];
            int total = 0;
            for (int k = 0; k < parts; k++) {
                sizes[k] = rnd.nextInt(4); // zero-size parts included
                total += sizes[k];
            }
            int outer = 1;
            int inner = 1;
            for (int a = 0; a < axis; a++) {
                outer *= base[a];
            }
            for (int a = axis + 1; a < rank; a++) {
                inner *= base[a];
            }
            int[] outShape = base.clone();
            outShape[axis] = total;
            boolean[][] inputs = new boolean[parts][];
            boolean[] y = new boolean[TestData.volume(outShape)];
            int start = 0;
            for (int k = 0; k < parts; k++) {
                inputs[k] = TestData.bools(rnd, outer * sizes[k] * inner);
                Concat.copyInto(inputs[k], 0, y, 0, outer, inner, sizes[k], total, start);
                start += sizes[k];
            }
            // naive: output coordinate along the axis picks the part
            int[] o = new int[rank];
            for (int p = 0; p < y.length; p++) {
                TestData.unravel(p, outShape, o);
                int c = o[axis];
                int k = 0;
                while (c >= sizes[k]) {
                    c -= sizes[k++];
                }
                int[] partShape = base.clone();
                partShape[axis] = sizes[k];
                int[] pi = o.clone();
                pi[axis] = c;
                assertArrayEquals(new boolean[] {inputs[k][TestData.ravel(pi, partShape)]}, new boolean[] {y[p]});
            }
            start = 0;
            for (int k = 0; k < parts; k++) {
                boolean[] back = new boolean[inputs[k].length];
                Split.copyOut(y, 0, back, 0, outer, inner, total, sizes[k], start);
                assertArrayEquals(inputs[k], back, "split part " + k);
                start += sizes[k];
            }
        }
    }

    @Test
    void gatherMatchesNaiveAndChecksRange() {
        for (int trial = 0; trial < 100; trial++) {
            int outer = 1 + rnd.nextInt(3);
            int axisDim = 1 + rnd.nextInt(5);
            int inner = 1 + rnd.nextInt(4);
            int count = rnd.nextInt(6);
            long[] idx = new long[count];
            int[] idx32 = new int[count];
            for (int j = 0; j < count; j++) {
                idx[j] = rnd.nextInt(2 * axisDim) - axisDim;
                idx32[j] = (int) idx[j];
            }
            float[] x = iota(outer * axisDim * inner);
            float[] y = new float[outer * count * inner];
            float[] y32 = new float[y.length];
            Gather.run(x, 0, y, 0, outer, axisDim, inner, idx, 0, count);
            Gather.run(x, 0, y32, 0, outer, axisDim, inner, idx32, 0, count);
            float[] expected = new float[y.length];
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < count; j++) {
                    int i = (int) (idx[j] < 0 ? idx[j] + axisDim : idx[j]);
                    for (int in = 0; in < inner; in++) {
                        expected[(o * count + j) * inner + in] = x[(o * axisDim + i) * inner + in];
                    }
                }
            }
            TestData.assertBitsEqual(expected, y, "gather");
            TestData.assertBitsEqual(expected, y32, "gather i32 indices");
        }
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gather.run(new float[3], 0, new float[1], 0, 1, 3, 1, new long[] {3}, 0, 1));
    }

    @Test
    void expandAndTileMatchNaive() {
        for (int trial = 0; trial < 100; trial++) {
            int rank = 1 + rnd.nextInt(4);
            int[] out = TestData.shape(rnd, rank, 4);
            int r = rnd.nextInt(rank + 1);
            int[] in = new int[r];
            for (int a = 0; a < r; a++) {
                in[a] = rnd.nextBoolean() ? 1 : out[rank - r + a];
            }
            float[] x = iota(TestData.volume(in));
            float[] y = new float[TestData.volume(out)];
            Expand.run(x, 0, y, 0, in, out);
            int[] o = new int[rank];
            for (int p = 0; p < y.length; p++) {
                TestData.unravel(p, out, o);
                assertArrayEquals(new float[] {x[TestData.broadcastSource(o, in)]}, new float[] {y[p]});
            }

            int[] tin = TestData.shape(rnd, rank, 3);
            int[] reps = TestData.shape(rnd, rank, 3);
            int[] tout = new int[rank];
            for (int a = 0; a < rank; a++) {
                tout[a] = tin[a] * reps[a];
            }
            long[] tx = new long[TestData.volume(tin)];
            for (int p = 0; p < tx.length; p++) {
                tx[p] = p;
            }
            long[] ty = new long[TestData.volume(tout)];
            Tile.run(tx, 0, ty, 0, tin, reps);
            int[] ti = new int[rank];
            for (int p = 0; p < ty.length; p++) {
                TestData.unravel(p, tout, o);
                for (int a = 0; a < rank; a++) {
                    ti[a] = o[a] % tin[a];
                }
                assertArrayEquals(new long[] {tx[TestData.ravel(ti, tin)]}, new long[] {ty[p]});
            }
        }
    }

    /** The reference interpreter's Pad on the same arguments. */
    private static float[] interpreterPad(float[] x, int[] in, int[] begin, int[] end, String mode, float value) {
        long[] pads = new long[2 * in.length];
        for (int a = 0; a < in.length; a++) {
            pads[a] = begin[a];
            pads[in.length + a] = end[a];
        }
        Tensor out = Oracle.run("Pad", attrs -> attrs.setString("mode", mode), 1, Oracle.floats(in, x),
                Tensor.ofLongs(Shape.of(pads.length), pads), Tensor.scalar(value)).get(0);
        return out.floats();
    }

    @Test
    void padMatchesTheInterpreterInEveryMode() {
        String[] modes = {"constant", "reflect", "edge", "wrap"};
        for (int trial = 0; trial < 120; trial++) {
            String mode = modes[trial % 4];
            int rank = 1 + rnd.nextInt(4);
            int[] in = TestData.shape(rnd, rank, 5);
            int[] begin = new int[rank];
            int[] end = new int[rank];
            for (int a = 0; a < rank; a++) {
                // negative pads crop; leave at least one element for the non-constant modes
                begin[a] = rnd.nextInt(5) - 2;
                end[a] = rnd.nextInt(5) - 2;
                while (in[a] + Math.min(0, begin[a]) + Math.min(0, end[a]) < 1) {
                    begin[a]++;
                    end[a] = Math.max(end[a], 0);
                }
                if (mode.equals("reflect")) { // reflect needs the pad within the kept extent
                    int kept = in[a] + Math.min(0, begin[a]) + Math.min(0, end[a]);
                    begin[a] = Math.min(begin[a], kept - 1);
                    end[a] = Math.min(end[a], kept - 1);
                }
            }
            float[] x = TestData.floats(rnd, TestData.volume(in));
            float[] expected = interpreterPad(x, in, begin, end, mode, 2.5f);
            float[] y = new float[expected.length + 3];
            java.util.Arrays.fill(y, Float.NaN);
            Pad.run(x, 0, y, 3, in, begin, end, Pad.mode(mode), 2.5f);
            TestData.assertBitsEqual(expected, java.util.Arrays.copyOfRange(y, 3, y.length),
                    mode + " " + TestData.describe(in) + " " + TestData.describe(begin) + " " + TestData.describe(end));
        }
    }

    @Test
    void padIntegerConformanceShape() {
        // test_edge_pad / test_reflect_pad: i32 [1,3,4,5], pads [0,0,1,1,0,0,1,1]
        int[] in = {1, 3, 4, 5};
        int[] x = new int[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i;
        }
        int[] y = new int[1 * 3 * 6 * 7];
        Pad.run(x, 0, y, 0, in, new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}, Pad.EDGE, 0);
        // corner (0,0) of the first plane repeats x[0]; the first padded row repeats row 0
        assertArrayEquals(new int[] {0, 0, 1, 2, 3, 4, 4}, java.util.Arrays.copyOfRange(y, 0, 7));
        Pad.run(x, 0, y, 0, in, new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1}, Pad.REFLECT, 0);
        assertArrayEquals(new int[] {6, 5, 6, 7, 8, 9, 8}, java.util.Arrays.copyOfRange(y, 0, 7));
    }

    @Test
    void depthToSpaceAndSpaceToDepthMatchTheInterpreter() {
        for (int trial = 0; trial < 20; trial++) {
            int b = 1 + rnd.nextInt(3);
            int n = 1 + rnd.nextInt(2);
            int cc = 1 + rnd.nextInt(3);
            int h = 1 + rnd.nextInt(3);
            int w = 1 + rnd.nextInt(3);
            int[] deep = {n, cc * b * b, h, w};
            float[] x = iota(TestData.volume(deep));
            for (boolean crd : new boolean[] {false, true}) {
                float[] y = new float[x.length];
                DepthSpace.depthToSpace(x, 0, y, 0, n, cc * b * b, h, w, b, crd);
                float[] expected = Oracle.run("DepthToSpace", attrs -> attrs.setInt("blocksize", b)
                        .setString("mode", crd ? "CRD" : "DCR"), 1, Oracle.floats(deep, x)).get(0).floats();
                TestData.assertBitsEqual(expected, y, "DepthToSpace crd=" + crd);
                if (!crd) {
                    float[] back = new float[x.length];
                    DepthSpace.spaceToDepth(y, 0, back, 0, n, cc, h * b, w * b, b);
                    TestData.assertBitsEqual(x, back, "SpaceToDepth inverts DCR");
                    float[] s2d = Oracle.run("SpaceToDepth", attrs -> attrs.setInt("blocksize", b), 1,
                            Oracle.floats(new int[] {n, cc, h * b, w * b}, y)).get(0).floats();
                    TestData.assertBitsEqual(s2d, back, "SpaceToDepth vs interpreter");
                }
            }
        }
    }
}
