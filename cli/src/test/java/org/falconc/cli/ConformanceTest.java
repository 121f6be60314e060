package org.falconc.cli;

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
 * Runs every case of ../shared/onnx-conformance (node, node-expanded, light-cases) through the
 * frontend, the standard pass pipeline and the reference interpreter, and compares with the
 * expected outputs under the ONNX runner's tolerance. Writes target/conformance-report.md.
 * A failing case must be listed, with its reason, in conformance/known-gaps.txt; a listed case
 * that passes fails the test so the list stays true.
 */
class ConformanceTest {
    private static final List<ConformanceResult> RESULTS = Collections.synchronizedList(new ArrayList<>());

    @TestFactory
    Stream<DynamicTest> conformanceCases() throws IOException {
        Path root = SharedData.require("onnx-conformance");
        Map<String, String> knownGaps = KnownGaps.load("/conformance/known-gaps.txt");
        List<String> cases = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("MANIFEST.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                cases.add(line.substring(0, line.indexOf(' ')).trim());
            }
        }
        for (String gap : knownGaps.keySet()) {
            if (!cases.contains(gap)) {
                fail("known-gaps.txt lists '" + gap + "', which is not a conformance case");
            }
        }
        return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ConformanceResult r = ConformanceRunner.run(name, root.resolve(name), ConformanceRunner.INTERPRETER);
            RESULTS.add(r);
            String gap = knownGaps.get(name);
            if (gap != null) {
                if (r.passed()) {
                    fail(name + " passes now: remove it from known-gaps.txt");
                }
                assumeTrue(false, "known gap: " + gap + " (" + r.message() + ")");
            } else if (!r.passed()) {
                fail(name + ": " + r.message());
            }
        }));
    }

    @AfterAll
    static void writeReport() {
        if (RESULTS.isEmpty()) {
            return;
        }
        try {
            Path report = Path.of("target", "conformance-report.md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, ConformanceResult.report("reference interpreter", RESULTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
