package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of ../shared/onnx-conformance (node, node-expanded, light-cases) through an
 * engine and compares with the expected outputs under the ONNX runner's tolerance. Writes
 * target/conformance-report-ENGINE.md.
 * A failing case must be listed, with its reason, in conformance/known-gaps-ENGINE.txt; a listed
 * case that passes fails the test so the list stays true.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceTest {
    private final List<ConformanceResult> results = Collections.synchronizedList(new ArrayList<>());

    /** How the cases run. */
    abstract ConformanceRunner.Engine engine() throws IOException;

    /** The engine's name in the report, and the suffix of its files. */
    abstract String engineName();

    @TestFactory
    Stream<DynamicTest> conformanceCases() throws IOException {
        Path root = SharedData.require("onnx-conformance");
        Map<String, String> knownGaps = KnownGaps.load("/conformance/known-gaps-" + engineName() + ".txt");
        ConformanceRunner.Engine engine = engine();
        List<String> cases = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("MANIFEST.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                cases.add(line.substring(0, line.indexOf(' ')).trim());
            }
        }
        for (String gap : knownGaps.keySet()) {
            if (!cases.contains(gap)) {
                fail("known-gaps-" + engineName() + ".txt lists '" + gap + "', which is not a conformance case");
            }
        }
        return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ConformanceResult r = ConformanceRunner.run(name, root.resolve(name), engine);
            results.add(r);
            String gap = knownGaps.get(name);
            if (gap != null) {
                if (r.passed()) {
                    fail(name + " passes now: remove it from known-gaps-" + engineName() + ".txt");
                }
                assumeTrue(false, "known gap: " + gap + " (" + r.message() + ")");
            } else if (!r.passed()) {
                fail(name + ": " + r.message());
            }
        }));
    }

    @AfterAll
    void writeReport() {
        if (results.isEmpty()) {
            return;
        }
        try {
            Path report = Path.of("target", "conformance-report-" + engineName() + ".md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, ConformanceResult.report(engineName(), results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
