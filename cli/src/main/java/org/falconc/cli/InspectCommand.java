package org.falconc.cli;

import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import org.falconc.compiler.CompiledJar;
import org.falconc.compiler.InputShapes;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.falconc.frontend.ImportedModel;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.SparseAttrs;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.ir.Value;
import org.falconc.ir.analysis.ModelCost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconc inspect MODEL}: interface, op histogram, parameters and MACs, and the sparse execution plan. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a model's inputs, outputs, op histogram, parameter count and conv/gemm MACs, and per "
                + "convolution the sparse execution plan the compiler would choose with the given --sparsity options "
                + "(dense, or decomposed with its break-even and calibrated zero fraction, thresholds).",
            "MODEL may also be a .jar from falconc compile: then its layers and the recorded decisions are listed."})
final class InspectCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Mixin
    SparsityOptions sparsity;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (model.model.toString().endsWith(".jar")) {
            return inspectJar(out);
        }
        LoadedModel m = ModelLoader.load(model.model, InputShapes.parse(model.inputShapes), null);
        ImportedModel imp = m.imported();
        Graph g = m.graph();
        out.printf("model:    %s%n", model.model);
        out.printf("format:   ONNX IR version %d, opset %d%s%n", imp.irVersion(), imp.opsetVersion(),
                imp.producerName().isEmpty() ? "" : ", produced by " + imp.producerName());
        out.println("inputs:");
        for (Value v : g.inputs()) {
            out.printf("  %-24s %s%s%n", v.name(), v.type(), boundary(imp.inputElemTypes().get(v.name())));
        }
        out.println("outputs:");
        for (Value v : g.outputs()) {
            out.printf("  %-24s %s%s%n", v.name(), v.type(), boundary(imp.outputElemTypes().get(v.name())));
        }
        out.println("ops (as imported):");
        for (Map.Entry<String, Integer> e : m.importedOps().entrySet()) {
            out.printf("  %-24s %d%n", e.getKey(), e.getValue());
        }
        ModelCost cost = ModelCost.of(g);
        out.printf("parameters:   %,d (%s as f32)%n", cost.parameters(), Units.bytes(cost.parameters() * 4));
        out.printf("conv MACs:    %,d%n", cost.convMacs());
        out.printf("gemm MACs:    %,d%n", cost.gemmMacs());
        sparsePlan(out);
        out.flush();
        return 0;
    }

    /** The convolutions after the optimizing pipeline with the sparsity options: how each would run. */
    private void sparsePlan(PrintWriter out) {
        PassOptions po = sparsity.passOptions(model.model, model.inputShapes, spec.commandLine().getErr());
        Graph g = ModelLoader.load(model.model, InputShapes.parse(model.inputShapes), Pipeline.optimizing(po), po,
                Map.of()).graph();
        out.printf("execution plan (%s):%n", sparsity.describe());
        long dense = 0;
        long expected = 0;
        for (Node n : g.nodes()) {
            if (!ModelCost.isConv(n)) {
                continue;
            }
            long d = ModelCost.macs(n);
            boolean decomposed = n.op().equals("DecomposedConv");
            boolean measured = decomposed && n.attrs().has(SparseAttrs.EXPECTED_ZEROS);
            // expected MACs of a calibrated decomposed layer: the measured zero operands skipped
            long e = measured ? Math.round(d * (1 - n.attrs().getFloat(SparseAttrs.EXPECTED_ZEROS))) : d;
            dense += d;
            expected += e;
            String decision;
            if (!decomposed) {
                decision = String.format(java.util.Locale.ROOT, "dense, MACs %,d", d);
            } else if (measured) {
                decision = String.format(java.util.Locale.ROOT, "decomposed: sparse when >= %.0f%% of the input is zero "
                        + "(calibrated: %.0f%%), MACs %,d -> %,d (-%.0f%%)", 100 * n.attrs().getFloat(SparseAttrs.BREAK_EVEN),
                        100 * n.attrs().getFloat(SparseAttrs.EXPECTED_ZEROS), d, e, d == 0 ? 0 : 100.0 * (d - e) / d);
            } else {
                decision = String.format(java.util.Locale.ROOT, "decomposed: sparse or dense per input by the cost "
                        + "model's break-even, MACs %,d dense", d);
            }
            if (Activation.named(n.attrs().getString(Activation.ATTRIBUTE, "")) == Activation.THRESHOLDED_RELU) {
                decision += String.format(java.util.Locale.ROOT, ", output threshold %.4g",
                        n.attrs().getFloats(Activation.PARAMS_ATTRIBUTE, new float[] {0})[0]);
            }
            out.printf("  %-28s %s%n", n.name().isEmpty() ? n.output(0).name() : n.name(), decision);
        }
        for (Node n : g.nodes()) {
            if (n.op().equals("ThresholdedRelu")) {
                out.printf("  %-28s threshold %.4g%n", n.name().isEmpty() ? n.output(0).name() : n.name(),
                        n.attrs().getFloat("alpha", 1f));
            }
        }
        out.printf("expected conv MACs: %,d of %,d dense (%.1f%% fewer)%n", expected, dense,
                dense == 0 ? 0 : 100.0 * (dense - expected) / dense);
    }

    /** A compiled jar: its interface and the layer table the compiler recorded. */
    private int inspectJar(PrintWriter out) {
        try (CompiledJar cj = CompiledJar.open(model.model)) {
            var m = cj.model();
            out.printf("model jar: %s (%s)%n", model.model, m);
            out.println("layers:");
            long dense = 0;
            for (var l : m.layers()) {
                dense += l.denseMacs();
                out.printf("  %3d %-28s %-15s %-22s %s%n", l.index(), l.name(), l.op(), l.output(), l.detail());
            }
            out.printf("dense MACs: %,d%n", dense);
        }
        out.flush();
        return 0;
    }

    /** Notes a boundary conversion, e.g. float16 inputs the IR holds as f32. */
    private static String boundary(Integer onnxElemType) {
        return onnxElemType != null && onnxElemType == 10 ? "  (float16 in the model, converted at the boundary)" : "";
    }
}
