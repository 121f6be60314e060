package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * ResNet-18/50, VGG-16 and MobileNetV2 with random weights, written by ../shared/tools/gen_models.py
 * (needs Debian's python3-onnx). Taken from -Dfalconc.genmodels=DIR when given, else generated once
 * into target/genmodels; tests skip with a message when neither works.
 */
final class GeneratedModels {
    private static final String PYTHON = "/usr/bin/python3";

    private GeneratedModels() {
    }

    static synchronized Path require(String file) throws IOException, InterruptedException {
        String given = System.getProperty("falconc.genmodels");
        Path dir = given != null ? Path.of(given) : Path.of("target", "genmodels");
        Path model = dir.resolve(file);
        if (Files.exists(model)) {
            return model;
        }
        assumeTrue(given == null, "-Dfalconc.genmodels=" + given + " has no " + file);
        Path script = SharedData.require("tools/gen_models.py");
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " not found: skipping generated-model tests");
        Process probe = new ProcessBuilder(PYTHON, "-c", "import onnx").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "python3-onnx is not installed (apt-get install -y python3-onnx): skipping generated-model tests");
        Files.createDirectories(dir);
        Process gen = new ProcessBuilder(PYTHON, script.toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("gen_models.log").toFile()).start();
        if (!gen.waitFor(15, TimeUnit.MINUTES) || gen.exitValue() != 0) {
            throw new IOException("gen_models.py failed; see " + dir.resolve("gen_models.log"));
        }
        return model;
    }
}
