package org.falconc.frontend;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.falconc.frontend.onnx.ModelProto;

/** Reads the bytes of an ONNX file into a ModelProto, telling "not an ONNX model" apart from I/O errors. */
final class ModelParser {
    private ModelParser() {
    }

    /**
     * Maps the file: the protobuf parser then aliases raw_data into the page cache, so weights are
     * copied once (when decoded) instead of being read into a heap copy of the whole file first.
     */
    static ByteBuffer readFile(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new FrontendException("model file '" + file + "' is larger than 2 GB; use external data");
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (NoSuchFileException e) {
            throw new FrontendException("model file '" + file + "' not found");
        } catch (IOException | OutOfMemoryError e) {
            throw new FrontendException("cannot read model file '" + file + "': " + e.getMessage(), e);
        }
    }

    static ModelProto parse(ByteBuffer bytes) {
        ModelProto model;
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            // raw_data fields share the model's bytes instead of copying them (the weights are decoded later).
            in.enableAliasing(true);
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
                    + (!bytes.hasRemaining() ? " (the file is empty)" : ""));
        }
        if (!model.hasGraph()) {
            throw new FrontendException("ONNX model has no graph");
        }
        return model;
    }
}
