package org.falconc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Attributes;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;
import org.falconc.ir.ops.nn.ResizePlan;
import org.junit.jupiter.api.Test;

/**
 * Resize of the reference interpreter and of the runtime (compile-time tables built from ir's
 * ResizePlan, as the lowering does) against {@link ResizeReference}, written from the ONNX operator:
 * random shapes and scales over every mode, coordinate transformation, nearest mode, antialias,
 * exclude_outside, cubic_coeff_a and tf_crop_and_resize with extrapolation; and hand-computed cases.
 */
class ResizeTest {
    private final Random rnd = new Random(13);

    /** One Resize: the node's attributes and inputs (roi, scales, sizes may be null). */
    private record Problem(ResizeReference.Attributes at, long[] axes, Tensor x, Tensor roi, Tensor scales,
                           Tensor sizes) {
        Node node() {
            Graph g = new Graph("t");
            List<Value> ins = new ArrayList<>();
            Tensor[] args = {x, roi, scales, sizes};
            for (int i = 0; i < args.length; i++) {
                ins.add(args[i] == null ? null : g.addConstant("in" + i, args[i]));
            }
            Attributes a = new Attributes().setString("mode", at.mode())
                    .setString("coordinate_transformation_mode", at.coordinateMode())
                    .setString("nearest_mode", at.nearestMode()).setInt("antialias", at.antialias() ? 1 : 0)
                    .setInt("exclude_outside", at.excludeOutside() ? 1 : 0)
                    .setFloat("cubic_coeff_a", (float) at.cubicCoeffA())
                    .setFloat("extrapolation_value", at.extrapolationValue());
            if (axes != null) {
                a.setInts("axes", axes);
            }
            Node n = g.addNode("Resize", "n", ins, List.of("y"), a);
            n.output(0).setType(OpRegistry.of(n).inference().infer(n).get(0));
            return n;
        }
    }

    /** The runtime's path: ResizePlan, ResizeTables, Resize.run (weights at an offset, as in a weights file). */
    private static float[] viaTables(Node node, Problem p) {
        ResizePlan plan = ResizePlan.of(node, p.x().shape(), p.roi(), p.scales(), p.sizes());
        int rank = p.x().shape().rank();
        int[] in = p.x().shape().dims();
        int[] out = plan.outputShape().dims();
        double[] sc = new double[rank];
        double[] rs = new double[rank];
        double[] re = new double[rank];
        for (int a = 0; a < rank; a++) {
            sc[a] = plan.scale(a);
            rs[a] = plan.roiStart(a);
            re[a] = plan.roiEnd(a);
        }
        ResizeTables t = ResizeTables.build(plan.mode(), plan.coordinateMode(), plan.nearestMode(), plan.cubicCoeffA(),
                plan.excludeOutside(), plan.antialias(), in, out, sc, rs, re);
        float[] weights = t.weights();
        float[] shifted = new float[weights.length + 2];
        System.arraycopy(weights, 0, shifted, 2, weights.length);
        float[] y = new float[TestData.volume(out)];
        Resize.run(p.x().floats(), 0, y, 0, in, out, t.taps(), t.indices(), shifted, 2, plan.extrapolationValue());
        return y;
    }

    /**
     * Checks both implementations against the reference. Output sizes and scales come from the inputs
     * here, not from ResizePlan: scales give floor(scale · in), sizes give scale = size / in.
     */
    private static void check(Problem p, String what) {
        int[] in = p.x().shape().dims();
        int rank = in.length;
        int[] axes = new int[rank];
        int count = rank;
        if (p.axes() == null) {
            Arrays.setAll(axes, i -> i);
        } else {
            count = p.axes().length;
            for (int i = 0; i < count; i++) {
                axes[i] = (int) p.axes()[i];
            }
        }
        int[] out = in.clone();
        double[] scale = new double[rank];
        double[] roiStart = new double[rank];
        double[] roiEnd = new double[rank];
        Arrays.fill(scale, 1);
        Arrays.fill(roiEnd, 1);
        for (int i = 0; i < count; i++) {
            int a = axes[i];
            if (p.scales() != null) {
                scale[a] = p.scales().floats()[i];
                out[a] = (int) Math.floor(scale[a] * in[a]);
            } else {
                out[a] = (int) p.sizes().longs()[i];
                scale[a] = (double) out[a] / in[a];
            }
            if (p.roi() != null) {
                roiStart[a] = p.roi().floats()[i];
                roiEnd[a] = p.roi().floats()[count + i];
            }
        }
        Node n = p.node();
        assertArrayEquals(out, n.output(0).type().shape().dims(), what + ": output shape");
        float[] interpreter = Interpreter.evaluate(n, Arrays.asList(p.x(), p.roi(), p.scales(), p.sizes())).get(0).floats();
        float[] runtime = viaTables(n, p);
        int[] o = new int[rank];
        for (int i = 0; i < interpreter.length; i++) {
            TestData.unravel(i, out, o);
            ResizeReference.Sample s = ResizeReference.sample(p.at(), p.x().floats(), in, out, scale, roiStart, roiEnd, o);
            // float weights and float sums against double: a few float roundings of the terms' magnitude
            double tol = 1e-6 * s.magnitude() + 1e-7 * Math.abs(s.value());
            for (int w = 0; w < 2; w++) {
                float got = w == 0 ? interpreter[i] : runtime[i];
                if (!(Math.abs(got - s.value()) <= tol)) {
                    fail(what + ": " + (w == 0 ? "interpreter" : "runtime") + " element " + Arrays.toString(o)
                            + " expected " + s.value() + " got " + got);
                }
            }
        }
    }

