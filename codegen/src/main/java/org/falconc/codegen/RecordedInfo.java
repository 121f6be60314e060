package org.falconc.codegen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.falconc.codegen.program.Program;
import org.falconc.codegen.program.TensorSpec;
import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.model.ElementType;
import org.falconc.runtime.model.ModelInfo;
import org.falconc.runtime.model.Scores;

/**
 * The {@link ModelInfo} that {@link Compiler#compile} writes beside a model class, from the lowered
 * program and the options, checked against the program before anything is written: a preprocessing
 * must fit the model's one image input, labels must name the classes of one of its class-score outputs.
 */
final class RecordedInfo {
    private RecordedInfo() {
    }

    static ModelInfo of(Program program, CompileOptions options) {
        List<Integer> in = new ArrayList<>();
        for (TensorSpec s : program.inputs()) {
            in.add(declared(s, options.inputElemTypes()));
        }
        List<Integer> out = new ArrayList<>();
        for (TensorSpec s : program.outputs()) {
            out.add(declared(s, options.outputElemTypes()));
        }
        if (options.preprocess() != null) {
            requireImageInput(program, ImagePreset.parse(options.preprocess()));
        }
        if (!options.labels().isEmpty()) {
            requireClassOutput(program, options.labels().size());
        }
        return new ModelInfo(in, out, options.preprocess(), options.labels());
    }

    /** The declared ONNX type when the compiled type holds it and the runtime writes it, else the compiled type's own. */
    private static int declared(TensorSpec s, Map<String, Integer> declared) {
        ElementType compiled = ElementType.of(s.dtype().text());
        Integer t = declared.get(s.name());
        return t != null && compiled.holds(t) ? t : compiled.onnxType();
    }

    private static void requireImageInput(Program program, ImagePreset preset) {
        if (program.inputs().size() != 1) {
            throw new FalconcException(ErrorKind.USER_INPUT, "--preprocess " + preset.text()
                    + " needs a model with one image input; this one has " + program.inputs());
        }
        TensorSpec in = program.inputs().get(0);
        int[] shape = in.shape();
        if (in.dtype() != org.falconc.ir.DType.F32 || !preset.fits(shape)) {
            throw new FalconcException(ErrorKind.USER_INPUT, "--preprocess " + preset.text() + " makes "
                    + preset.channelsText() + " inputs; the model's input '" + in.name() + "' is "
                    + in.dtype().text() + Arrays.toString(shape).replace(" ", ""));
        }
    }

    private static void requireClassOutput(Program program, int labels) {
        List<String> outputs = new ArrayList<>();
        for (TensorSpec s : program.outputs()) {
            if (s.dtype() == org.falconc.ir.DType.F32 && Scores.classCount(s.shape()) == labels) {
                return;
            }
            outputs.add(s.name() + " " + s.dtype().text() + Arrays.toString(s.shape()).replace(" ", ""));
        }
        throw new FalconcException(ErrorKind.USER_INPUT, "--labels names " + labels
                + " classes, but no output holds " + labels + " class scores (outputs: " + String.join(", ", outputs) + ")");
    }
}
