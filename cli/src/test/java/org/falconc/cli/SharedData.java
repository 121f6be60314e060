package org.falconc.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only test data in ../shared (conformance cases, trained models, images).
 * Tests that need it skip with a message on a fresh clone without it.
 */
final class SharedData {
    private SharedData() {
    }

    static Path root() {
        return Path.of(System.getProperty("falconc.shared", "../../shared")).toAbsolutePath().normalize();
    }

    /** The path under ../shared, or skips the calling test when it does not exist. */
    static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "../shared data not found at " + p + ": skipping (CI has it)");
        return p;
    }
}
