package org.falconc.frontend;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;
import org.falconc.ir.ops.OpSchema;

/**
 * Runs an imported graph in the reference interpreter, typing nodes as it goes: a shape operand that the
 * graph computes (e.g. a Reshape target from Shape nodes) is bound as a constant before its node is
 * typed, which is what fold-constants does in the pipeline. The graph is changed; use it once.
 */
final class ReferenceRun {
    private ReferenceRun() {
    }

    static Map<String, Tensor> run(Graph g, Map<String, Tensor> inputs) {
        Map<Value, Tensor> env = new IdentityHashMap<>();
        for (Value in : g.inputs()) {
            env.put(in, inputs.get(in.name()));
        }
        for (Value c : g.constants()) {
            env.put(c, c.constant());
        }
        for (Node n : List.copyOf(g.nodes())) {
            OpSchema schema = OpRegistry.of(n);
            List<Tensor> args = new ArrayList<>();
            for (int i = 0; i < n.numInputs(); i++) {
                Value in = n.input(i);
                if (in != null && schema.isShapeOperand(i) && !in.isConstant()) {
                    Value bound = g.addConstant(g.freshName(in.name() + "_value"), env.get(in));
                    env.put(bound, bound.constant());
                    n.setInput(i, bound);
                    in = bound;
                }
                args.add(in == null ? null : env.get(in));
            }
            List<TensorType> types = schema.inference().infer(n);
            for (int i = 0; i < n.numOutputs(); i++) {
                n.output(i).setType(types.get(i));
            }
            List<Tensor> results = Interpreter.evaluate(n, args);
            for (int i = 0; i < n.numOutputs(); i++) {
                env.put(n.output(i), results.get(i));
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Value o : g.outputs()) {
            out.put(o.name(), env.get(o));
        }
        return out;
    }

    /** The single output of {@code g} run on one input named "x". */
    static Tensor runOne(Graph g, Tensor x) {
        return run(g, Map.of("x", x)).values().iterator().next();
    }
}
