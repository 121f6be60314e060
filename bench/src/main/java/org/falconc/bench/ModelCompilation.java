package org.falconc.bench;

import java.nio.file.Path;
import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.CompileResult;
import org.falconc.compiler.Falconc;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;
import org.falconc.passes.PassOptions;

/**
 * A model compiled as {@code falconc MODEL -o X.jar} does it ({@link Falconc#compile}: import with batch 1,
 * the optimizing pipeline, code generation, jar), timed.
 *
 * @param jar                    the jar written
 * @param className              the model class in it
 * @param compileMillis          wall time of import + passes + code generation + writing the jar
 * @param layers                 layers of the generated class
 * @param weightBytes            bytes of the model's weights (the optimised graph's constants, before
 *                               compile-time packing pads them into GEMM panels)
 * @param arenaBytes             bytes of one call's activation arenas (the memory plan's peak)
 * @param largestActivationBytes the largest single tensor a layer writes (or a graph input)
 */
public record ModelCompilation(Path jar, String className, double compileMillis, int layers, long weightBytes,
                               long arenaBytes, long largestActivationBytes) {

    /** Compiles {@code model} to {@code jar} with the default pass options. */
    public static ModelCompilation compile(Path model, Path jar) {
        return compile(model, jar, PassOptions.defaults());
    }

    /** Compiles {@code model} to {@code jar} with {@code options} for the optimizing pipeline (through {@link Falconc}). */
    public static ModelCompilation compile(Path model, Path jar, PassOptions options) {
        CompileResult result = Falconc.compile(model, CompileRequest.to(jar), options);
        Graph graph = result.model().graph();
        return new ModelCompilation(jar, result.className(), result.compileMillis(), result.layerCount(),
                weightBytes(graph), result.peakActivationBytes(), largestActivationBytes(graph));
    }

    private static long weightBytes(Graph graph) {
        long bytes = 0;
        for (Value c : graph.constants()) {
            bytes += bytes(c);
        }
        return bytes;
    }

    private static long largestActivationBytes(Graph graph) {
        long largest = 0;
        for (Value v : graph.inputs()) {
            largest = Math.max(largest, bytes(v));
        }
        for (Node n : graph.nodes()) {
            for (Value v : n.outputs()) {
                if (v != null && v.hasType()) {
                    largest = Math.max(largest, bytes(v));
                }
            }
        }
        return largest;
    }

    private static long bytes(Value v) {
        return (long) v.type().shape().numElements() * v.type().dtype().byteSize();
    }
}
