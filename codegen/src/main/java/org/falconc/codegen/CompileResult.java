package org.falconc.codegen;

import java.nio.file.Path;
import java.util.List;
import org.falconc.codegen.program.Program;

/**
 * What {@link Compiler#compile} did.
 *
 * @param program the lowered program (layers, weights, memory plan)
 * @param files   the files written (the jar, or the class/source file and the weights resource)
 */
public record CompileResult(Program program, List<Path> files) {
    public CompileResult {
        files = List.copyOf(files);
    }

    /** {@code org.example.Model}. */
    public String className() {
        return program.qualifiedName();
    }

    /** Bytes of one call's activation arenas. */
    public long peakActivationBytes() {
        return program.peakActivationBytes();
    }

    public int layerCount() {
        return program.layers().size();
    }

    /** Total bytes of the weights resource's tensors. */
    public long weightBytes() {
        long bytes = 0;
        for (var w : program.weights()) {
            bytes += (long) w.data().numElements() * w.data().dtype().byteSize();
        }
        return bytes;
    }
}
