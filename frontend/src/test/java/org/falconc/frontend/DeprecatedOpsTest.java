package org.falconc.frontend;

import static org.falconc.frontend.DataTypes.FLOAT;
import static org.falconc.frontend.LegacyOpsetTest.assertClose;
import static org.falconc.frontend.TestModel.attr;
import static org.falconc.frontend.TestModel.floats;
import static org.falconc.frontend.TestModel.ints;
import static org.falconc.frontend.TestModel.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Deprecated and experimental ops of older exporters become existing IR ops (so every engine runs
 * them) and compute the op's definition, checked against values computed here from that definition.
 */
class DeprecatedOpsTest {
    /** x [1,2,2,3]: two channels of 2x3, distinct values around 0. */
    private static final Tensor X = LegacyOpsetTest.ramp(1, 2, 2, 3);

    private static Graph imported(long opset, String op, AttributeProto... attrs) {
        return TestModel.opset(opset).input("x", FLOAT, 1, 2, 2, 3).output("y", FLOAT)
                .node(op, "n", names("x"), names("y"), attrs).importModel().graph();
    }

    private static List<String> ops(Graph g) {
        return g.nodes().stream().map(Node::op).toList();
    }

    /** f applied to every element of X. */
    private static Tensor elementwise(DoubleUnaryOperator f) {
        float[] v = X.floats().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) f.applyAsDouble(v[i]);
        }
        return Tensor.ofFloats(X.shape(), v);
    }

    @Test
    void imageScalerScalesThenAddsABiasPerChannel() {
        Graph g = imported(8, "ImageScaler", attr("scale", 2f), floats("bias", 10, -10));
        assertEquals(List.of("Mul", "Add"), ops(g));
        Tensor y = ReferenceRun.runOne(g, X);
        float[] expected = new float[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = 2 * X.floats()[i] + (i < 6 ? 10 : -10);
        }
        assertClose(Tensor.ofFloats(X.shape(), expected), y);
    }

    @Test
    void imageScalerBiasMustMatchTheChannels() {
        FrontendException e = assertThrows(FrontendException.class,
                () -> imported(8, "ImageScaler", floats("bias", 1, 2, 3)));
        assertTrue(e.getMessage().startsWith("ImageScaler 'n': expects an NCHW input with one bias per channel"),
                e.getMessage());
    }

    @Test
    void cropBorderCutsEachSide() {
        // border [left, top, right, bottom] = [1, 0, 1, 1] of 2x3: row 0, column 1
        Graph g = imported(7, "Crop", ints("border", 1, 0, 1, 1));
        assertEquals(List.of("Slice"), ops(g));
        Tensor y = ReferenceRun.runOne(g, X);
        assertClose(Tensor.ofFloats(Shape.of(1, 2, 1, 1), X.floats()[1], X.floats()[7]), y);
    }

    @Test
    void cropScaleTakesAWindowFromTheTopLeftBorder() {
        // from (top 1, left 1) a window of height 1, width 2
        Tensor y = ReferenceRun.runOne(imported(7, "Crop", ints("border", 1, 1, 0, 0), ints("scale", 1, 2)), X);
        float[] x = X.floats();
        assertClose(Tensor.ofFloats(Shape.of(1, 2, 1, 2), x[4], x[5], x[10], x[11]), y);
    }

    @Test
    void scaleMultiplies() {
        Graph g = imported(7, "Scale", attr("scale", -3f));
        assertEquals(List.of("Mul"), ops(g));
        assertClose(elementwise(x -> -3 * x), ReferenceRun.runOne(g, X));
        assertClose(X, ReferenceRun.runOne(imported(7, "Scale"), X));
    }

    @Test
    void affineIsAlphaXPlusBeta() {
        Graph g = imported(7, "Affine", attr("alpha", 0.5f), attr("beta", 2f));
        assertEquals(List.of("Mul", "Add"), ops(g));
        assertClose(elementwise(x -> 0.5 * x + 2), ReferenceRun.runOne(g, X));
    }

    @Test
    void scaledTanhIsAlphaTanhOfBetaX() {
        Graph g = imported(7, "ScaledTanh", attr("alpha", 1.5f), attr("beta", 0.7f));
        assertEquals(List.of("Mul", "Tanh", "Mul"), ops(g));
        assertClose(elementwise(x -> 1.5 * Math.tanh(0.7 * x)), ReferenceRun.runOne(g, X));
    }

    @Test
    void parametricSoftplusIsAlphaSoftplusOfBetaX() {
        Graph g = imported(7, "ParametricSoftplus", attr("alpha", 2f), attr("beta", 3f));
        assertEquals(List.of("Mul", "Softplus", "Mul"), ops(g));
        assertClose(elementwise(x -> 2 * Math.log(Math.exp(3 * x) + 1)), ReferenceRun.runOne(g, X));
    }

    @Test
    void unknownAttributeOfAScaledActivationIsRefused() {
        FrontendException e = assertThrows(FrontendException.class, () -> imported(7, "Scale", attr("gamma", 1f)));
        assertEquals("Scale 'n': unsupported attribute 'gamma'", e.getMessage());
    }

    @Test
    void thresholdedReluOfTheExperimentalOpsetsIsTheOpset10Op() {
        Graph g = imported(7, "ThresholdedRelu", attr("alpha", 0.5f));
        assertEquals(List.of("ThresholdedRelu"), ops(g));
        assertClose(elementwise(x -> x > 0.5 ? x : 0), ReferenceRun.runOne(g, X));
    }

    /** (x - mean) / (sqrt(var) + 1e-9) over the elements of X whose flat index has the same {@code group}. */
    private static Tensor normalised(java.util.function.IntUnaryOperator group, int groups, boolean divide) {
        float[] x = X.floats();
        double[] sum = new double[groups];
        double[] count = new double[groups];
        for (int i = 0; i < x.length; i++) {
            sum[group.applyAsInt(i)] += x[i];
            count[group.applyAsInt(i)]++;
        }
        double[] sq = new double[groups];
        for (int i = 0; i < x.length; i++) {
            int k = group.applyAsInt(i);
            double d = x[i] - sum[k] / count[k];
            sq[k] += d * d;
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = group.applyAsInt(i);
            double d = x[i] - sum[k] / count[k];
            y[i] = (float) (divide ? d / (Math.sqrt(sq[k] / count[k]) + 1e-9) : d);
        }
        return Tensor.ofFloats(X.shape(), y);
    }

    @Test
    void meanVarianceNormalizationOpset9DefaultAxesArePerChannel() {
        Graph g = imported(9, "MeanVarianceNormalization");
        assertTrue(ops(g).containsAll(List.of("ReduceMean", "Sub", "Sqrt", "Div")), ops(g).toString());
        assertTrue(TestModel.only(g, "Div").output(0).name().equals("y"));
        assertClose(normalised(i -> i / 6, 2, true), ReferenceRun.runOne(g, X));
    }

    @Test
    void meanVarianceNormalizationOpset13GivenAxes() {
        // axes [1, 3]: per row h of the 2x3 planes, over channels and columns
        Tensor y = ReferenceRun.runOne(imported(13, "MeanVarianceNormalization", ints("axes", 1, 3)), X);
        assertClose(normalised(i -> (i / 3) % 2, 2, true), y);
    }

    @Test
    void meanVarianceNormalizationExperimentalAcrossChannels() {
        Tensor y = ReferenceRun.runOne(imported(7, "MeanVarianceNormalization", attr("across_channels", 1L)), X);
        assertClose(normalised(i -> 0, 1, true), y);
    }

    @Test
    void meanVarianceNormalizationExperimentalMeanOnly() {
        Graph g = imported(7, "MeanVarianceNormalization", attr("normalize_variance", 0L));
        assertEquals(List.of("ReduceMean", "Sub"), ops(g));
        assertClose(normalised(i -> i / 6, 2, false), ReferenceRun.runOne(g, X));
    }
}
