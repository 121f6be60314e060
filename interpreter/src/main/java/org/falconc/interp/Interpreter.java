package org.falconc.interp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;

/**
 * Runs a verified, fully typed graph node by node with the reference kernels. It is the oracle for
 * every pass and for code generation, so it shares nothing with the optimised runtime kernels.
 */
public final class Interpreter {
    private Interpreter() {
    }

    /**
     * Runs {@code g} on {@code inputs} (by graph input name) and returns the graph outputs by name,
     * in output order. Throws {@link IllegalArgumentException} on a missing, unknown or mis-shaped input.
     */
    public static Map<String, Tensor> run(Graph g, Map<String, Tensor> inputs) {
        return run(g, inputs, null);
    }

    /**
     * Receives every value the interpreter computes, as it computes it: first each graph input, then
     * each node output in node order (constants are not reported). The tensor must not be modified.
     */
    @FunctionalInterface
    public interface ValueListener {
        void computed(Value value, Tensor tensor);
    }

    /**
     * As {@link #run(Graph, Map)}, reporting every graph input and every node output to {@code listener}
     * (null: none) as soon as it is known, e.g. to capture intermediate values for calibration.
     */
    public static Map<String, Tensor> run(Graph g, Map<String, Tensor> inputs, ValueListener listener) {
        Map<Value, Tensor> env = new IdentityHashMap<>();
        for (Value in : g.inputs()) {
            Tensor t = inputs.get(in.name());
            if (t == null) {
                throw new IllegalArgumentException("missing input '" + in.name() + "' (" + in.type() + ")");
            }
            if (!t.type().equals(in.type())) {
                throw new IllegalArgumentException("input '" + in.name() + "' must be " + in.type() + ", got " + t.type());
            }
            env.put(in, t);
        }
        if (listener != null) {
            for (Value in : g.inputs()) {
                listener.computed(in, env.get(in));
            }
        }
        for (String name : inputs.keySet()) {
            Value v = g.value(name);
            if (v == null || !g.isGraphInput(v)) {
                throw new IllegalArgumentException("unknown input '" + name + "'; the model's inputs are "
                        + g.inputs().stream().map(Value::name).toList());
            }
        }
        for (Value c : g.constants()) {
            env.put(c, c.constant());
        }
        for (Node n : g.nodes()) {
            List<Tensor> args = new ArrayList<>(n.numInputs());
            for (Value in : n.inputs()) {
                args.add(in == null ? null : env.get(in));
            }
            List<Tensor> results = evaluate(n, args);
            for (int i = 0; i < n.numOutputs(); i++) {
                env.put(n.output(i), results.get(i));
                if (listener != null) {
                    listener.computed(n.output(i), results.get(i));
                }
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Value o : g.outputs()) {
            out.put(o.name(), env.get(o));
        }
        return out;
    }

    /**
     * Runs {@code g} and returns every computed value by name: the graph inputs, then every node output
     * in node order (constants are not included).
     */
    public static Map<String, Tensor> runAll(Graph g, Map<String, Tensor> inputs) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        run(g, inputs, (v, t) -> all.put(v.name(), t));
        return all;
    }

    /** Evaluates one node whose output types are known, checking the kernel's results against them. */
    public static List<Tensor> evaluate(Node n, List<Tensor> args) {
        ReferenceKernel k = KernelRegistry.find(n.op());
        if (k == null) {
            throw IrException.atNode(n, "the reference interpreter has no kernel for op '" + n.op() + "'");
        }
        List<Tensor> results = k.compute(n, args);
        if (results.size() < n.numOutputs()) {
            throw IrException.atNode(n, "kernel produced " + results.size() + " outputs, expected " + n.numOutputs());
        }
        for (int i = 0; i < n.numOutputs(); i++) {
            TensorType declared = n.output(i).type();
            if (declared != null && !declared.equals(results.get(i).type())) {
                throw IrException.atNode(n, "kernel produced " + results.get(i).type() + " for output %"
                        + n.output(i).name() + ", type inference said " + declared);
            }
        }
        return results;
    }
}
