package org.falconc.frontend;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.falconc.ir.ops.OpRegistry;

/**
 * Imports an ONNX model into the IR. Ops come out in their newest ONNX form (older opsets are
 * rewritten), initializers and Constant nodes become graph constants, graph inputs get static types,
 * and the nodes are topologically sorted; type inference is left to the passes.
 * Every user error is a {@link FrontendException} with a one-line message.
 */
public final class OnnxImporter {
    private OnnxImporter() {
    }

    /** Imports a model file; external data is looked up next to it. */
    public static ImportedModel importModel(Path model, ImportOptions options) {
        Path base = model.toAbsolutePath().getParent();
        return ModelImport.run(ModelParser.readFile(model), base, options, op -> OpRegistry.find(op) != null);
    }

    public static ImportedModel importModel(Path model) {
        return importModel(model, ImportOptions.defaults());
    }

    /**
     * Imports a serialized model.
     *
     * @param baseDir the folder external data locations are relative to; null if there is none
     */
    public static ImportedModel importModel(byte[] model, Path baseDir, ImportOptions options) {
        return importModel(model, baseDir, options, op -> OpRegistry.find(op) != null);
    }

    /** As above, with the set of supported IR ops given (tests use it to run ahead of the op registry). */
    static ImportedModel importModel(byte[] model, Path baseDir, ImportOptions options, Predicate<String> opSupported) {
        return ModelImport.run(ByteBuffer.wrap(model), baseDir, options, opSupported);
    }
}
