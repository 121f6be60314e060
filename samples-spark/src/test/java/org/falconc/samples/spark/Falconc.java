package org.falconc.samples.spark;

import java.nio.file.Path;

/** The one place the tests call the falconc compiler: {@code falconc compile MODEL -o JAR}, in this JVM. */
final class Falconc {
    private Falconc() {
    }

    static void compile(Path onnx, Path jar) {
        int code = org.falconc.cli.Main.run("compile", onnx.toString(), "-o", jar.toString());
        if (code != 0) {
            throw new AssertionError("falconc compile " + onnx + " -o " + jar + " exited with " + code);
        }
    }
}
