package org.falconc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.OperatorSetIdProto;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.frontend.onnx.TensorShapeProto;
import org.falconc.frontend.onnx.TypeProto;
import org.falconc.frontend.onnx.ValueInfoProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad models and bad command lines give one line on stderr and exit code 2, no stack trace. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private static ValueInfoProto f32(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape))).build();
    }

    private static NodeProto node(String name, String op, String domain, String in, String out) {
        return NodeProto.newBuilder().setName(name).setOpType(op).setDomain(domain).addInput(in).addOutput(out).build();
    }

    private static ModelProto model(GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph).build();
    }

    /** Relu -> Relu, a valid model. */
    private ModelProto valid() {
        return model(GraphProto.newBuilder().setName("g")
                .addInput(f32("x", 1, 4)).addOutput(f32("z", 1, 4))
                .addNode(node("r1", "Relu", "", "x", "y"))
                .addNode(node("r2", "Relu", "", "y", "z")));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void assertOneLineError(CliRunner r, String... fragments) {
        assertEquals(2, r.exitCode(), () -> "exit code; stderr: " + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), () -> "expected one line on stderr, got:\n" + err);
        assertFalse(err.contains("Exception"), () -> "stack trace or exception name leaked: " + err);
        assertTrue(err.startsWith("falconc: "), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), () -> "'" + f + "' not in: " + err);
        }
    }

    @Test
    void validModelInspects() throws Exception {
        Path p = write("ok.onnx", valid().toByteArray());
        CliRunner r = CliRunner.run("inspect", p.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Relu"), r.out());
        assertTrue(r.out().contains("f32[1,4]"), r.out());
    }

    @Test
    void truncatedModel() throws Exception {
        byte[] full = valid().toByteArray();
        Path p = write("truncated.onnx", java.util.Arrays.copyOf(full, full.length - 7));
        assertOneLineError(CliRunner.run("inspect", p.toString()));
    }

    @Test
    void randomBytes() throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path p = write("random.onnx", junk);
        assertOneLineError(CliRunner.run("inspect", p.toString()));
    }

    @Test
    void nodeCycle() throws Exception {
        ModelProto m = model(GraphProto.newBuilder().setName("g")
                .addInput(f32("x", 1, 4)).addOutput(f32("z", 1, 4))
                .addNode(NodeProto.newBuilder().setName("a").setOpType("Add").addInput("x").addInput("z")
                        .addOutput("y"))
                .addNode(node("b", "Relu", "", "y", "z")));
        Path p = write("cycle.onnx", m.toByteArray());
        assertOneLineError(CliRunner.run("inspect", p.toString()), "cycle");
    }

    @Test
    void unknownDomain() throws Exception {
        ModelProto m = model(GraphProto.newBuilder().setName("g")
                .addInput(f32("x", 1, 4)).addOutput(f32("z", 1, 4))
                .addNode(node("weird", "Frobnicate", "com.example", "x", "y"))
                .addNode(node("odd", "Twiddle", "", "y", "z")))
                .toBuilder().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("com.example").setVersion(1))
                .build();
        Path p = write("domain.onnx", m.toByteArray());
        // Both offenders are named at once.
        assertOneLineError(CliRunner.run("inspect", p.toString()), "Frobnicate", "com.example", "weird",
                "Twiddle", "odd");
    }

    @Test
    void missingModelFile() {
        assertOneLineError(CliRunner.run("inspect", dir.resolve("nope.onnx").toString()), "nope.onnx");
    }

    @Test
    void verboseShowsStackTrace() throws Exception {
        byte[] junk = new byte[64];
        new Random(1).nextBytes(junk);
        Path p = write("random.onnx", junk);
        CliRunner r = CliRunner.run("inspect", "--verbose", p.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void unknownPassInStopAfter() throws Exception {
        Path p = write("ok.onnx", valid().toByteArray());
        assertOneLineError(CliRunner.run("dump-ir", p.toString(), "--stop-after=no-such-pass"), "no-such-pass",
                "fold-constants");
    }

    @Test
    void wrongInputShapeForRun() throws Exception {
        Path p = write("ok.onnx", valid().toByteArray());
        Path pb = dir.resolve("x.pb");
        org.falconc.frontend.TensorFiles.write(pb, "x",
                org.falconc.ir.Tensor.ofFloats(org.falconc.ir.Shape.of(1, 3), 1, 2, 3), 1);
        assertOneLineError(CliRunner.run("run", p.toString(), "--input", "x=" + pb, "--output-dir",
                dir.resolve("out").toString()), "f32[1,4]", "f32[1,3]");
    }

    @Test
    void helpAndVersion() {
        CliRunner help = CliRunner.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("inspect") && help.out().contains("dump-ir") && help.out().contains("run"));
        CliRunner version = CliRunner.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("falconc "), version.out());
    }

    @Test
    void runAndDumpOnValidModel() throws Exception {
        Path p = write("ok.onnx", valid().toByteArray());
        Path pb = dir.resolve("x.pb");
        org.falconc.frontend.TensorFiles.write(pb, "x",
                org.falconc.ir.Tensor.ofFloats(org.falconc.ir.Shape.of(1, 4), -1, 2, -3, 4), 1);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("run", p.toString(), "--input", "x=" + pb, "--output-dir", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        var z = org.falconc.frontend.TensorFiles.read(out.resolve("output_0.pb"));
        assertEquals("z", z.name());
        assertTrue(java.util.Arrays.equals(new float[] {0, 2, 0, 4}, z.tensor().floats()));

        Path dumps = dir.resolve("dumps");
        CliRunner d = CliRunner.run("dump-ir", p.toString(), "--dump-ir=after:all", "--dump-dir", dumps.toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(Files.exists(dumps.resolve("00-input.fir")));
        try (var files = Files.list(dumps)) {
            assertTrue(files.count() > 2);
        }
    }
}
