package org.falconc.frontend;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.falconc.frontend.onnx.ValueInfoProto;

/**
 * Checks that every value name of the ONNX graph is defined exactly once (by a graph input, an
 * initializer or a node output) and that every name read (by a node or as a graph output) is defined.
 */
final class ValueDefinitions {
    private final Map<String, String> definedBy = new HashMap<>();

    private ValueDefinitions() {
    }

    /** Returns all defined names; throws naming the value (and node) at fault. */
    static Set<String> check(List<ValueInfoProto> inputs, Set<String> initializers, List<OnnxNode> nodes,
                             List<ValueInfoProto> outputs) {
        ValueDefinitions d = new ValueDefinitions();
        for (ValueInfoProto in : inputs) {
            d.define(in.getName(), "graph input");
        }
        for (String init : initializers) {
            d.define(init, "initializer");
        }
        for (OnnxNode n : nodes) {
            if (n.opType().isEmpty()) {
                throw new FrontendException("the node " + (n.name().isEmpty() ? "with output '" + n.output(0) + "'"
                        : "named '" + n.name() + "'") + " has no op_type");
            }
            for (String out : n.outputs()) {
                if (out != null) {
                    d.define(out, n.describe());
                }
            }
        }
        for (OnnxNode n : nodes) {
            for (String in : n.inputs()) {
                if (in != null && !d.definedBy.containsKey(in)) {
                    throw n.error("reads '" + in + "', which no graph input, initializer or node defines");
                }
            }
        }
        if (outputs.isEmpty()) {
            throw new FrontendException("the graph has no outputs");
        }
        for (ValueInfoProto out : outputs) {
            if (!d.definedBy.containsKey(out.getName())) {
                throw new FrontendException("graph output '" + out.getName()
                        + "' is not defined by any graph input, initializer or node");
            }
        }
        return d.definedBy.keySet();
    }

    private void define(String name, String by) {
        if (name.isEmpty()) {
            throw new FrontendException(by + " has an empty name");
        }
        String earlier = definedBy.putIfAbsent(name, by);
        if (earlier != null) {
            throw new FrontendException("value '" + name + "' is defined twice: by " + earlier + " and by " + by);
        }
    }
}
