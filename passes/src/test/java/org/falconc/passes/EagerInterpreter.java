package org.falconc.passes;

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

/**
 * The test oracle for graphs whose shapes are only known at run time (a Reshape fed by a Shape
 * chain): like {@link Interpreter#run} but each node is evaluated as a one-node graph whose inputs
 * are constants holding the run-time values, so its type inference always has what it needs.
 * It shares nothing with the passes under test.
 */
final class EagerInterpreter {
    private EagerInterpreter() {
    }

    static Map<String, Tensor> run(Graph g, Map<String, Tensor> inputs) {
        Map<Value, Tensor> env = new IdentityHashMap<>();
        for (Value in : g.inputs()) {
            env.put(in, inputs.get(in.name()));
        }
        for (Value c : g.constants()) {
            env.put(c, c.constant());
        }
        for (Node n : g.nodes()) {
            List<Tensor> results = evaluate(n, env);
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

    private static List<Tensor> evaluate(Node n, Map<Value, Tensor> env) {
        Graph one = new Graph("node");
        List<Value> inputs = new ArrayList<>();
        List<Tensor> args = new ArrayList<>();
        for (int i = 0; i < n.numInputs(); i++) {
            Value in = n.input(i);
            Tensor t = in == null ? null : env.get(in);
            inputs.add(t == null ? null : one.addConstant("in" + i, t));
            args.add(t);
        }
        List<String> outputNames = new ArrayList<>();
        for (int i = 0; i < n.numOutputs(); i++) {
            outputNames.add("out" + i);
        }
        Node copy = one.addNode(n.op(), n.name(), inputs, outputNames, n.attrs().copy());
        List<TensorType> types = OpRegistry.of(copy).inference().infer(copy);
        for (int i = 0; i < copy.numOutputs(); i++) {
            copy.output(i).setType(types.get(i));
        }
        return Interpreter.evaluate(copy, args);
    }
}
