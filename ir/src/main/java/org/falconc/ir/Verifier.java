package org.falconc.ir;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.falconc.ir.ops.NotStaticException;
import org.falconc.ir.ops.OpRegistry;
import org.falconc.ir.ops.OpSchema;

/**
 * Checks a graph's structure and types: every value defined once and before its uses (nodes are in
 * topological order, so no cycles), known ops with a valid number of inputs and outputs and only the
 * attributes their schema names, each of its kind, and, where
 * types are known, declared output types equal to what the op's type inference computes.
 * Every message names the node or value at fault.
 */
public final class Verifier {
    private Verifier() {
    }

    /** Throws {@link IrException} describing the first problem found. */
    public static void verify(Graph g) {
        Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> names = new java.util.HashSet<>();
        for (Value v : g.inputs()) {
            define(defined, names, v, "graph input");
            if (!v.hasType()) {
                throw new IrException("graph input %" + v.name() + " has no type");
            }
        }
        for (Value c : g.constants()) {
            define(defined, names, c, "constant");
            if (!c.isConstant()) {
                throw new IrException("constant %" + c.name() + " has no data");
            }
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : g.nodes()) {
            if (!seen.add(n)) {
                throw IrException.atNode(n, "appears twice in the node list");
            }
            for (Value in : n.inputs()) {
                if (in != null && !defined.contains(in)) {
                    boolean later = in.producer() != null && g.nodes().contains(in.producer());
                    throw IrException.atNode(n, "reads %" + in.name() + (later
                            ? " before it is defined (nodes out of order or a cycle)"
                            : ", which is not defined in the graph"));
                }
            }
            OpSchema schema = OpRegistry.of(n);
            checkArity(n, schema);
            checkAttributes(n, schema);
            for (Value out : n.outputs()) {
                if (out.producer() != n) {
                    throw IrException.atNode(n, "output %" + out.name() + " is linked to another producer");
                }
                define(defined, names, out, "output of " + n.describe());
            }
            checkTypes(n, schema);
        }
        if (g.outputs().isEmpty()) {
            throw new IrException("graph '" + g.name() + "' has no outputs");
        }
        for (Value out : g.outputs()) {
            if (!defined.contains(out)) {
                throw new IrException("graph output %" + out.name() + " is not defined in the graph");
            }
        }
    }

    private static void define(Set<Value> defined, Set<String> names, Value v, String what) {
        if (!names.add(v.name())) {
            throw new IrException("value %" + v.name() + " (" + what + ") is defined more than once");
        }
        defined.add(v);
    }

    private static void checkArity(Node n, OpSchema s) {
        int in = n.numInputs();
        if (in < s.minInputs() || in > s.maxInputs()) {
            throw IrException.atNode(n, "takes " + range(s.minInputs(), s.maxInputs()) + " inputs, got " + in);
        }
        for (int i = 0; i < s.minInputs(); i++) {
            if (n.input(i) == null) {
                throw IrException.atNode(n, "required input " + i + " is missing");
            }
        }
        int out = n.numOutputs();
        if (out < s.minOutputs() || out > s.maxOutputs()) {
            throw IrException.atNode(n, "produces " + range(s.minOutputs(), s.maxOutputs()) + " outputs, got " + out);
        }
    }

    /** Every attribute known to the op and of its kind, as ONNX's checker requires. */
    private static void checkAttributes(Node n, OpSchema s) {
        for (Map.Entry<String, Attribute> e : n.attrs().asMap().entrySet()) {
            String name = e.getKey();
            if (!s.takesAttribute(name)) {
                throw IrException.atNode(n, "unknown attribute '" + name + "'" + (s.attributes().isEmpty()
                        ? " (the op takes none)" : " (the op takes " + String.join(", ", s.attributes().keySet()) + ")"));
            }
            String kind = s.attributes().get(name);
            if (kind != null && !kind.equals(e.getValue().kind())) {
                throw IrException.atNode(n, "attribute '" + name + "' must be of kind " + kind + ", got "
                        + e.getValue().kind());
            }
        }
    }

    private static String range(int lo, int hi) {
        if (lo == hi) {
            return String.valueOf(lo);
        }
        return hi == OpSchema.UNBOUNDED ? "at least " + lo : lo + " to " + hi;
    }

    private static void checkTypes(Node n, OpSchema s) {
        for (Value in : n.inputs()) {
            if (in != null && !in.hasType()) {
                return; // types not inferred yet: nothing to compare
            }
        }
        List<TensorType> inferred;
        try {
            inferred = s.inference().infer(n);
        } catch (NotStaticException e) {
            return; // shape depends on a value that is not constant yet
        }
        for (int i = 0; i < n.numOutputs(); i++) {
            Value out = n.output(i);
            if (out.hasType() && i < inferred.size() && !out.type().equals(inferred.get(i))) {
                throw IrException.atNode(n, "output %" + out.name() + " is declared " + out.type()
                        + " but the op computes " + inferred.get(i));
            }
        }
    }
}