    private static final String[] MODES = {"nearest", "linear", "cubic"};
    private static final String[] COORDINATE_MODES = {"half_pixel", "half_pixel_symmetric", "pytorch_half_pixel",
        "align_corners", "asymmetric", "tf_crop_and_resize"};
    private static final String[] NEAREST_MODES = {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"};

    private ResizeReference.Attributes randomAttributes(String mode, String coord) {
        return new ResizeReference.Attributes(mode, coord, NEAREST_MODES[rnd.nextInt(4)],
                rnd.nextBoolean() ? -0.75 : -0.5, rnd.nextInt(3) == 0, rnd.nextInt(3) == 0,
                rnd.nextBoolean() ? 0f : -7f);
    }

    @Test
    void randomShapesAndScalesMatchTheReference() {
        for (int trial = 0; trial < 360; trial++) {
            String mode = MODES[trial % 3];
            String coord = COORDINATE_MODES[(trial / 3) % COORDINATE_MODES.length];
            ResizeReference.Attributes at = randomAttributes(mode, coord);
            int[] in = {1 + rnd.nextInt(2), 1 + rnd.nextInt(2), 1 + rnd.nextInt(7), 1 + rnd.nextInt(7)};
            Tensor x = Oracle.floats(in, TestData.floats(rnd, TestData.volume(in)));
            Tensor roi = null;
            if (coord.equals("tf_crop_and_resize")) {
                float[] r = new float[8];
                for (int a = 0; a < 4; a++) {
                    r[a] = a < 2 ? 0 : (float) (rnd.nextDouble() * 0.6 - 0.2);
                    r[4 + a] = a < 2 ? 1 : (float) (0.5 + rnd.nextDouble() * 0.7);
                }
                roi = Oracle.floats(new int[] {8}, r);
            }
            Tensor scales = null;
            Tensor sizes = null;
            if (rnd.nextBoolean()) {
                float[] s = {1, 1, (float) (0.2 + rnd.nextDouble() * 2.8), (float) (0.2 + rnd.nextDouble() * 2.8)};
                s[2] = Math.max(s[2], 1.01f / in[2]);
                s[3] = Math.max(s[3], 1.01f / in[3]);
                scales = Oracle.floats(new int[] {4}, s);
            } else {
                sizes = Tensor.ofLongs(Shape.of(4), in[0], in[1], 1 + rnd.nextInt(10), 1 + rnd.nextInt(10));
            }
            check(new Problem(at, null, x, roi, scales, sizes), "trial " + trial + " " + at + " in "
                    + TestData.describe(in) + " scales " + (scales == null ? null : Arrays.toString(scales.floats()))
                    + " sizes " + (sizes == null ? null : Arrays.toString(sizes.longs())));
        }
    }

    @Test
    void fiveDimensionalWithAnAxesSubset() {
        for (int trial = 0; trial < 40; trial++) {
            int[] in = {1, 2, 1 + rnd.nextInt(4), 1 + rnd.nextInt(4), 1 + rnd.nextInt(4)};
            Tensor x = Oracle.floats(in, TestData.floats(rnd, TestData.volume(in)));
            String mode = MODES[trial % 3];
            ResizeReference.Attributes at = randomAttributes(mode, COORDINATE_MODES[trial % 5]); // not tf_crop
            Tensor sizes = Tensor.ofLongs(Shape.of(2), 1 + rnd.nextInt(7), 1 + rnd.nextInt(7));
            check(new Problem(at, new long[] {4, 2}, x, null, null, sizes), "5-D axes [4, 2] " + at);
        }
    }

    // ---- hand-computed cases: 1-D data on the last axis of a [1, 1, 1, n] tensor ----

    private static ResizeReference.Attributes attrs(String mode, String coord) {
        return new ResizeReference.Attributes(mode, coord, "round_prefer_floor", -0.75, false, false, 0f);
    }

    /** Both implementations on 1-D data resized to {@code size} elements. */
    private static void expect(ResizeReference.Attributes at, float[] data, int size, float[] roi, float... expected) {
        Tensor x = Oracle.floats(new int[] {1, 1, 1, data.length}, data);
        Tensor sizes = Tensor.ofLongs(Shape.of(4), 1, 1, 1, size);
        Tensor r = roi == null ? null : Oracle.floats(new int[] {8}, new float[] {0, 0, 0, roi[0], 1, 1, 1, roi[1]});
        Problem p = new Problem(at, null, x, r, null, sizes);
        Node n = p.node();
        float[] interpreter = Interpreter.evaluate(n, Arrays.asList(x, r, null, sizes)).get(0).floats();
        float[] runtime = viaTables(n, p);
        String what = at + " of " + Arrays.toString(data) + " to " + size;
        assertArrayEquals(expected, interpreter, 1e-6f, "interpreter " + what);
        assertArrayEquals(expected, runtime, 1e-6f, "runtime " + what);
    }

    @Test
    void handComputedCases() {
        float[] ramp = {1, 2, 3, 4};
        // half_pixel x2: coordinates -0.25, 0.25, 0.75, 1.25 (the ONNX upsample example's first row)
        expect(attrs("linear", "half_pixel"), new float[] {1, 2}, 4, null, 1, 1.25f, 1.75f, 2);
        // align_corners 4 -> 7: coordinates o / 2
        expect(attrs("linear", "align_corners"), ramp, 7, null, 1, 1.5f, 2, 2.5f, 3, 3.5f, 4);
        // asymmetric nearest floor x2: coordinates o / 2
        expect(new ResizeReference.Attributes("nearest", "asymmetric", "floor", -0.75, false, false, 0f),
                new float[] {1, 2, 3}, 6, null, 1, 1, 2, 2, 3, 3);
        // nearest round_prefer_ceil half_pixel 5 -> 2: coordinates 0.75, 3.25 round to 1 and 3
        expect(new ResizeReference.Attributes("nearest", "half_pixel", "round_prefer_ceil", -0.75, false, false, 0f),
                new float[] {10, 20, 30, 40, 50}, 2, null, 20, 40);
        // halves: half_pixel 2 -> 1 puts the coordinate at 0.5 exactly: floor prefers 0, ceil prefers 1
        expect(new ResizeReference.Attributes("nearest", "half_pixel", "round_prefer_floor", -0.75, false, false, 0f),
                new float[] {10, 20}, 1, null, 10);
        expect(new ResizeReference.Attributes("nearest", "half_pixel", "round_prefer_ceil", -0.75, false, false, 0f),
                new float[] {10, 20}, 1, null, 20);
        // cubic half_pixel 4 -> 8, coordinates -0.25, 0.25, ..., 3.25 (exact fractions of the reference's 1-D
        // formula). a = -0.5 (Catmull-Rom) reproduces the ramp inside; near the edges the clamped taps bend it,
        // e.g. at 0.75: 1.75 + k(1.75) * (1 - 0) with k(1.75) = -3/128.
        expect(new ResizeReference.Attributes("cubic", "half_pixel", "round_prefer_floor", -0.5, false, false, 0f),
                ramp, 8, null, 119 / 128f, 151 / 128f, 221 / 128f, 9 / 4f, 11 / 4f, 419 / 128f, 489 / 128f, 521 / 128f);
        // exclude_outside, a = -0.75: the taps outside drop out and the rest is renormalised
        expect(new ResizeReference.Attributes("cubic", "half_pixel", "round_prefer_floor", -0.75, true, false, 0f),
                ramp, 8, null, 19 / 22f, 332 / 283f, 436 / 265f, 147 / 64f, 173 / 64f, 889 / 265f, 1083 / 283f, 91 / 22f);
        // pytorch_half_pixel to length 1 samples at -0.5: cubic taps -2..1 weigh k(1.5) = -0.09375 on x[1]
        expect(attrs("cubic", "pytorch_half_pixel"), ramp, 1, null, 1 * 1.09375f + 2 * -0.09375f);
        expect(attrs("linear", "pytorch_half_pixel"), ramp, 1, null, 1);
        // antialiased linear 4 -> 2 (scale 0.5): hat of half width 2 around 0.5 and 2.5, weights 1/8, 3/8, 3/8, 1/8
        expect(new ResizeReference.Attributes("linear", "half_pixel", "round_prefer_floor", -0.75, false, true, 0f),
                ramp, 2, null, 1.625f, 3.375f);
        // tf_crop_and_resize roi [0.5, 1.5] on 3 elements to 3: coordinates 1, 2, 3; the last is outside
        expect(new ResizeReference.Attributes("linear", "tf_crop_and_resize", "round_prefer_floor", -0.75, false,
                false, -7f), new float[] {1, 2, 3}, 3, new float[] {0.5f, 1.5f}, 2, 3, -7);
    }

    @Test
    void referenceKernelIdentities() {
        // Keys' kernel: 1 at 0, 0 at the other integers, weights sum to 1 at any phase, for any a
        for (double a : new double[] {-0.5, -0.75}) {
            assertEquals(1, ResizeReference.cubic(0, a));
            assertEquals(0, ResizeReference.cubic(1, a));
            assertEquals(0, ResizeReference.cubic(2, a));
            for (double phase = 0; phase < 1; phase += 0.125) {
                double sum = 0;
                for (int j = -2; j <= 2; j++) {
                    sum += ResizeReference.cubic(phase - j, a);
                }
                assertEquals(1, sum, 1e-15);
            }
        }
    }
}
