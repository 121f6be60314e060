package org.falconc.frontend;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The read-only test data in ../shared (models and ONNX conformance cases); tests skip without it. */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("falconc.shared", "../../shared"));
        assumeTrue(Files.isDirectory(dir), "../shared not found: skipping tests on shared models and data");
        return dir;
    }

    static Path models() {
        return dir().resolve("models");
    }

    static Path conformance() {
        return dir().resolve("onnx-conformance");
    }

    /** Every {@code *.onnx} in models/. */
    static List<Path> modelFiles() {
        return list(models(), 1, p -> p.toString().endsWith(".onnx"));
    }

    /** Every conformance case folder (kind/case) that holds a model.onnx. */
    static List<Path> conformanceCases() {
        return list(conformance(), 2, p -> Files.isRegularFile(p.resolve("model.onnx")));
    }

    private static List<Path> list(Path root, int depth, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.walk(root, depth)) {
            return s.filter(p -> root.relativize(p).getNameCount() == depth).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
