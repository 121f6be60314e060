package org.falconc.compiler;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.falconc.codegen.EmitKind;
import org.falconc.ir.Tensor;
import org.falconc.passes.SparsityMode;

/**
 * What to compile a model into, and how: where and as what (jar, class files, Java source), the class
 * name, input shapes, and the FalCon sparsity settings (mode, calibration inputs, accuracy budget).
 * Built with {@link #to(Path)}; every setter returns a new request.
 *
 * @param output       the jar to write ({@link EmitKind#JAR}), or the root directory for class files or source
 * @param emit         what to write
 * @param className    the model class, optionally qualified ({@code com.acme.Resnet}); null: derived from the
 *                     model file's name ({@code mnist-8.onnx -> Mnist8})
 * @param inputShapes  shapes bound to symbolic input dimensions (a symbolic batch defaults to 1)
 * @param sparsity     off, exact (the default) or threshold (needs {@code calibration})
 * @param calibration  photos or {@code .pb} tensors to calibrate the sparse schedule (and the thresholds) on, or null
 * @param maxDrop      threshold mode: the share of calibration inputs whose top-1 class may change (relative L2
 *                     error of the outputs for other models), within [0, 1]
 * @param preprocess   how photos become inputs ({@link org.falconc.runtime.io.ImagePreset} name), or null to choose
 *                     from the input shape; recorded with the model (the jar's {@code --image} uses it)
 * @param labels       a file of class labels, one per line, recorded with the model, or null
 * @param knownInputs  values of graph inputs the model's shapes depend on (a Reshape target fed as an input): the
 *                     model is specialised to them and they leave its inputs
 * @param listener     progress and findings
 */
public record CompileRequest(Path output, EmitKind emit, String className, Map<String, int[]> inputShapes,
                             SparsityMode sparsity, Path calibration, double maxDrop, String preprocess,
                             Path labels, Map<String, Tensor> knownInputs, CompileListener listener) {
    /** The default accuracy budget of threshold mode: 1% of the calibration inputs may change class. */
    public static final double DEFAULT_MAX_DROP = 0.01;

    public CompileRequest {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(emit, "emit");
        Objects.requireNonNull(sparsity, "sparsity");
        inputShapes = Map.copyOf(inputShapes);
        knownInputs = Map.copyOf(knownInputs);
        Objects.requireNonNull(listener, "listener");
    }

    /** A jar at {@code output}, class name from the model file, exact sparsity without calibration. */
    public static CompileRequest to(Path output) {
        return new CompileRequest(output, EmitKind.JAR, null, Map.of(), SparsityMode.EXACT, null, DEFAULT_MAX_DROP,
                null, null, Map.of(), CompileListener.SILENT);
    }

    public CompileRequest emit(EmitKind kind) {
        return new CompileRequest(output, kind, className, inputShapes, sparsity, calibration, maxDrop, preprocess, labels,
                knownInputs, listener);
    }

    public CompileRequest className(String name) {
        return new CompileRequest(output, emit, name, inputShapes, sparsity, calibration, maxDrop, preprocess, labels,
                knownInputs, listener);
    }

    public CompileRequest inputShapes(Map<String, int[]> shapes) {
        return new CompileRequest(output, emit, className, new LinkedHashMap<>(shapes), sparsity, calibration, maxDrop,
                preprocess, labels, knownInputs, listener);
    }

    /** Input shapes in the command-line form, {@code data=1x3x224x224}. */
    public CompileRequest inputShapes(List<String> specs) {
        return inputShapes(InputShapes.parse(specs));
    }

    public CompileRequest sparsity(SparsityMode mode) {
        return new CompileRequest(output, emit, className, inputShapes, mode, calibration, maxDrop, preprocess, labels,
                knownInputs, listener);
    }

    public CompileRequest calibration(Path dir) {
        return new CompileRequest(output, emit, className, inputShapes, sparsity, dir, maxDrop, preprocess, labels,
                knownInputs, listener);
    }

    public CompileRequest maxDrop(double share) {
        return new CompileRequest(output, emit, className, inputShapes, sparsity, calibration, share, preprocess, labels,
                knownInputs, listener);
    }

    public CompileRequest preprocess(String name) {
        return new CompileRequest(output, emit, className, inputShapes, sparsity, calibration, maxDrop, name, labels,
                knownInputs, listener);
    }

    public CompileRequest labels(Path file) {
        return new CompileRequest(output, emit, className, inputShapes, sparsity, calibration, maxDrop, preprocess, file,
                knownInputs, listener);
    }

    public CompileRequest knownInputs(Map<String, Tensor> values) {
        return new CompileRequest(output, emit, className, inputShapes, sparsity, calibration, maxDrop, preprocess, labels,
                values, listener);
    }

    public CompileRequest listener(CompileListener l) {
        return new CompileRequest(output, emit, className, inputShapes, sparsity, calibration, maxDrop, preprocess,
                labels, knownInputs, l);
    }
}
