package org.falconc.cli;

import org.falconc.compiler.UserException;
import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import org.falconc.compiler.InputShapes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.falconc.ir.text.IrPrinter;
import org.falconc.ir.text.PrintOptions;
import org.falconc.passes.DumpSpec;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconc dump-ir MODEL}: the IR after the pipeline, or one file per pass. */
@Command(name = "dump-ir", mixinStandardHelpOptions = true,
        description = {"Print the model's IR after the compiler's pass pipeline, or write it after chosen passes.",
            "The text form is described in docs/ir-text.md; passes in docs/passes.md."})
final class DumpIrCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Mixin
    SparsityOptions sparsity;

    @Mixin
    CommonOptions common;

    @Option(names = "--dump-ir", paramLabel = "WHEN",
            description = "Write the IR after passes: after:all or after:NAME[,NAME...]; files NN-NAME.fir "
                    + "(00-input.fir is the graph as imported) go to --dump-dir.")
    String dumpIr;

    @Option(names = "--dump-dir", paramLabel = "DIR", defaultValue = "falconc-ir",
            description = "Directory for --dump-ir files (default: ${DEFAULT-VALUE}).")
    Path dumpDir;

    @Option(names = "--stop-after", paramLabel = "NAME", description = "End the pipeline after this pass.")
    String stopAfter;

    @Option(names = "--full-constants", description = "Write every constant in full instead of a digest.")
    boolean fullConstants;

    @Option(names = "--no-verify", negatable = false,
            description = "Do not run the verifier between passes (to dump a graph the verifier rejects).")
    boolean noVerify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintOptions print = PrintOptions.defaults().withFullConstants(fullConstants);
        PassOptions po = sparsity.passOptions(model.model, model.inputShapes, spec.commandLine().getErr())
                .withPrintOptions(print).withVerify(!noVerify);
        if (stopAfter != null) {
            po = po.withStopAfter(stopAfter);
        }
        if (dumpIr != null) {
            DumpSpec ds;
            try {
                ds = DumpSpec.parse(dumpIr);
            } catch (IllegalArgumentException e) {
                throw new UserException("--dump-ir: " + e.getMessage());
            }
            po = po.withDump(ds, dumpDir);
        }
        LoadedModel m = ModelLoader.load(model.model, InputShapes.parse(model.inputShapes), Pipeline.optimizing(), po,
                java.util.Map.of());
        PrintWriter out = spec.commandLine().getOut();
        if (dumpIr == null) {
            out.print(IrPrinter.print(m.graph(), print));
        } else {
            for (Path f : m.pipeline().dumpFiles()) {
                out.println("wrote " + f);
            }
        }
        out.flush();
        return 0;
    }
}
