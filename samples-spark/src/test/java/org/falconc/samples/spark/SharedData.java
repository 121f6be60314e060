package org.falconc.samples.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only test data in ../shared (conformance cases, trained models, images).
 * Tests that need it skip on a fresh clone without ../shared, and fail when ../shared lacks a file.
 */
final class SharedData {
    private SharedData() {
    }

    /**
     * ../shared next to the repository root: the {@code falconc.shared} property when set, else found by
     * walking up from the working directory (a module's directory under surefire) to the topmost
     * directory holding a pom.xml, so {@code mvn -pl <module>} and {@code mvn -f <repo>/pom.xml} from
     * anywhere find the same data.
     */
    static Path root() {
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
    static Path require(String relative) {
        Path root = root();
        assumeTrue(Files.isDirectory(root), "../shared not found at " + root + ": skipping (CI has it)");
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("../shared is at " + root + " but " + relative + " is missing from it");
        }
        return p;
    }
}
