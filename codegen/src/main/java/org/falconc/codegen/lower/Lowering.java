package org.falconc.codegen.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.falconc.codegen.program.Arg;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Layer;
import org.falconc.codegen.program.PackedWeight;
import org.falconc.codegen.program.Program;
import org.falconc.codegen.program.TensorSpec;
import org.falconc.codegen.program.WeightTensor;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Value;
import org.falconc.ir.analysis.ModelCost;

/**
 * Lowers a graph after the pass pipeline (every value statically typed, nodes in order) into a
 * {@link Program}: the buffer assignment and memory plan, then each node's kernel calls. Every node
 * that cannot be lowered is reported at once ({@link UnsupportedOpsException}).
 */
public final class Lowering {
    /** Runtime class that copies graph outputs the memory plan cannot produce in place. */
    static final String COPY = "org/falconc/runtime/model/Copy";
    /** Runtime class whose begin/end bracket every layer. */
    static final String PROFILER = "org/falconc/runtime/profile/Profiler";

    private final Graph graph;
    private final LowererRegistry registry;
    private final List<String> problems = new ArrayList<>();
    private final List<PackedWeight> packed = new ArrayList<>();
    private final Map<KernelCall, Integer> packedIndex = new HashMap<>();

    private Lowering(Graph graph, LowererRegistry registry) {
        this.graph = graph;
        this.registry = registry;
    }

    /** Lowers with the {@linkplain LowererRegistry#standard() standard lowerers}. */
    public static Program lower(Graph graph, String packageName, String className) {
        return lower(graph, packageName, className, LowererRegistry.standard());
    }

    public static Program lower(Graph graph, String packageName, String className, LowererRegistry registry) {
        return new Lowering(graph, registry).run(packageName, className);
    }

    private Program run(String packageName, String className) {
        checkInterface();
        for (Node n : graph.nodes()) {
            for (Value out : n.outputs()) {
                if (!out.hasType()) {
                    problems.add(n.describe() + ": output %" + out.name() + " has no static type (run the pass pipeline first)");
                }
            }
            if (registry.find(n.op()) == null) {
                problems.add(n.describe() + ": no lowering for op " + n.op());
            }
        }
        fail();
        BufferAssignment buffers = BufferAssignment.assign(graph, n -> registry.find(n.op()));
        JavaNames names = new JavaNames();
        List<Layer> layers = new ArrayList<>();
        for (Node n : graph.nodes()) {
            LayerBuilder b = new LayerBuilder(n, buffers, this::registerPack);
            try {
                registry.find(n.op()).lower(n, b);
            } catch (UnsupportedNodeException | IrException e) {
                String m = String.valueOf(e.getMessage());
                problems.add(m.startsWith(n.describe()) ? m : n.describe() + ": " + m); // said once
                continue;
            }
            List<KernelCall> calls = b.calls();
            if (!calls.isEmpty()) {
                String base = n.name().isEmpty() ? n.op() + "_" + n.output(0).name() : n.name();
                layers.add(new Layer(names.unique(base), n.name(), n.op(), describe(n.inputs()), describe(n.outputs()),
                        profiled(layers.size(), calls), ModelCost.macs(n), LayerDetail.of(n)));
            }
        }
        fail();
        List<KernelCall> copies = new ArrayList<>();
        for (BufferAssignment.OutputCopy c : buffers.outputCopies()) {
            copies.add(KernelCall.of(COPY, copyMethod(c.to().dtype()), List.of(new Arg.Buffer(c.from()), new Arg.Buffer(c.to()),
                    new Arg.IntArg(c.to().length())), "graph output " + c.to().index() + " is not computed in place"));
        }
        if (!copies.isEmpty()) {
            layers.add(new Layer(names.unique("copy_outputs"), "", "Copy", List.of(), List.of(),
                    profiled(layers.size(), copies)));
        }
        List<WeightTensor> weights = buffers.weights();
        for (WeightTensor w : weights) {
            if (w.data().isElided()) {
                problems.add("constant %" + w.name() + " was elided from a textual dump; its data is not available");
            }
        }
        fail();
        return new Program(packageName, className, specs(graph.inputs()), specs(graph.outputs()), weights, packed,
                buffers.plan().arenaLengths(), buffers.plan().peakBytes(), layers);
    }

    /**
     * A layer's calls between {@code Profiler.begin} and {@code Profiler.end} (one field load and a
     * branch each when no profile is attached), so {@code falconc profile} can time every layer.
     */
    private static List<KernelCall> profiled(int layer, List<KernelCall> calls) {
        List<KernelCall> out = new ArrayList<>(calls.size() + 2);
        out.add(KernelCall.of(PROFILER, "begin", List.of(new Arg.Context(), new Arg.IntArg(layer)), ""));
        out.addAll(calls);
        out.add(KernelCall.of(PROFILER, "end", List.of(new Arg.Context(), new Arg.IntArg(layer)), ""));
        return out;
    }

    /** Compiled models take and return tensors of static shape (any element type: f32, i64, i32, bool). */
    private void checkInterface() {
        for (Value in : graph.inputs()) {
            requireType(in, "input");
        }
        for (Value out : graph.outputs()) {
            requireType(out, "output");
        }
        if (graph.outputs().isEmpty()) {
            problems.add("the graph has no outputs");
        }
    }

    private void requireType(Value v, String kind) {
        if (!v.hasType()) {
            problems.add("graph " + kind + " %" + v.name() + " has no static type");
        }
    }

    /** The {@code Copy} method of an element type. */
    private static String copyMethod(DType dtype) {
        return switch (dtype) {
            case F32 -> "floats";
            case I64 -> "longs";
            case I32 -> "ints";
            case BOOL -> "bools";
        };
    }

    private void fail() {
        if (!problems.isEmpty()) {
            throw new UnsupportedOpsException(problems);
        }
    }

    private int registerPack(String type, KernelCall pack) {
        return packedIndex.computeIfAbsent(pack, p -> {
            packed.add(new PackedWeight(type, p));
            return packed.size() - 1;
        });
    }

    private static List<TensorSpec> specs(List<Value> values) {
        List<TensorSpec> specs = new ArrayList<>();
        for (Value v : values) {
            specs.add(new TensorSpec(v.name(), v.type().dtype(), v.type().shape().dims()));
        }
        return specs;
    }

    private static List<String> describe(List<Value> values) {
        List<String> out = new ArrayList<>();
        for (Value v : values) {
            out.add(v == null ? "_" : "%" + v.name() + " " + v.type());
        }
        return out;
    }
}
