package org.falconc.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One operation. Ops follow the newest ONNX definition of the op (the importer rewrites older opsets
 * into it: attributes that became inputs are inputs here). An absent optional input is a null entry.
 */
public final class Node {
    private final String op;
    private String name;
    private final List<Value> inputs;
    private final List<Value> outputs = new ArrayList<>();
    private final Attributes attrs;

    Node(String op, String name, List<Value> inputs, Attributes attrs) {
        this.op = op;
        this.name = name == null ? "" : name;
        this.inputs = new ArrayList<>(inputs);
        this.attrs = attrs;
        attrs.attach(this);
    }

    public String op() {
        return op;
    }

    /** The node's name from the model (may be empty). */
    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public List<Value> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** Input {@code i}, or null when it is absent (omitted optional input or index past the end). */
    public Value input(int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    public boolean hasInput(int i) {
        return input(i) != null;
    }

    public int numInputs() {
        return inputs.size();
    }

    public void setInput(int i, Value v) {
        while (inputs.size() <= i) {
            inputs.add(null);
        }
        inputs.set(i, v);
        trimTrailingAbsentInputs();
    }

    /** Replaces the whole input list. */
    public void setInputs(List<Value> newInputs) {
        inputs.clear();
        inputs.addAll(newInputs);
        trimTrailingAbsentInputs();
    }

    private void trimTrailingAbsentInputs() {
        while (!inputs.isEmpty() && inputs.get(inputs.size() - 1) == null) {
            inputs.remove(inputs.size() - 1);
        }
    }

    void replaceInput(Value old, Value replacement) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == old) {
                inputs.set(i, replacement);
            }
        }
    }

    public List<Value> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    public Value output(int i) {
        return outputs.get(i);
    }

    public int numOutputs() {
        return outputs.size();
    }

    void addOutput(Value v) {
        outputs.add(v);
        v.setProducer(this);
    }

    public Attributes attrs() {
        return attrs;
    }

    /** How errors refer to this node: {@code Conv 'conv1'}, or by its first output when unnamed. */
    public String describe() {
        if (!name.isEmpty()) {
            return op + " '" + name + "'";
        }
        return op + " node (output '" + (outputs.isEmpty() ? "?" : outputs.get(0).name()) + "')";
    }

    @Override
    public String toString() {
        return describe();
    }
}
