package org.falconc.passes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Verifier;
import org.falconc.ir.text.IrPrinter;

/**
 * Runs a {@link Pipeline} over a graph in place: verifies the input and the graph after every pass
 * (when {@link PassOptions#verify()}), writes the requested IR dumps ({@code 00-input.fir}, then
 * {@code NN-PASS.fir} with NN the pass's position in the pipeline) and honours stop-after.
 */
public final class PassManager {
    /** The name of the dump of the graph as it entered the pipeline. */
    public static final String INPUT_DUMP = "00-input.fir";

    private PassManager() {
    }

    /** Runs the {@linkplain Pipeline#standard() standard pipeline}. */
    public static PipelineResult run(Graph g, PassOptions options) {
        return run(Pipeline.standard(), g, options);
    }

    /**
     * Runs {@code pipeline} on {@code g}.
     *
     * @throws IllegalArgumentException when the options name a pass the pipeline does not have
     * @throws IrException when a pass fails, or when verification fails (message
     *         {@code "after pass NAME: ..."}; {@code "input graph: ..."} for the graph as given)
     * @throws UncheckedIOException when a dump cannot be written
     */
    public static PipelineResult run(Pipeline pipeline, Graph g, PassOptions options) {
        pipeline.checkOptions(options);
        List<Path> dumps = new ArrayList<>();
        if (options.dump().isEnabled()) {
            dumps.add(dump(g, options, INPUT_DUMP));
        }
        if (options.verify()) {
            verify(g, "input graph");
        }
        List<PassResult> results = new ArrayList<>();
        int position = 0;
        for (Pass pass : pipeline.passes()) {
            position++;
            long start = System.nanoTime();
            boolean changed = pass.run(g, new PassContext(options, pass.name()));
            results.add(new PassResult(pass.name(), changed, Duration.ofNanos(System.nanoTime() - start)));
            // Dump before verifying so a broken graph can be inspected.
            if (options.dump().dumpsAfter(pass.name())) {
                dumps.add(dump(g, options, dumpFileName(position, pass.name())));
            }
            if (options.verify()) {
                verify(g, "after pass " + pass.name());
            }
            if (pass.name().equals(options.stopAfter())) {
                break;
            }
        }
        return new PipelineResult(results, dumps);
    }

    /** {@code 02-fold-constants.fir} for the pass at position 2. */
    public static String dumpFileName(int position, String passName) {
        return String.format(Locale.ROOT, "%02d-%s.fir", position, passName);
    }

    private static void verify(Graph g, String when) {
        try {
            Verifier.verify(g);
        } catch (IrException e) {
            throw new IrException(when + ": " + e.getMessage(), e);
        }
    }

    private static Path dump(Graph g, PassOptions options, String fileName) {
        String text = IrPrinter.print(g, options.printOptions());
        Path file = options.dumpDir().resolve(fileName);
        try {
            Files.createDirectories(options.dumpDir());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write IR dump " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
