package org.falconc.frontend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.ir.Attributes;

/**
 * An ONNX node as the op adapters see it: op type, the version of its operator set, input and output
 * names (null for an omitted optional one) and its attributes converted to IR form.
 */
final class OnnxNode {
    private final NodeProto proto;
    private final long opset;
    private final AttributeConverter converter;
    private final List<String> inputs;
    private final List<String> outputs;
    private Attributes attributes;

    OnnxNode(NodeProto proto, long opset, AttributeConverter converter) {
        this.proto = proto;
        this.opset = opset;
        this.converter = converter;
        this.inputs = names(proto.getInputList());
        this.outputs = names(proto.getOutputList());
    }

    private static List<String> names(List<String> raw) {
        List<String> l = new ArrayList<>(raw.size());
        for (String s : raw) {
            l.add(s.isEmpty() ? null : s);
        }
        return Collections.unmodifiableList(l);
    }

    String opType() {
        return proto.getOpType();
    }

    String name() {
        return proto.getName();
    }

    /** The canonical domain: {@code ai.onnx} for the default one. */
    String domain() {
        return Opsets.canonical(proto.getDomain());
    }

    /** The version of the node's operator set that the model imports (-1 if it does not). */
    long opset() {
        return opset;
    }

    /** Input names; null entries are omitted optional inputs. */
    List<String> inputs() {
        return inputs;
    }

    /** Input {@code i}, or null when omitted or past the end. */
    String input(int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    /** Output names; null entries are omitted optional outputs. */
    List<String> outputs() {
        return outputs;
    }

    String output(int i) {
        return i < outputs.size() ? outputs.get(i) : null;
    }

    /** A fresh, mutable copy of the node's attributes in IR form. */
    Attributes attributes() {
        if (attributes == null) {
            attributes = converter.convert(proto.getAttributeList(), describe());
            // Opset 1-5 bookkeeping with no meaning for inference.
            attributes.remove("consumed_inputs");
        }
        return attributes.copy();
    }

    /** A base for names of values the adapters create for this node. */
    String nameBase() {
        if (!name().isEmpty()) {
            return name();
        }
        String out = output(0);
        return out != null ? out : opType();
    }

    /**
     * The name of an extra IR node the adapters create for this node: its name with {@code suffix}, or
     * empty (unnamed) when the node has no name.
     */
    String nameWith(String suffix) {
        return name().isEmpty() ? "" : name() + suffix;
    }

    /** How messages refer to the node: {@code Conv 'conv1'}, or by its first output when unnamed. */
    String describe() {
        if (!name().isEmpty()) {
            return opType() + " '" + name() + "'";
        }
        String out = output(0);
        return opType() + " node (output '" + (out == null ? "?" : out) + "')";
    }

    FrontendException error(String message) {
        return new FrontendException(describe() + ": " + message);
    }
}
