package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.falconc.ir.Graph;
import org.falconc.ir.Verifier;
import org.falconc.passes.sparsity.SparsityCalibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Before/after cases of each pass of the optimizing pipeline (which includes the standard passes), one file per case under {@code src/test/resources/PASS/}:
 * the input graph, a line {@code # expected:}, and the graph the pass must print. The pass must
 * report a change exactly when the two differ, leave a graph the verifier accepts, and find
 * nothing more to do when run again. A line {@code # options: ...} in the input part sets pass options:
 * {@code sparsity=MODE}, {@code threshold:NODE=T} (also sets THRESHOLD mode), {@code decompose-graph-inputs},
 * {@code calibrated:NODE=ZEROS/BREAK_EVEN} (calibration figures of a DecomposedConv),
 * {@code model-break-even:NODE=V} (the runtime cost model's break-even of NODE; 0.5 for the others).
 */
class PassCaseTest {
    private static final String MARKER = "# expected:";

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        List<Arguments> all = new ArrayList<>();
        for (Pass pass : Pipeline.optimizing().passes()) {
            for (Path file : caseFiles(pass.name())) {
                all.add(Arguments.of(pass.name() + "/" + file.getFileName(), pass, file));
            }
        }
        return all.stream();
    }

    private static List<Path> caseFiles(String passName) throws IOException, URISyntaxException {
        URL dir = PassCaseTest.class.getResource("/" + passName);
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(f -> f.toString().endsWith(".fir")).sorted().toList();
        }
    }

    @Test
    void everyPassHasCases() throws IOException, URISyntaxException {
        for (String name : Pipeline.optimizing().passNames()) {
            assertTrue(caseFiles(name).size() >= 2, "too few before/after cases for " + name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passRewritesAsExpected(String caseName, Pass pass, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf("\n" + MARKER + "\n");
        assertTrue(at >= 0, caseName + " has no '" + MARKER + "' line");
        String before = text.substring(0, at + 1);
        String after = text.substring(at + MARKER.length() + 2);

        Graph g = IrText.parse(before);
        PassOptions options = options(before);
        boolean changed = pass.run(g, IrText.context(pass, options));
        if (Boolean.getBoolean("falconc.regenerate")) {
            // -Dfalconc.regenerate=true rewrites the expected graphs from the passes, then fails: review
            // the diff and run again without it. Never on CI, where it would bless whatever the passes do.
            assertTrue(System.getenv("CI") == null, "-Dfalconc.regenerate is refused on CI");
            Path source = Path.of("src/test/resources", passName(caseName), file.getFileName().toString());
            String regenerated = before + MARKER + "\n" + IrText.print(g);
            if (!regenerated.equals(text)) {
                Files.writeString(source, regenerated, StandardCharsets.UTF_8);
                org.junit.jupiter.api.Assertions.fail(caseName + " regenerated: review the diff, then run without "
                        + "-Dfalconc.regenerate");
            }
        }
        IrText.assertGraph(after, g, caseName);
        Verifier.verify(g);
        assertEquals(!IrText.canonical(before).equals(IrText.canonical(after)), changed,
                caseName + ": the pass's changed flag");
        assertFalse(pass.run(g, IrText.context(pass, options)), caseName + ": a second run should find nothing to do");
        IrText.assertGraph(after, g, caseName + " after a second run");
    }

    private static String passName(String caseName) {
        int slash = caseName.indexOf('/');
        return slash < 0 ? caseName : caseName.substring(0, slash);
    }

    /** The pass options a case asks for in {@code # options:} lines. */
    static PassOptions options(String text) {
        PassOptions options = PassOptions.defaults();
        java.util.Map<String, Float> thresholds = new java.util.LinkedHashMap<>();
        java.util.Map<String, SparsityCalibration.Layer> calibration = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> model = new java.util.LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("# options:")) {
                continue;
            }
            for (String opt : line.substring("# options:".length()).trim().split("\\s+")) {
                if (opt.startsWith("sparsity=")) {
                    options = options.withSparsity(SparsityMode.valueOf(opt.substring("sparsity=".length())));
                } else if (opt.startsWith("threshold:")) {
                    String[] kv = opt.substring("threshold:".length()).split("=");
                    thresholds.put(kv[0], Float.parseFloat(kv[1]));
                    options = options.withSparsity(SparsityMode.THRESHOLD);
                } else if (opt.startsWith("calibrated:")) {
                    // calibrated:NODE=ZEROS/BREAK_EVEN: the zero fraction measured at NODE's input and its break-even
                    String[] kv = opt.substring("calibrated:".length()).split("=");
                    String[] f = kv[1].split("/");
                    calibration.put(kv[0], new SparsityCalibration.Layer(Double.parseDouble(f[0]), Double.parseDouble(f[1])));
                } else if (opt.startsWith("model-break-even:")) {
                    // model-break-even:NODE=V: what the runtime's cost model says of NODE (others 0.5)
                    String[] kv = opt.substring("model-break-even:".length()).split("=");
                    model.put(kv[0], Double.parseDouble(kv[1]));
                } else if (opt.equals("decompose-graph-inputs")) {
                    options = options.withDecomposeGraphInputs(true);
                } else {
                    throw new IllegalArgumentException("unknown case option " + opt);
                }
            }
        }
        options = options.withThresholds(thresholds);
        if (!model.isEmpty()) {
            options = options.withBreakEvenModel(n -> model.getOrDefault(n.name(), 0.5));
        }
        return calibration.isEmpty() ? options : options.withCalibration(SparsityCalibration.of(calibration));
    }
}
