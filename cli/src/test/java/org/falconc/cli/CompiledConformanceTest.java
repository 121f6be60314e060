package org.falconc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Conformance of the compiler: optimizing pipeline, generated jar, called through the model API. */
class CompiledConformanceTest extends ConformanceTest {
    @Override
    ConformanceRunner.Engine engine() throws IOException {
        Path dir = Path.of("target", "conformance-jars");
        Files.createDirectories(dir);
        return new CompiledEngine(dir);
    }

    @Override
    String engineName() {
        return "compiled";
    }
}
