package org.falconc.frontend;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Tensor;

/**
 * Deprecated ops of the form {@code outer * f(inner * x) + offset}, with the factors as float attributes:
 * Scale, Affine, ScaledTanh and ParametricSoftplus. They become Mul, the activation and Add with scalar
 * constants, which every engine runs (and fuse-activations may fuse); a factor an op does not have is
 * left out rather than multiplied by 1.
 */
final class ScaledActivationAdapter implements OpAdapter {
    /** An attribute that becomes a scalar constant, with its default when absent. */
    private record Factor(String attribute, float defaultValue) {
    }

    private final Factor inner;
    private final String activation;
    private final Factor outer;
    private final Factor offset;

    private ScaledActivationAdapter(Factor inner, String activation, Factor outer, Factor offset) {
        this.inner = inner;
        this.activation = activation;
        this.outer = outer;
        this.offset = offset;
    }

    /** Scale: scale * x (default scale 1). */
    static ScaledActivationAdapter scale() {
        return new ScaledActivationAdapter(null, null, new Factor("scale", 1f), null);
    }

    /** Affine: alpha * x + beta (defaults 1 and 0). */
    static ScaledActivationAdapter affine() {
        return new ScaledActivationAdapter(null, null, new Factor("alpha", 1f), new Factor("beta", 0f));
    }

    /** ScaledTanh: alpha * tanh(beta * x) (defaults 1). */
    static ScaledActivationAdapter scaledTanh() {
        return new ScaledActivationAdapter(new Factor("beta", 1f), "Tanh", new Factor("alpha", 1f), null);
    }

    /** ParametricSoftplus: alpha * ln(exp(beta * x) + 1) = alpha * Softplus(beta * x) (defaults 1). */
    static ScaledActivationAdapter parametricSoftplus() {
        return new ScaledActivationAdapter(new Factor("beta", 1f), "Softplus", new Factor("alpha", 1f), null);
    }

    @Override
    public List<String> irOps(OnnxNode node) {
        List<String> ops = new ArrayList<>();
        if (inner != null) {
            ops.add("Mul");
        }
        if (activation != null) {
            ops.add(activation);
        }
        ops.add("Mul");
        if (offset != null) {
            ops.add("Add");
        }
        return ops.stream().distinct().toList();
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        String x = node.input(0);
        String y = node.output(0);
        if (x == null || y == null || node.inputs().size() != 1 || node.outputs().size() != 1) {
            throw node.error("takes exactly one input and one output");
        }
        List<Factor> factors = new ArrayList<>();
        for (Factor f : new Factor[] {inner, outer, offset}) {
            if (f != null) {
                factors.add(f);
            }
        }
        for (String name : attrs.names()) {
            if (factors.stream().noneMatch(f -> f.attribute().equals(name))) {
                throw node.error("unsupported attribute '" + name + "'");
            }
        }
        String base = node.nameBase();
        String v = x;
        if (inner != null) {
            v = out.emitTo("Mul", node.nameWith("_" + inner.attribute()), List.of(v, factor(node, out, attrs, inner)),
                    base + "_scaled_in", new Attributes());
        }
        if (activation != null) {
            v = out.emitTo(activation, node.name(), List.of(v), base + "_" + activation.toLowerCase(), new Attributes());
        }
        String outerName = activation != null ? node.nameWith("_" + outer.attribute()) : node.name();
        if (offset == null) {
            out.emit("Mul", outerName, List.of(v, factor(node, out, attrs, outer)), List.of(y), new Attributes());
        } else {
            v = out.emitTo("Mul", outerName, List.of(v, factor(node, out, attrs, outer)), base + "_scaled",
                    new Attributes());
            out.emit("Add", node.nameWith("_" + offset.attribute()), List.of(v, factor(node, out, attrs, offset)),
                    List.of(y), new Attributes());
        }
    }

    private static String factor(OnnxNode node, GraphBuilder out, Attributes attrs, Factor f) {
        return out.addConstant(node.nameBase() + "_" + f.attribute(),
                Tensor.scalar(attrs.getFloat(f.attribute(), f.defaultValue())));
    }
}
