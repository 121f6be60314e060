package org.falconc.compiler;

import java.io.IOException;
import java.nio.file.Path;
import org.falconc.codegen.CompileOptions;
import org.falconc.codegen.Compiler;
import org.falconc.codegen.EmitKind;
import org.falconc.codegen.lower.ops.SparseBreakEven;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.passes.SparsityMode;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.model.ModelInfo;

/**
 * The compiler's entry point: an ONNX model file in, a jar, class files or Java source out.
 *
 * <pre>
 *   CompileResult r = Falconc.compile(Path.of("mnist-8.onnx"), CompileRequest.to(Path.of("Mnist8.jar")));
 * </pre>
 *
 * The whole flow: import (any opset), shape binding and specialisation, the optimizing pass pipeline,
 * calibration of the sparse schedule and thresholds on the request's inputs, lowering, emission. A bad
 * model, input or request throws {@link org.falconc.ir.FalconcException} of kind
 * {@link org.falconc.ir.ErrorKind#USER_INPUT} (or {@code UNSUPPORTED}) with a one-line message; any other
 * exception is a falconc bug.
 */
public final class Falconc {
    private Falconc() {
    }

    /** Compiles {@code model} as {@code request} says, calibrating first when it names calibration inputs. */
    public static CompileResult compile(Path model, CompileRequest request) {
        CompileOptions target = validate(model, request); // before calibration: a bad -o costs nothing
        return compile(model, request, passOptions(model, request), target);
    }

    /**
     * As {@link #compile(Path, CompileRequest)} with the pass options already chosen (by
     * {@link #passOptions}); the benchmark compiles several variants of one calibration this way.
     */
    public static CompileResult compile(Path model, CompileRequest request, PassOptions options) {
        return compile(model, request, options, validate(model, request));
    }

    private static CompileResult compile(Path model, CompileRequest request, PassOptions options, CompileOptions target) {
        long start = System.nanoTime();
        CompileListener l = request.listener();
        l.stage("importing and optimising " + model.getFileName());
        LoadedModel m = ModelLoader.load(model, request.inputShapes(), Pipeline.optimizing(options), options,
                request.knownInputs());
        l.stage("generating code");
        org.falconc.codegen.CompileResult generated = Compiler.compile(m.graph(), target
                .withElemTypes(m.imported().inputElemTypes(), m.imported().outputElemTypes()));
        return new CompileResult(m, generated, (System.nanoTime() - start) / 1e6);
    }

    /**
     * The pass options the request's sparsity settings ask for: off, exact, or calibrated on the request's
     * inputs (exact: each decomposed layer's zero fraction and sparse-vs-dense time; threshold: per-producer
     * thresholds under the accuracy budget, then the same statistics).
     */
    public static PassOptions passOptions(Path model, CompileRequest request) {
        if (request.maxDrop() < 0 || request.maxDrop() > 1) {
            throw new UserException("--max-drop must be within [0, 1], got " + request.maxDrop());
        }
        requirePreset(request.preprocess());
        Calibrator calibrator = new Calibrator(model, request.inputShapes(), request.listener());
        try {
            PassOptions chosen = switch (request.sparsity()) {
                case OFF -> PassOptions.defaults().withSparsity(SparsityMode.OFF);
                case EXACT -> {
                    if (request.calibration() == null) {
                        yield PassOptions.defaults().withSparsity(SparsityMode.EXACT);
                    }
                    request.listener().stage("calibrating on " + request.calibration());
                    yield calibrator.exact(request.calibration(), request.preprocess());
                }
                case THRESHOLD -> {
                    if (request.calibration() == null) {
                        throw new UserException("--sparsity threshold needs --calibrate DIR (the thresholds are chosen "
                                + "on those inputs)");
                    }
                    request.listener().stage("choosing thresholds on " + request.calibration());
                    yield calibrator.threshold(request.calibration(), request.preprocess(), request.maxDrop());
                }
            };
            return chosen.withBreakEvenModel(SparseBreakEven::of);
        } catch (IOException e) {
            throw new UserException("--calibrate: " + e.getMessage());
        }
    }

    /** The code generator's options for the request, after checking where it writes and the class name. */
    private static CompileOptions validate(Path model, CompileRequest request) {
        Path output = request.output();
        OutputPaths.requireNotModel(output, model);
        if (request.emit() == EmitKind.JAR) {
            OutputPaths.requireReplaceableFile(output, "-o");
        } else {
            OutputPaths.requireDirectory(output, "-o");
        }
        requirePreset(request.preprocess());
        String pkg = "";
        String simple = CompileOptions.classNameFor(model);
        String name = request.className();
        if (name != null) {
            ClassNames.requireUserOwned(name);
            int dot = name.lastIndexOf('.');
            pkg = dot < 0 ? "" : name.substring(0, dot);
            simple = name.substring(dot + 1);
        }
        CompileOptions options;
        try {
            options = new CompileOptions(pkg, simple, request.emit(), output);
        } catch (IllegalArgumentException e) {
            throw new UserException("--class: " + e.getMessage());
        }
        options = options.withPreprocess(request.preprocess());
        if (request.labels() != null) {
            try {
                options = options.withLabels(ModelInfo.readLabels(request.labels()));
            } catch (IOException e) {
                throw new UserException("--labels: " + e.getMessage());
            }
        }
        return options;
    }

    private static void requirePreset(String preprocess) {
        if (preprocess != null) {
            try {
                ImagePreset.parse(preprocess);
            } catch (IllegalArgumentException e) {
                throw new UserException("--preprocess: " + e.getMessage());
            }
        }
    }
}
