package org.falconc.codegen.lower;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.falconc.codegen.memory.ArenaPlan;
import org.falconc.codegen.memory.ArenaPlanner;
import org.falconc.codegen.memory.BufferLifetime;
import org.falconc.codegen.program.Slot;
import org.falconc.codegen.program.WeightTensor;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;

/**
 * Decides where every value of a graph lives. Values are grouped into buffers: a view (Reshape,
 * Flatten, ...) shares its input's buffer, and an elementwise op may write over an input that dies
 * there (in place). A buffer holding a graph input or constant stays in that array (read only); a
 * buffer holding a graph output is that output's array, so its producer writes the result directly;
 * every other buffer gets arena memory by lifetime ({@link ArenaPlanner}). A graph output whose
 * buffer is an input, a constant or another output is copied at the end ({@link #outputCopies()}).
 *
 * <p>Buffers may also lie inside another buffer ({@link Partition}): the inputs of a contiguous
 * Concat inside its output, so their producers write there directly; the outputs of a contiguous
 * Split inside its input, so they read their slice. A part is placed only when nothing writes the
 * enclosing buffers while the part is live (other than the Concat itself, which writes the other
 * parts), and never when it holds a graph input, constant or output.
 */
public final class BufferAssignment {
    /** A graph output that must be copied into its array after the last layer. */
    public record OutputCopy(Slot from, Slot.Output to) {
    }

    private enum Role { ARENA, INPUT, CONSTANT, OUTPUT }

    private final Graph graph;
    private final Map<Value, Integer> ids = new IdentityHashMap<>();
    private final List<Value> values;
    private final int[] parent;
    /** Per value: producing step (-1 for inputs and constants), last step that reads it (steps = node indexes). */
    private final int[] def;
    private final int[] lastUse;
    /** Per group root: latest lastUse of its members. */
    private final int[] groupLast;
    /** Per group root: whether it holds a graph input or constant (read-only arrays). */
    private final boolean[] pinned;
    private final Role[] role;
    private final int[] roleIndex;
    /** Per value: whether a layer writes it (views and in-place Split parts are not written). */
    private final boolean[] written;
    /** Per group root: the root of the buffer it lies inside (-1: none) and its element offset there. */
    private final int[] host;
    private final int[] hostOffset;
    /** Per group root: the row stride of an interleaved part (0: contiguous, or not a part). */
    private final int[] rowStride;
    /** Per group root: first step and last step any value of it or of the buffers inside it is live. */
    private final int[] spanFirst;
    private final int[] spanLast;
    /** Per group root: whether a graph output belongs to it. */
    private final boolean[] holdsOutput;
    /** Per group root: whether a constant belongs to it. */
    private final boolean[] holdsConstant;
    private final List<OutputCopy> copies = new ArrayList<>();
    private final Map<Value, Integer> weightIndex = new IdentityHashMap<>();
    private final List<WeightTensor> weights = new ArrayList<>();
    private ArenaPlan plan;

    private BufferAssignment(Graph graph) {
        this.graph = graph;
        this.values = graph.allValues();
        int n = values.size();
        parent = new int[n];
        def = new int[n];
        lastUse = new int[n];
        groupLast = new int[n];
        pinned = new boolean[n];
        role = new Role[n];
        roleIndex = new int[n];
        written = new boolean[n];
        host = new int[n];
        hostOffset = new int[n];
        rowStride = new int[n];
        spanFirst = new int[n];
        spanLast = new int[n];
        holdsOutput = new boolean[n];
        holdsConstant = new boolean[n];
        java.util.Arrays.fill(host, -1);
        for (int i = 0; i < n; i++) {
            ids.put(values.get(i), i);
            parent[i] = i;
            def[i] = -1;
        }
    }

    /**
     * Assigns buffers for {@code graph}; {@code lowerers} gives each node's lowerer (null when it has
     * none: such a node neither aliases nor works in place).
     */
    public static BufferAssignment assign(Graph graph, Function<Node, Lowerer> lowerers) {
        BufferAssignment a = new BufferAssignment(graph);
        a.computeLifetimes();
        a.groupValues(lowerers);
        a.placeParts(lowerers);
        a.assignRoles();
        a.planArena();
        return a;
    }

