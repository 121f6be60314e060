package org.falconc.cli;

import org.falconc.compiler.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.frontend.DataTypes;
import org.falconc.frontend.NamedTensor;
import org.falconc.frontend.TensorFiles;
import org.falconc.ir.Tensor;

/** The {@code --input NAME=FILE} options of run and profile: ONNX TensorProto files by input name. */
final class InputFiles {
    /** The key of the input given without a name in the element-type map. */
    static final String UNNAMED = "";

    private InputFiles() {
    }

    /**
     * Refuses a file whose element type differs from the input's declared one (float64 or float16 data for
     * a float32 input), as ONNX Runtime does, rather than silently converting it.
     */
    static void requireElemType(String input, int declared, Integer held) {
        if (held != null && declared != 0 && held != declared) {
            throw new UserException("input '" + input + "' is " + DataTypes.describe(declared)
                    + ", the file holds " + DataTypes.describe(held));
        }
    }

    /** The element types by graph input name, with the unnamed file's under the model's only input. */
    static Map<String, Integer> typesByName(List<String> inputNames, Map<String, Integer> elemTypes) {
        Map<String, Integer> out = new LinkedHashMap<>(elemTypes);
        Integer unnamed = out.remove(UNNAMED);
        if (unnamed != null && inputNames.size() == 1) {
            out.put(inputNames.get(0), unnamed);
        }
        return out;
    }

    /**
     * Reads every option into {@code named}; returns the tensor given without a name (at most one),
     * or null.
     */
    static Tensor read(List<String> options, Map<String, Tensor> named) throws IOException {
        return read(options, named, new LinkedHashMap<>());
    }

    /**
     * As above, and records the ONNX element type each file holds in {@code elemTypes}, by input name
     * ({@link #UNNAMED} for the one given without a name).
     */
    static Tensor read(List<String> options, Map<String, Tensor> named, Map<String, Integer> elemTypes)
            throws IOException {
        Tensor unnamed = null;
        for (String s : options) {
            int eq = s.indexOf('=');
            Path file = Path.of(eq < 0 ? s : s.substring(eq + 1));
            if (!Files.isRegularFile(file)) {
                throw new UserException("input file not found: " + file);
            }
            NamedTensor nt = TensorFiles.read(file);
            Tensor t = nt.tensor();
            elemTypes.put(eq < 0 ? UNNAMED : s.substring(0, eq), nt.onnxElemType());
            if (eq < 0) {
                if (unnamed != null) {
                    throw new UserException("only one --input may leave out NAME=; write NAME=FILE");
                }
                unnamed = t;
            } else if (named.put(s.substring(0, eq), t) != null) {
                throw new UserException("input '" + s.substring(0, eq) + "' given twice");
            }
        }
        return unnamed;
    }

    /** The named tensors, plus the unnamed one under the name of a model's only input. */
    static Map<String, Tensor> byName(List<String> inputNames, Map<String, Tensor> named, Tensor unnamed) {
        Map<String, Tensor> given = new LinkedHashMap<>(named);
        if (unnamed != null) {
            if (inputNames.size() != 1 || !named.isEmpty()) {
                throw new UserException("the model has inputs " + inputNames + ", so write every --input as NAME=FILE");
            }
            given.put(inputNames.get(0), unnamed);
        }
        return given;
    }
}
