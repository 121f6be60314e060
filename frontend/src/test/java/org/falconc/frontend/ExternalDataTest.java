package org.falconc.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.falconc.frontend.onnx.StringStringEntryProto;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.ir.Graph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tensor data in files next to the model, and locations that try to leave the model's folder. */
class ExternalDataTest {
    @TempDir
    Path tmp;
    Path modelDir;

    @BeforeEach
    void layOut() throws IOException {
        modelDir = Files.createDirectories(tmp.resolve("model"));
        Files.createDirectories(modelDir.resolve("data"));
        ByteBuffer b = ByteBuffer.allocate(16 + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.position(16);
        b.putFloat(1.5f).putFloat(-2f).putFloat(8f);
        Files.write(modelDir.resolve("data/weights.bin"), b.array());
        Files.write(tmp.resolve("secret.bin"), b.array());
    }

    private static TensorProto external(String location, String offset, String length) {
        TensorProto.Builder t = TestModel.tensor("w", DataTypes.FLOAT, 3)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location));
        if (offset != null) {
            t.addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue(offset));
        }
        if (length != null) {
            t.addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue(length));
        }
        return t.build();
    }

    private static TestModel modelWith(TensorProto w) {
        // The initializer is the graph output, so no op is needed and the public API can be used.
        return TestModel.opset(13).output("w", DataTypes.FLOAT).initializer(w);
    }

    private ImportedModel importFromFile(TensorProto w) throws IOException {
        Path file = modelDir.resolve("model.onnx");
        Files.write(file, modelWith(w).bytes());
        return OnnxImporter.importModel(file, ImportOptions.defaults());
    }

    @Test
    void readsDataAtOffsetAndLength() throws IOException {
        Graph g = importFromFile(external("data/weights.bin", "16", "12")).graph();
        assertArrayEquals(new float[] {1.5f, -2f, 8f}, g.value("w").constant().floats());
        assertEquals(g.value("w"), g.outputs().get(0));
    }

    @Test
    void lengthDefaultsToTheRestOfTheFileAndNormalisedPathsInsideAreFine() throws IOException {
        Graph g = importFromFile(external("data/../data/./weights.bin", "16", null)).graph();
        assertArrayEquals(new float[] {1.5f, -2f, 8f}, g.value("w").constant().floats());
    }

    private void refused(TensorProto w, String expectedPart) {
        FrontendException e = assertThrows(FrontendException.class, () -> importFromFile(w));
        assertTrue(e.getMessage().startsWith("initializer 'w': ") && e.getMessage().contains(expectedPart),
                e.getMessage());
    }

    @Test
    void parentDirectoryEscapeIsRefused() {
        refused(external("../secret.bin", "16", "12"), "escapes the model's folder");
        refused(external("data/../../secret.bin", "16", "12"), "escapes the model's folder");
    }

    @Test
    void absoluteLocationIsRefused() {
        refused(external(tmp.resolve("secret.bin").toString(), "16", "12"), "is absolute");
    }

    @Test
    void symbolicLinkOutOfTheFolderIsRefused() throws IOException {
        Files.createSymbolicLink(modelDir.resolve("link.bin"), tmp.resolve("secret.bin"));
        refused(external("link.bin", "16", "12"), "through a symbolic link");
        Files.createSymbolicLink(modelDir.resolve("outside"), tmp);
        refused(external("outside/secret.bin", "16", "12"), "through a symbolic link");
    }

    @Test
    void symbolicLinkInsideTheFolderIsFollowed() throws IOException {
        Files.createSymbolicLink(modelDir.resolve("alias.bin"), modelDir.resolve("data/weights.bin"));
        assertArrayEquals(new float[] {1.5f, -2f, 8f},
                importFromFile(external("alias.bin", "16", "12")).graph().value("w").constant().floats());
    }

    @Test
    void missingFileBadNumbersAndShortFilesAreReported() {
        refused(external("data/none.bin", null, null), "not found");
        refused(external("data/weights.bin", "-4", null), "'offset' is not a non-negative integer");
        refused(external("data/weights.bin", "20", "12"), "past the end");
        refused(external("data/weights.bin", "0", "8"), "has 8 bytes of data");
        refused(external("", null, null), "no 'location'");
    }

    @Test
    void modelWithoutFolderCannotUseExternalData() {
        FrontendException e = assertThrows(FrontendException.class,
                () -> modelWith(external("data/weights.bin", "16", "12")).importAllOps());
        assertTrue(e.getMessage().contains("without a folder"), e.getMessage());
    }
}