    private void computeLifetimes() {
        List<Node> nodes = graph.nodes();
        for (int step = 0; step < nodes.size(); step++) {
            Node node = nodes.get(step);
            for (Value in : node.inputs()) {
                if (in != null) {
                    lastUse[id(in)] = step;
                }
            }
            for (Value out : node.outputs()) {
                if (out != null) {
                    def[id(out)] = step;
                    lastUse[id(out)] = step;
                    written[id(out)] = true;
                }
            }
        }
        // Node outputs are defined before they are read, so each lastUse is now the last reader (or the producer).
        for (Value out : graph.outputs()) {
            lastUse[id(out)] = nodes.size();
        }
        for (int i = 0; i < values.size(); i++) {
            groupLast[i] = lastUse[i];
            pinned[i] = def[i] < 0;
        }
    }

    private void groupValues(Function<Node, Lowerer> lowerers) {
        List<Node> nodes = graph.nodes();
        for (int step = 0; step < nodes.size(); step++) {
            Node node = nodes.get(step);
            Lowerer lowerer = lowerers.apply(node);
            if (lowerer == null || node.numOutputs() == 0 || !node.output(0).hasType()) {
                continue;
            }
            Value out = node.output(0);
            if (lowerer.isView(node)) {
                written[id(out)] = false;
                Value in = node.input(0);
                if (in != null && sameLayout(in, out)) {
                    union(id(in), id(out));
                }
                continue;
            }
            for (int k : lowerer.inPlaceInputs(node)) {
                Value in = node.input(k);
                int group = in == null ? -1 : find(id(in));
                if (group >= 0 && sameLayout(in, out) && !pinned[group] && groupLast[group] == step) {
                    union(id(in), id(out));
                    break;
                }
            }
        }
    }

    private static boolean sameLayout(Value a, Value b) {
        return a.hasType() && b.hasType() && a.type().dtype() == b.type().dtype()
                && a.type().shape().numElements() == b.type().shape().numElements();
    }

    /** Places the parts of contiguous Concat / Split nodes inside the whole where that is safe. */
    private void placeParts(Function<Node, Lowerer> lowerers) {
        for (int i = 0; i < values.size(); i++) {
            int root = find(i);
            if (i == root) {
                spanFirst[root] = Integer.MAX_VALUE;
                spanLast[root] = groupLast[root];
            }
        }
        for (int i = 0; i < values.size(); i++) {
            int root = find(i);
            spanFirst[root] = Math.min(spanFirst[root], def[i]);
        }
        for (Value out : graph.outputs()) {
            holdsOutput[find(id(out))] = true;
        }
        for (Value c : graph.constants()) {
            holdsConstant[find(id(c))] = true;
        }
        List<Node> nodes = graph.nodes();
        for (int step = 0; step < nodes.size(); step++) {
            Node node = nodes.get(step);
            Lowerer lowerer = lowerers.apply(node);
            Partition partition = lowerer == null ? null : lowerer.partition(node);
            if (partition == null) {
                continue;
            }
            Value whole = partition.partsAreInputs() ? node.output(0) : node.input(0);
            for (int k = 0; k < partition.parts(); k++) {
                Value part = partition.partsAreInputs() ? node.input(k) : node.output(k);
                if (part == null || !part.hasType() || elements(part) == 0 || occursTwice(node, part)) {
                    continue;
                }
                int p = find(id(part));
                int w = find(id(whole));
                if (partition.interleaved() && !canInterleave(p, part, node, lowerers)) {
                    continue;
                }
                if (canPlace(p, w, step, partition.partsAreInputs())) {
                    host[p] = w;
                    hostOffset[p] = partition.offset(k);
                    rowStride[p] = partition.rowStride();
                    if (!partition.partsAreInputs()) {
                        written[id(part)] = false; // the Split emits no copy for it
                    }
                    for (int a = w; a >= 0; a = host[a]) {
                        spanFirst[a] = Math.min(spanFirst[a], spanFirst[p]);
                        spanLast[a] = Math.max(spanLast[a], spanLast[p]);
                    }
                }
            }
        }
    }

