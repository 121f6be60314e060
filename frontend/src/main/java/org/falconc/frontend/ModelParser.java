package org.falconc.frontend;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.falconc.frontend.onnx.ModelProto;

/** Reads the bytes of an ONNX file into a ModelProto, telling "not an ONNX model" apart from I/O errors. */
final class ModelParser {
    private ModelParser() {
    }

    static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FrontendException("model file '" + file + "' not found");
        } catch (IOException | OutOfMemoryError e) {
            throw new FrontendException("cannot read model file '" + file + "': " + e.getMessage(), e);
        }
    }

    static ModelProto parse(byte[] bytes) {
        ModelProto model;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setSizeLimit(Integer.MAX_VALUE); // weights make models far larger than protobuf's default limit
            model = ModelProto.parseFrom(in);
            in.checkLastTagWas(0);
        } catch (InvalidProtocolBufferException e) {
            throw new FrontendException("not an ONNX model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FrontendException("not an ONNX model: " + e.getMessage(), e);
        }
        // Protobuf accepts many byte strings (e.g. empty ones or text) as messages with only unknown fields.
        if (!model.hasIrVersion() && !model.hasGraph()) {
            throw new FrontendException("not an ONNX model: it has neither ir_version nor graph"
                    + (bytes.length == 0 ? " (the file is empty)" : ""));
        }
        if (!model.hasGraph()) {
            throw new FrontendException("ONNX model has no graph");
        }
        return model;
    }
}
