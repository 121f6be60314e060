package org.falconc.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A computation graph: inputs, constants, nodes (kept in topological order by passes) and outputs.
 * Value names are unique in the graph; graph output names are part of the model's interface and
 * are preserved by every rewrite.
 */
public final class Graph {
    private String name;
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> constants = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final Map<String, Value> byName = new HashMap<>();
    private int freshCounter;

    public Graph(String name) {
        this.name = name == null || name.isEmpty() ? "main" : name;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Value> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    public List<Value> constants() {
        return Collections.unmodifiableList(constants);
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<Value> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    public Value value(String name) {
        return byName.get(name);
    }

    public boolean hasValue(String name) {
        return byName.containsKey(name);
    }

    private Value newValue(String name, TensorType type) {
        if (name == null || name.isEmpty()) {
            throw new IrException("value names must not be empty");
        }
        if (byName.containsKey(name)) {
            throw new IrException("value '" + name + "' is defined more than once");
        }
        Value v = new Value(name, type);
        byName.put(name, v);
        return v;
    }

    /** A name not yet used in this graph, derived from {@code base}. */
    public String freshName(String base) {
        String b = base == null || base.isEmpty() ? "t" : base;
        if (!byName.containsKey(b)) {
            return b;
        }
        String candidate;
        do {
            candidate = b + "_" + (++freshCounter);
        } while (byName.containsKey(candidate));
        return candidate;
    }

    public Value addInput(String name, TensorType type) {
        Value v = newValue(name, type);
        inputs.add(v);
        return v;
    }

    public Value addConstant(String name, Tensor data) {
        Value v = newValue(name, data.type());
        v.setConstant(data);
        constants.add(v);
        return v;
    }

    /** Appends a node whose outputs are new values with the given names (types unknown). */
    public Node addNode(String op, String nodeName, List<Value> nodeInputs, List<String> outputNames, Attributes attrs) {
        Node n = new Node(op, nodeName, nodeInputs, attrs == null ? new Attributes() : attrs);
        for (String out : outputNames) {
            n.addOutput(newValue(out, null));
        }
        nodes.add(n);
        return n;
    }

    /** Inserts a node right before {@code anchor} (keeps topological order when the new node feeds it). */
    public Node insertNodeBefore(Node anchor, String op, String nodeName, List<Value> nodeInputs,
                                 List<String> outputNames, Attributes attrs) {
        Node n = addNode(op, nodeName, nodeInputs, outputNames, attrs);
        nodes.remove(nodes.size() - 1);
        int at = nodes.indexOf(anchor);
        nodes.add(at < 0 ? nodes.size() : at, n);
        return n;
    }

    public void addOutput(Value v) {
        outputs.add(v);
    }

    public void setOutputs(List<Value> vs) {
        outputs.clear();
        outputs.addAll(vs);
    }

    public boolean isGraphOutput(Value v) {
        return outputs.contains(v);
    }

    public boolean isGraphInput(Value v) {
        return inputs.contains(v);
    }

    /** Redirects every use of {@code old} (node inputs and graph outputs) to {@code replacement}. */
    public void replaceAllUses(Value old, Value replacement) {
        for (Node n : nodes) {
            n.replaceInput(old, replacement);
        }
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i) == old) {
                outputs.set(i, replacement);
            }
        }
    }

    /** Renames a value; the new name must be free. */
    public void rename(Value v, String newName) {
        if (v.name().equals(newName)) {
            return;
        }
        if (byName.containsKey(newName)) {
            throw new IrException("cannot rename %" + v.name() + " to %" + newName + ": name is taken");
        }
        byName.remove(v.name());
        v.rename(newName);
        byName.put(newName, v);
    }

    /** Removes a node and forgets its output values; they must have no remaining uses. */
    public void removeNode(Node n) {
        if (!nodes.remove(n)) {
            throw new IllegalArgumentException(n.describe() + " is not in graph " + name);
        }
        for (Value out : n.outputs()) {
            if (byName.get(out.name()) == out) {
                byName.remove(out.name());
            }
        }
    }

    public void removeConstant(Value c) {
        if (constants.remove(c)) {
            byName.remove(c.name());
        }
    }

    /** Removes a graph input (e.g. one that the importer found to be an initializer). */
    public void removeInput(Value in) {
        if (inputs.remove(in)) {
            byName.remove(in.name());
        }
    }

    /**
     * Specialises the graph to a known value of one of its inputs: the input becomes a constant of the
     * same name (used when an input determines shapes, e.g. a Reshape target fed as a graph input).
     */
    public Value bindInputToConstant(Value in, Tensor data) {
        if (!inputs.contains(in)) {
            throw new IllegalArgumentException("%" + in.name() + " is not a graph input");
        }
        if (in.hasType() && !in.type().equals(data.type())) {
            throw new IrException("input '" + in.name() + "' is " + in.type() + ", cannot bind a " + data.type());
        }
        removeInput(in);
        Value c = addConstant(in.name(), data);
        replaceAllUses(in, c);
        return c;
    }

    /** For each value, the nodes that read it (each node listed once per value). */
    public Map<Value, List<Node>> users() {
        Map<Value, List<Node>> users = new IdentityHashMap<>();
        for (Node n : nodes) {
            for (Value in : n.inputs()) {
                if (in != null) {
                    List<Node> l = users.computeIfAbsent(in, k -> new ArrayList<>());
                    if (l.isEmpty() || l.get(l.size() - 1) != n) {
                        l.add(n);
                    }
                }
            }
        }
        return users;
    }

    /**
     * Reorders nodes topologically (stable: keeps the current order where dependencies allow).
     * Throws naming a node on a cycle, or a node that reads a value nothing defines.
     */
    public void sortTopologically() {
        Map<Value, Node> producerOf = new IdentityHashMap<>();
        for (Node n : nodes) {
            for (Value o : n.outputs()) {
                producerOf.put(o, n);
            }
        }
        Map<Node, Integer> pending = new IdentityHashMap<>();
        Map<Node, List<Node>> dependents = new IdentityHashMap<>();
        for (Node n : nodes) {
            Set<Node> deps = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Value in : n.inputs()) {
                if (in == null) {
                    continue;
                }
                Node p = producerOf.get(in);
                if (p != null) {
                    deps.add(p);
                }
            }
            pending.put(n, deps.size());
            for (Node p : deps) {
                dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(n);
            }
        }
        Map<Node, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            position.put(nodes.get(i), i);
        }
        java.util.PriorityQueue<Node> ready = new java.util.PriorityQueue<>(
                (a, b) -> Integer.compare(position.get(a), position.get(b)));
        for (Node n : nodes) {
            if (pending.get(n) == 0) {
                ready.add(n);
            }
        }
        List<Node> sorted = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            sorted.add(n);
            for (Node d : dependents.getOrDefault(n, List.of())) {
                if (pending.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (sorted.size() != nodes.size()) {
            Node stuck = findCycleMember(pending);
            throw IrException.atNode(stuck, "is part of a cycle: its inputs depend on its own outputs");
        }
        nodes.clear();
        nodes.addAll(sorted);
    }

    private Node findCycleMember(Map<Node, Integer> pending) {
        for (Node n : nodes) {
            if (pending.get(n) > 0) {
                return n;
            }
        }
        throw new AssertionError("no stuck node");
    }

    /** Values in definition order: inputs, constants, then node outputs. */
    public List<Value> allValues() {
        List<Value> all = new ArrayList<>(inputs);
        all.addAll(constants);
        for (Node n : nodes) {
            all.addAll(n.outputs());
        }
        return all;
    }

    /** Op type -> count, in first-seen order. */
    public Map<String, Integer> opHistogram() {
        Map<String, Integer> h = new LinkedHashMap<>();
        for (Node n : nodes) {
            h.merge(n.op(), 1, Integer::sum);
        }
        return h;
    }

    /** Breadth-first set of nodes that (transitively) feed the graph outputs. */
    public Set<Node> liveNodes() {
        Set<Node> inGraph = Collections.newSetFromMap(new IdentityHashMap<>());
        inGraph.addAll(nodes);
        Set<Node> live = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> work = new ArrayDeque<>(outputs);
        while (!work.isEmpty()) {
            Value v = work.pop();
            Node p = v.producer();
            if (p != null && inGraph.contains(p) && live.add(p)) {
                for (Value in : p.inputs()) {
                    if (in != null) {
                        work.push(in);
                    }
                }
            }
        }
        return live;
    }
}