    /**
     * Whether the Concat part {@code part} (group {@code p}) may be interleaved into its whole: it is
     * alone in its buffer (no view or in-place value shares it), hosts no parts itself and lies in no
     * interleaved buffer, its producer writes it with a pixel stride and every other reader reads it
     * with one.
     */
    private boolean canInterleave(int p, Value part, Node concat, Function<Node, Lowerer> lowerers) {
        for (int i = 0; i < values.size(); i++) {
            if ((find(i) == p && i != id(part)) || host[find(i)] == p) {
                return false;
            }
        }
        Node producer = part.producer();
        Lowerer pl = producer == null ? null : lowerers.apply(producer);
        if (pl == null || producer.numOutputs() != 1 || !pl.pixelStrided(producer, -1)) {
            return false;
        }
        for (Node reader : graph.nodes()) {
            if (reader == concat) {
                continue;
            }
            for (int k = 0; k < reader.numInputs(); k++) {
                if (reader.input(k) == part) {
                    Lowerer rl = lowerers.apply(reader);
                    if (rl == null || !rl.pixelStrided(reader, k)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean occursTwice(Node node, Value v) {
        int n = 0;
        for (Value in : node.inputs()) {
            n += in == v ? 1 : 0;
        }
        return n > 1;
    }

    /**
     * Whether group {@code part} may lie inside group {@code whole}: the part is a buffer of its own (no
     * graph input, constant or output, not placed yet, not an enclosing buffer of the whole), and while
     * it is live no layer but the partitioning node at {@code step} writes the whole or a buffer
     * enclosing it. A Split part must not be written at all: it is a view of the input.
     */
    private boolean canPlace(int part, int whole, int step, boolean partsAreInputs) {
        if (part == whole || pinned[part] || holdsOutput[part] || host[part] >= 0) {
            return false;
        }
        for (int a = whole; a >= 0; a = host[a]) {
            if (a == part || holdsConstant[a] || rowStride[a] > 0) {
                return false; // (parts of an interleaved part would need two strides)
            }
        }
        for (int i = 0; i < values.size(); i++) {
            if (!written[i]) {
                continue;
            }
            int g = find(i);
            if (g == part && !partsAreInputs && def[i] != step) {
                return false; // a Split part that something writes in place
            }
            if (g == part && partsAreInputs && def[i] >= step) {
                return false; // a Concat part written after the Concat
            }
            for (int a = whole; a >= 0; a = host[a]) {
                if (g == a && def[i] != step && def[i] >= spanFirst[part] && def[i] <= spanLast[part]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The outermost buffer {@code root} lies in, and its element offset there. */
    private int[] location(int root) {
        int offset = 0;
        while (host[root] >= 0) {
            offset += hostOffset[root];
            root = host[root];
        }
        return new int[] {root, offset};
    }

    private void assignRoles() {
        List<Value> inputs = graph.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            claim(location(find(id(inputs.get(i))))[0], Role.INPUT, i);
        }
        for (Value c : graph.constants()) {
            claim(location(find(id(c)))[0], Role.CONSTANT, id(c));
        }
        List<Value> outputs = graph.outputs();
        for (int j = 0; j < outputs.size(); j++) {
            Value v = outputs.get(j);
            int root = location(find(id(v)))[0];
            Slot.Output to = new Slot.Output(j, v.type().dtype(), 0, elements(v));
            if (role[root] == null) {
                claim(root, Role.OUTPUT, j);
            } else {
                copies.add(new OutputCopy(slot(v), to));
            }
        }
    }

    private void claim(int root, Role r, int index) {
        if (role[root] == null) {
            role[root] = r;
            roleIndex[root] = index;
        }
    }

    private void planArena() {
        Map<Integer, BufferLifetime> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            int root = find(i);
            if (root != i || host[root] >= 0 || role[root] != null || !values.get(i).hasType()) {
                continue;
            }
            int first = Math.max(0, spanFirst[root]);
            groups.put(root, new BufferLifetime(root, values.get(i).type().dtype(), groupLength(root), first,
                    Math.max(first, spanLast[root])));
        }
        plan = ArenaPlanner.plan(new ArrayList<>(groups.values()));
    }

    /** Elements of an outermost buffer: its largest value (views and in-place values all have one size). */
    private int groupLength(int root) {
        int length = 0;
        for (int i = 0; i < values.size(); i++) {
            if (find(i) == root && values.get(i).hasType()) {
                length = Math.max(length, elements(values.get(i)));
            }
        }
        return length;
    }

    /** Where {@code v} lives. A constant gets a weight index the first time it is asked for. */
    public Slot slot(Value v) {
        int[] at = location(find(id(v)));
        int root = at[0];
        int offset = at[1];
        int length = elements(v);
        int stride = rowStride[find(id(v))];
        if (stride > 0 && length > 0) {
            int row = pixelRow(v);
            length = (length / row - 1) * stride + row; // from the first element of the first row to the last of the last
        }
        Role r = role[root] == null ? Role.ARENA : role[root];
        return switch (r) {
            case INPUT -> new Slot.Input(roleIndex[root], v.type().dtype(), offset, length);
            case OUTPUT -> new Slot.Output(roleIndex[root], v.type().dtype(), offset, length);
            case CONSTANT -> {
                Value c = values.get(roleIndex[root]);
                Integer w = weightIndex.get(c);
                if (w == null) {
                    w = weights.size();
                    weights.add(new WeightTensor(c.name(), c.constant()));
                    weightIndex.put(c, w);
                }
                yield new Slot.Weight(w, v.type().dtype(), length);
            }
            case ARENA -> new Slot.Arena(v.type().dtype(), plan.offset(root) + offset, length);
        };
    }

    /** Elements between rows of {@code v}'s last axis: its last dimension, or the interleaved part's row stride. */
    public int pixelStride(Value v) {
        int stride = rowStride[find(id(v))];
        int[] d = v.type().shape().dims();
        return stride > 0 ? stride : d.length == 0 ? 1 : d[d.length - 1];
    }

    /** Whether the memory plan placed {@code part} inside {@code whole}'s buffer at element {@code offset}. */
    public boolean isPlacedAt(Value part, Value whole, int offset) {
        int p = find(id(part));
        int w = find(id(whole));
        return host[p] == w && hostOffset[p] == offset;
    }

    /** Whether {@code part} lies inside {@code whole}'s buffer (directly or through enclosing parts). */
    public boolean liesInside(Value part, Value whole) {
        int w = find(id(whole));
        for (int a = host[find(id(part))]; a >= 0; a = host[a]) {
            if (a == w) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} and {@code b} share one buffer. */
    public boolean sameBuffer(Value a, Value b) {
        return find(id(a)) == find(id(b));
    }

    /** A constant made by lowering (e.g. a scaled weight or a resampling table), as a new weight. */
    public Slot.Weight addWeight(String name, Tensor data) {
        weights.add(new WeightTensor(name, data));
        return new Slot.Weight(weights.size() - 1, data.dtype(), data.numElements());
    }

    /** The weights in index order: constants as {@link #slot} first asked for them, and added ones. */
    public List<WeightTensor> weights() {
        return List.copyOf(weights);
    }

    public List<OutputCopy> outputCopies() {
        return List.copyOf(copies);
    }

    public ArenaPlan plan() {
        return plan;
    }

    private int id(Value v) {
        Integer i = ids.get(v);
        if (i == null) {
            throw new IllegalArgumentException(v + " is not a value of graph " + graph.name());
        }
        return i;
    }

    private static int pixelRow(Value v) {
        int[] d = v.type().shape().dims();
        return d[d.length - 1];
    }

    private static int elements(Value v) {
        return v.type().shape().numElements();
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[rb] = ra;
            groupLast[ra] = Math.max(groupLast[ra], groupLast[rb]);
            pinned[ra] |= pinned[rb];
        }
    }
}
