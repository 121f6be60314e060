package org.falconc.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the read-only test data in ../shared (conformance cases, trained models, images).
 * Tests that need it skip on a fresh clone without ../shared, and fail when ../shared lacks a file.
 * One copy for every module's tests (a test-scope dependency).
 */
public final class SharedData {
    private SharedData() {
    }

    /**
     * ../shared next to the repository root: the {@code falconc.shared} property when set, else found by
     * walking up from the working directory (a module's directory under surefire) to the topmost
     * directory holding a pom.xml, so {@code mvn -pl <module>} and {@code mvn -f <repo>/pom.xml} from
     * anywhere find the same data.
     */
    public static Path root() {
        String configured = System.getProperty("falconc.shared", "");
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        Path repository = null;
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml"))) {
                repository = d;
            } else if (repository != null) {
                break;
            }
        }
        return (repository == null ? dir : repository).resolveSibling("shared").normalize();
    }

    /**
     * The path under ../shared. Skips the calling test only when ../shared is absent altogether (a
     * fresh clone); when it is present, a missing file is a failure, not a silent skip.
     */
    public static Path require(String relative) {
        Path root = root();
        assumeTrue(Files.isDirectory(root), "../shared not found at " + root + ": skipping (CI has it)");
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("../shared is at " + root + " but " + relative + " is missing from it");
        }
        return p;
    }

    /** ../shared itself; skips the calling test when it is absent. */
    public static Path dir() {
        Path root = root();
        assumeTrue(Files.isDirectory(root), "../shared not found at " + root + ": skipping tests on shared models and data");
        return root;
    }

    public static Path models() {
        return require("models");
    }

    public static Path conformance() {
        return require("onnx-conformance");
    }

    /** Every {@code *.onnx} in models/ (at least one). */
    public static List<Path> modelFiles() {
        return nonEmpty(list(models(), 1, p -> p.toString().endsWith(".onnx")), "models/*.onnx");
    }

    /** Every conformance case folder (kind/case) that holds a model.onnx (at least one). */
    public static List<Path> conformanceCases() {
        return nonEmpty(list(conformance(), 2, p -> Files.isRegularFile(p.resolve("model.onnx"))),
                "onnx-conformance/*/*/model.onnx");
    }

    private static List<Path> nonEmpty(List<Path> found, String what) {
        if (found.isEmpty()) {
            throw new AssertionError("../shared is at " + root() + " but holds no " + what);
        }
        return found;
    }

    private static List<Path> list(Path root, int depth, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.walk(root, depth)) {
            return s.filter(p -> root.relativize(p).getNameCount() == depth).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
