package org.falconc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Conformance of the Java source emitter: optimizing pipeline, {@code --emit java}, javac in process,
 * the class loaded and called through the model API. Every case runs (no subset).
 */
class SourceConformanceTest extends ConformanceTest {
    @Override
    ConformanceRunner.Engine engine() throws IOException {
        Path dir = Path.of("target", "conformance-sources");
        Files.createDirectories(dir);
        return new SourceEngine(dir);
    }

    @Override
    String engineName() {
        return "source";
    }
}
