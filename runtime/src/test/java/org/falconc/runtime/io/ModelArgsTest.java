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
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelArgs.parse(new String[0]))
                .getMessage().contains("no --input"));
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
        Path written = args.writeOutput(0, PbTensor.ofFloats("y", new int[] {2}, new float[] {3, 4}));
        assertEquals(dir.resolve("o").resolve("output_0.pb"), written);
        assertArrayEquals(new float[] {3, 4}, TensorProtoCodec.read(written).toFloats());
    }
}
