package org.falconc.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.falconc.frontend.ImportedModel;
import org.falconc.ir.Graph;
import org.falconc.ir.Value;
import org.falconc.ir.analysis.ModelCost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconc inspect MODEL}: interface, op histogram, parameters and MACs. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a model's inputs, outputs, op histogram, parameter count and conv/gemm MACs.")
final class InspectCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedModel m = ModelLoader.load(model.model, InputShapes.parse(model.inputShapes), null);
        PrintWriter out = spec.commandLine().getOut();
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
        out.flush();
        return 0;
    }

    /** Notes a boundary conversion, e.g. float16 inputs the IR holds as f32. */
    private static String boundary(Integer onnxElemType) {
        return onnxElemType != null && onnxElemType == 10 ? "  (float16 in the model, converted at the boundary)" : "";
    }
}
