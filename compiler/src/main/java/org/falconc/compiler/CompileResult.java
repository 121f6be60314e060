package org.falconc.compiler;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Falconc#compile} did.
 *
 * @param model         the model as compiled: the graph after the pipeline, what was imported, the inputs the
 *                      model was specialised to
 * @param generated     what code generation wrote (the lowered program and the files)
 * @param compileMillis wall time of the whole compilation (calibration included)
 */
public record CompileResult(LoadedModel model, org.falconc.codegen.CompileResult generated, double compileMillis) {
    /** The model class, qualified. */
    public String className() {
        return generated.className();
    }

    /** The files written: the jar, or the class/source files and the weights resource. */
    public List<Path> files() {
        return generated.files();
    }

    public int layerCount() {
        return generated.layerCount();
    }

    /** Bytes of the weights resource's tensors (packed panels included). */
    public long weightBytes() {
        return generated.weightBytes();
    }

    /** Bytes of one call's activation arenas (the memory plan's peak). */
    public long peakActivationBytes() {
        return generated.peakActivationBytes();
    }
}
