package org.falconc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.frontend.TensorFiles;
import org.falconc.ir.Tensor;

/** The {@code --input NAME=FILE} options of run and profile: ONNX TensorProto files by input name. */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * Reads every option into {@code named}; returns the tensor given without a name (at most one),
     * or null.
     */
    static Tensor read(List<String> options, Map<String, Tensor> named) throws IOException {
        Tensor unnamed = null;
        for (String s : options) {
            int eq = s.indexOf('=');
            Path file = Path.of(eq < 0 ? s : s.substring(eq + 1));
            if (!Files.isRegularFile(file)) {
                throw new UserException("input file not found: " + file);
            }
            Tensor t = TensorFiles.read(file).tensor();
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
