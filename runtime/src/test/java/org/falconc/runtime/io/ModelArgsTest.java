package org.falconc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArgsTest {
    @Test
    void namedAndPositionalInputsBindToGraphInputs() {
        ModelArgs args = ModelArgs.parse(new String[] {"--input", "b=B.pb", "--input=A.pb", "--output-dir", "out",
            "--threads", "3"});
        assertEquals(Path.of("out"), args.outputDir());
        assertEquals(3, args.threads());
        assertArrayEquals(new Path[] {Path.of("A.pb"), Path.of("B.pb")}, args.filesFor(List.of("a", "b")));
        assertEquals(Path.of("."), ModelArgs.parse(new String[] {"--input", "x.pb"}).outputDir());
    }

    @Test
    void mistakesAreReportedPlainly() {
        // A model without graph inputs runs without --input; one with inputs names the missing one.
        ModelArgs none = ModelArgs.parse(new String[0]);
        assertEquals(0, none.filesFor(List.of()).length);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> none.filesFor(List.of("a")))
                .getMessage().contains("no --input"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ModelArgs.parse(new String[] {"--threads", "1025"})).getMessage().contains("1 to 1024"));
        assertThrows(IllegalArgumentException.class, () -> ModelArgs.parse(new String[] {"--output-dir", ""}));
        assertTrue(ModelArgs.parse(new String[] {"--help"}).help());
        assertThrows(IllegalArgumentException.class, () -> ModelArgs.parse(new String[] {"--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> ModelArgs.parse(new String[] {"--input"}));
        assertThrows(IllegalArgumentException.class, () -> ModelArgs.parse(new String[] {"--input", "x", "--threads", "0"}));
        ModelArgs unknown = ModelArgs.parse(new String[] {"--input", "zz=x.pb"});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> unknown.filesFor(List.of("a")))
                .getMessage().contains("no input 'zz'"));
        ModelArgs tooMany = ModelArgs.parse(new String[] {"--input", "x.pb", "--input", "y.pb"});
        assertThrows(IllegalArgumentException.class, () -> tooMany.filesFor(List.of("a")));
        ModelArgs missing = ModelArgs.parse(new String[] {"--input", "x.pb"});
        assertThrows(IllegalArgumentException.class, () -> missing.filesFor(List.of("a", "b")));
    }

    @Test
    void readsInputsAndWritesOutputs(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("input_0.pb");
        TensorProtoCodec.write(PbTensor.ofFloats("x", new int[] {1, 2}, new float[] {1, 2}), in);
        ModelArgs args = ModelArgs.parse(new String[] {"--input", in.toString(), "--output-dir", dir.resolve("o").toString()});
        PbTensor[] inputs = args.readInputs(List.of("x"));
        assertArrayEquals(new float[] {1, 2}, inputs[0].toFloats());
        Path written = args.writeOutputs(List.of(PbTensor.ofFloats("y", new int[] {2}, new float[] {3, 4}))).get(0);
        assertEquals(dir.resolve("o").resolve("output_0.pb"), written);
        assertArrayEquals(new float[] {3, 4}, TensorProtoCodec.read(written).toFloats());
    }

    @Test
    void outputsAreWrittenAllOrNone(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o");
        java.nio.file.Files.createDirectories(out.resolve("output_1.pb")); // the second output cannot be written
        ModelArgs args = ModelArgs.parse(new String[] {"--output-dir", out.toString()});
        List<PbTensor> two = List.of(PbTensor.ofFloats("y", new int[] {1}, new float[] {1}),
                PbTensor.ofFloats("z", new int[] {1}, new float[] {2}));
        assertTrue(assertThrows(IOException.class, () -> args.writeOutputs(two)).getMessage()
                .contains("not a regular file"));
        try (var files = java.nio.file.Files.list(out)) {
            assertEquals(List.of(out.resolve("output_1.pb")), files.toList(), "nothing else was left behind");
        }
    }

    @Test
    void hostileTensorFilesGiveOneLine(@TempDir Path dir) throws IOException {
        // dims whose product overflows a long: refused by name, no ArithmeticException
        byte[] overflow = TensorProtoCodec.write(PbTensor.ofFloats("x", new int[] {1}, new float[] {1}));
        ProtoOutput o = new ProtoOutput();
        o.packedVarints(1, new long[] {1L << 40, 1L << 40, 1L << 40});
        o.varintField(2, DataType.FLOAT);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TensorProtoCodec.read(o.toByteArray()))
                .getMessage().contains("too many elements"));
        assertEquals(1, TensorProtoCodec.read(overflow).numElements());
        // an endless file is read only up to the limit
        Path big = dir.resolve("big.pb");
        java.nio.file.Files.write(big, new byte[4096]);
        assertTrue(assertThrows(IOException.class, () -> BoundedFiles.readAll(big, 1000)).getMessage()
                .contains("larger than 1000 bytes"));
        Path zero = Path.of("/dev/zero");
        if (java.nio.file.Files.exists(zero)) {
            assertThrows(IOException.class, () -> BoundedFiles.readAll(zero, 1 << 20));
        }
    }

    @Test
    void imageModeTakesOnePhotoAndAPngOrADirectory() {
        ModelArgs a = ModelArgs.parse(new String[] {"--image", "cat.jpg", "--output=edges.png", "--threads", "2"});
        assertEquals(Path.of("cat.jpg"), a.image());
        assertEquals(Path.of("edges.png"), a.output());
        ModelArgs d = ModelArgs.parse(new String[] {"--image=cat.jpg", "-o", "out"});
        assertEquals(Path.of("out"), d.outputDir());
        assertEquals(null, d.output());
        assertEquals(null, ModelArgs.parse(new String[] {"--input", "x.pb"}).image());
        for (String[] bad : new String[][] {
            {"--image", "a.jpg", "--input", "x.pb"},
            {"--output", "y.png"},
            {"--image", "a.jpg", "--output", "y.pb"},
            {"--image", "a.jpg", "--output", "y.png", "--output-dir", "o"},
            {"--image", "a.jpg", "--image", "b.jpg"},
            {"--image", ""},
            {"--image"},
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelArgs.parse(bad),
                    String.join(" ", bad));
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(ModelArgs.USAGE.contains("--image PHOTO") && ModelArgs.USAGE.contains("--output FILE.png"));
    }
}
