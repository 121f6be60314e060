package org.falconc.runtime.ops;

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
 * Resize through compile-time tables (built from ir's ResizePlan, as the lowering does) against the
 * reference interpreter, over every mode, coordinate transformation, nearest mode, antialias,
 * exclude_outside, cubic_coeff_a and tf_crop_and_resize with extrapolation.
 */
class ResizeTest {
    private final Random rnd = new Random(13);

    private float[] viaTables(Node node, Tensor x, Tensor roi, Tensor scales, Tensor sizes) {
        ResizePlan plan = ResizePlan.of(node, x.shape(), roi, scales, sizes);
        int rank = x.shape().rank();
        int[] in = x.shape().dims();
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
        Resize.run(x.floats(), 0, y, 0, in, out, t.taps(), t.indices(), shifted, 2, plan.extrapolationValue());
        return y;
    }

    private void check(String what, java.util.function.Consumer<Attributes> attrs, Tensor x, Tensor roi, Tensor scales,
                       Tensor sizes) {
        Graph g = new Graph("t");
        List<Value> ins = new ArrayList<>();
        Tensor[] args = {x, roi, scales, sizes};
        for (int i = 0; i < args.length; i++) {
            ins.add(args[i] == null ? null : g.addConstant("in" + i, args[i]));
        }
        Attributes a = new Attributes();
        attrs.accept(a);
        Node n = g.addNode("Resize", "n", ins, List.of("y"), a);
        n.output(0).setType(OpRegistry.of(n).inference().infer(n).get(0));
        float[] expected = Interpreter.evaluate(n, Arrays.asList(args)).get(0).floats();
        // float weights against the reference's double weights: equal up to float rounding
        TestData.assertClose(expected, viaTables(n, x, roi, scales, sizes), 2e-6, what);
    }

    @Test
    void everyModeMatchesTheInterpreter() {
        String[] modes = {"nearest", "linear", "cubic"};
        String[] coords = {"half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners", "asymmetric",
            "tf_crop_and_resize"};
        String[] nearest = {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"};
        for (int trial = 0; trial < 300; trial++) {
            String mode = modes[trial % 3];
            String coord = coords[(trial / 3) % coords.length];
            String nearestMode = nearest[rnd.nextInt(4)];
            boolean antialias = rnd.nextInt(3) == 0;
            boolean exclude = rnd.nextInt(3) == 0;
            float cubicA = rnd.nextBoolean() ? -0.75f : -0.5f;
            float extrapolation = rnd.nextBoolean() ? 0f : -7f;
            int[] in = {1 + rnd.nextInt(2), 1 + rnd.nextInt(2), 1 + rnd.nextInt(6), 1 + rnd.nextInt(6)};
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
                float[] s = {1, 1, (float) (0.3 + rnd.nextDouble() * 2.5), (float) (0.3 + rnd.nextDouble() * 2.5)};
                s[2] = Math.max(s[2], 1.01f / in[2]);
                s[3] = Math.max(s[3], 1.01f / in[3]);
                scales = Oracle.floats(new int[] {4}, s);
            } else {
                sizes = Tensor.ofLongs(Shape.of(4), in[0], in[1], 1 + rnd.nextInt(9), 1 + rnd.nextInt(9));
            }
            String what = mode + " " + coord + " " + nearestMode + " aa=" + antialias + " excl=" + exclude + " in "
                    + TestData.describe(in);
            check(what, attrs -> attrs.setString("mode", mode).setString("coordinate_transformation_mode", coord)
                    .setString("nearest_mode", nearestMode).setInt("antialias", antialias ? 1 : 0)
                    .setInt("exclude_outside", exclude ? 1 : 0).setFloat("cubic_coeff_a", cubicA)
                    .setFloat("extrapolation_value", extrapolation), x, roi, scales, sizes);
        }
    }

    @Test
    void threeDimensionalAndAxesSubsets() {
        for (int trial = 0; trial < 30; trial++) {
            int[] in = {1, 2, 1 + rnd.nextInt(4), 1 + rnd.nextInt(4), 1 + rnd.nextInt(4)};
            Tensor x = Oracle.floats(in, TestData.floats(rnd, TestData.volume(in)));
            String mode = trial % 2 == 0 ? "linear" : "nearest";
            Tensor sizes = Tensor.ofLongs(Shape.of(2), 1 + rnd.nextInt(7), 1 + rnd.nextInt(7));
            check("5-D axes [4, 2] " + mode, attrs -> attrs.setString("mode", mode).setInts("axes", 4, 2), x, null, null,
                    sizes);
        }
    }
}
