package org.falconc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.falconc.frontend.DataTypes;
import org.falconc.frontend.TensorFiles;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.OperatorSetIdProto;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.frontend.onnx.TensorShapeProto;
import org.falconc.frontend.onnx.TypeProto;
import org.falconc.frontend.onnx.ValueInfoProto;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.runtime.model.ModelMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The one-line contract on inputs that used to get past it: exit code 2, one clear line, nothing half-written. */
class CliHardeningTest {
    @TempDir
    Path dir;

    static ValueInfoProto info(String name, int elemType, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    static ModelProto model(GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph.setName("g")).build();
    }

    static NodeProto.Builder node(String name, String op, String... io) {
        NodeProto.Builder b = NodeProto.newBuilder().setName(name).setOpType(op);
        for (int i = 0; i < io.length - 1; i++) {
            b.addInput(io[i]);
        }
        return b.addOutput(io[io.length - 1]);
    }

    /** x f32[1,4] -> Relu -> z f32[1,4]. */
    static ModelProto relu() {
        return model(GraphProto.newBuilder().addInput(info("x", DataTypes.FLOAT, 1, 4))
                .addOutput(info("z", DataTypes.FLOAT, 1, 4)).addNode(node("r", "Relu", "x", "z")));
    }

    private Path write(String name, ModelProto m) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, m.toByteArray());
        return p;
    }

    private Path input(String name, Tensor t, int elemType) {
        Path p = dir.resolve(name);
        TensorFiles.write(p, "x", t, elemType);
        return p;
    }

    /** Exit code 2 and one line, or for a lowering refusal a headline and one line per node. */
    static void assertUserError(CliRunner r, String... fragments) {
        assertEquals(2, r.exitCode(), () -> "exit code; stderr: " + r.err());
        String err = r.err().strip();
        if (err.startsWith("falconc: cannot compile ")) {
            long lines = err.lines().count();
            assertTrue(err.lines().skip(1).allMatch(l -> l.startsWith("  ")), err);
            assertTrue(lines >= 2, err);
        } else {
            assertFalse(err.contains("\n"), () -> "expected one line on stderr, got:\n" + err);
        }
        assertFalse(err.contains("\tat "), () -> "stack trace leaked: " + err);
        assertTrue(err.startsWith("falconc: "), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), () -> "'" + f + "' not in: " + err);
        }
    }

    @Test
    void gemmAttributeOfTheWrongKindIsAUserErrorInEveryEngine() throws Exception {
        TensorProto w = TensorProto.newBuilder().setName("w").setDataType(DataTypes.FLOAT).addDims(4).addDims(2)
                .addAllFloatData(List.of(1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f)).build();
        Path m = write("gemm.onnx", model(GraphProto.newBuilder().addInput(info("x", DataTypes.FLOAT, 1, 4))
                .addInitializer(w).addOutput(info("z", DataTypes.FLOAT, 1, 2))
                .addNode(node("g", "Gemm", "x", "w", "z").addAttribute(AttributeProto.newBuilder().setName("alpha")
                        .setType(AttributeProto.AttributeType.STRING)
                        .setS(com.google.protobuf.ByteString.copyFromUtf8("2"))))));
        Path x = input("x.pb", Tensor.ofFloats(Shape.of(1, 4), 1, 2, 3, 4), DataTypes.FLOAT);
        for (String engine : List.of("interp", "compiled")) {
            assertUserError(CliRunner.run("run", m.toString(), "--engine", engine, "--input", x.toString(),
                    "--output-dir", dir.resolve("out").toString()), "alpha", "'g'", "must be of kind float");
        }
        assertUserError(CliRunner.run("compile", m.toString(), "-o", dir.resolve("g.jar").toString()), "alpha");
    }

    @Test
    void unknownAndMisspelledAttributesAreRefusedByName() throws Exception {
        Path relu = write("relu-attr.onnx", model(GraphProto.newBuilder().addInput(info("x", DataTypes.FLOAT, 1, 4))
                .addOutput(info("z", DataTypes.FLOAT, 1, 4)).addNode(node("r", "Relu", "x", "z")
                        .addAttribute(AttributeProto.newBuilder().setName("padq")
                                .setType(AttributeProto.AttributeType.INT).setI(1)))));
        assertUserError(CliRunner.run("inspect", relu.toString()), "'r'", "unknown attribute 'padq'");
        Path pool = write("pool-attr.onnx", model(GraphProto.newBuilder().addInput(info("x", DataTypes.FLOAT, 1, 1, 4, 4))
                .addOutput(info("z", DataTypes.FLOAT, 1, 1, 2, 2)).addNode(node("p", "MaxPool", "x", "z")
                        .addAttribute(AttributeProto.newBuilder().setName("kernel_shape")
                                .setType(AttributeProto.AttributeType.INTS).addInts(2).addInts(2))
                        .addAttribute(AttributeProto.newBuilder().setName("kernel_chape")
                                .setType(AttributeProto.AttributeType.INTS).addInts(2).addInts(2)))));
        assertUserError(CliRunner.run("inspect", pool.toString()), "'p'", "unknown attribute 'kernel_chape'",
                "kernel_shape");
    }

    @Test
    void aValidModelThatLoweringRefusesIsAUserErrorNotABug() throws Exception {
        // int64 ** float32 is valid ONNX (Pow's exponent has its own type): the interpreter runs it, lowering refuses
        // it, as an unsupported-kind user error (exit 2, a headline and a line naming the node), not exit 70.
        TensorProto c = TensorProto.newBuilder().setName("c").setDataType(DataTypes.FLOAT).addFloatData(2f).build();
        Path m = write("pow.onnx", model(GraphProto.newBuilder().addInput(info("x", DataTypes.INT64, 1, 4))
                .addInitializer(c).addOutput(info("z", DataTypes.INT64, 1, 4)).addNode(node("p", "Pow", "x", "c", "z"))));
        assertUserError(CliRunner.run("compile", m.toString(), "-o", dir.resolve("p.jar").toString()), "'p'");
        assertEquals(0, CliRunner.run("dump-ir", m.toString()).exitCode());
    }

    @Test
    void usageErrorsAreOneLineWithAPointerToHelp() throws Exception {
        Path m = write("ok.onnx", relu());
        assertUserError(CliRunner.run("run", m.toString(), "--output-dir", "o", "--no-such-option"), "--no-such-option",
                "see falconc run --help");
        assertUserError(CliRunner.run("profile", m.toString(), "--threads", "many"), "see falconc profile --help");
        assertUserError(CliRunner.run("--frobnicate"), "see falconc --help");
    }

    @Test
    void threadsAreBounded() throws Exception {
        Path m = write("ok.onnx", relu());
        Path x = input("x.pb", Tensor.ofFloats(Shape.of(1, 4), 1, 2, 3, 4), DataTypes.FLOAT);
        for (String n : List.of("0", "5000")) {
            assertUserError(CliRunner.run("profile", m.toString(), "--input", x.toString(), "--threads", n),
                    "--threads must be 1 to 1024");
        }
    }

    @Test
    void classNamesMustBeTheUsers() throws Exception {
        Path m = write("ok.onnx", relu());
        for (String c : List.of("java.lang.Model", "javax.Foo", "jdk.internal.M", "sun.misc.M",
                "org.falconc.runtime.model.CompiledModel")) {
            assertUserError(CliRunner.run("compile", m.toString(), "-o", dir.resolve("m.jar").toString(), "--class", c),
                    "--class", "not yours");
        }
        for (String c : List.of("1abc", "a..b", "com.acme.class", "a-b", "")) {
            assertUserError(CliRunner.run("compile", m.toString(), "-o", dir.resolve("m.jar").toString(), "--class", c),
                    "--class");
        }
        assertFalse(Files.exists(dir.resolve("m.jar")));
    }

    @Test
    void outputsThatAreNotRegularFilesOrTheModelAreRefused() throws Exception {
        Path m = write("ok.onnx", relu());
        byte[] before = Files.readAllBytes(m);
        assertUserError(CliRunner.run("compile", m.toString(), "-o", m.toString()), "model file itself");
        assertUserError(CliRunner.run("compile", m.toString(), "-o", dir.resolve(".").resolve("ok.onnx").toString()),
                "model file itself");
        assertEquals(List.of(before.length), List.of(Files.readAllBytes(m).length));
        Path sub = Files.createDirectories(dir.resolve("adir"));
        assertUserError(CliRunner.run("compile", m.toString(), "-o", sub.toString()), "not a regular file");
        assertTrue(Files.isDirectory(sub));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devNullIsNeverRenamedOver() throws Exception {
        Path m = write("ok.onnx", relu());
        Path devNull = Path.of("/dev/null");
        assertUserError(CliRunner.run("compile", m.toString(), "-o", devNull.toString()), "not a regular file");
        assertFalse(Files.isRegularFile(devNull));
        Path fifo = dir.resolve("fifo.jar");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertUserError(CliRunner.run("compile", m.toString(), "-o", fifo.toString()), "not a regular file");
            assertFalse(Files.isRegularFile(fifo));
        }
    }

    @Test
    void strictInputShapesAndOutputDirs() throws Exception {
        Path m = write("ok.onnx", relu());
        Path x = input("x.pb", Tensor.ofFloats(Shape.of(1, 4), 1, 2, 3, 4), DataTypes.FLOAT);
        for (String s : List.of("x=1x4x", "x=1xx4", "x= 1x4", "x=1x+4")) {
            assertUserError(CliRunner.run("run", m.toString(), "--input", x.toString(), "--input-shape", s,
                    "--output-dir", dir.resolve("o").toString()), "--input-shape");
        }
        assertUserError(CliRunner.run("run", m.toString(), "--input", x.toString(), "--output-dir", ""),
                "--output-dir must not be empty");
    }

    @Test
    void inputElementTypesMustMatchTheGraphs() throws Exception {
        Path m = write("ok.onnx", relu());
        Path f64 = input("x64.pb", Tensor.ofFloats(Shape.of(1, 4), 1, 2, 3, 4), DataTypes.DOUBLE);
        Path f16 = input("x16.pb", Tensor.ofFloats(Shape.of(1, 4), 1, 2, 3, 4), DataTypes.FLOAT16);
        for (String engine : List.of("interp", "compiled")) {
            assertUserError(CliRunner.run("run", m.toString(), "--engine", engine, "--input", f64.toString(),
                    "--output-dir", dir.resolve("o").toString()), "FLOAT (1)", "DOUBLE (11)");
            assertUserError(CliRunner.run("run", m.toString(), "--engine", engine, "--input", "x=" + f16,
                    "--output-dir", dir.resolve("o").toString()), "FLOAT (1)", "FLOAT16 (10)");
        }
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void outputsAreWrittenAllOrNone() throws Exception {
        // two outputs; output_1.pb is a directory, so the second cannot be written: neither is left behind
        Path m = write("two.onnx", model(GraphProto.newBuilder().addInput(info("x", DataTypes.FLOAT, 1, 4))
                .addOutput(info("y", DataTypes.FLOAT, 1, 4)).addOutput(info("z", DataTypes.FLOAT, 1, 4))
                .addNode(node("r", "Relu", "x", "y")).addNode(node("n", "Neg", "x", "z"))));
        Path x = input("x.pb", Tensor.ofFloats(Shape.of(1, 4), 1, 2, 3, 4), DataTypes.FLOAT);
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("output_1.pb"));
        for (String engine : List.of("interp", "compiled")) {
            assertUserError(CliRunner.run("run", m.toString(), "--engine", engine, "--input", x.toString(),
                    "--output-dir", out.toString()), "output_1.pb", "not a regular file");
            try (var files = Files.list(out)) {
                assertEquals(List.of(out.resolve("output_1.pb")), files.toList());
            }
        }
    }

    @Test
    void float16OutputsAreWrittenAsFloat16ByBothEngines() throws Exception {
        Path m = write("half.onnx", model(GraphProto.newBuilder().addInput(info("x", DataTypes.FLOAT, 1, 4))
                .addOutput(info("z", DataTypes.FLOAT16, 1, 4))
                .addNode(node("c", "Cast", "x", "z").addAttribute(AttributeProto.newBuilder().setName("to")
                        .setType(AttributeProto.AttributeType.INT).setI(DataTypes.FLOAT16)))));
        Path x = input("x.pb", Tensor.ofFloats(Shape.of(1, 4), 1, -2, 3.5f, 4), DataTypes.FLOAT);
        for (String engine : List.of("interp", "compiled")) {
            Path out = dir.resolve("out-" + engine);
            CliRunner r = CliRunner.run("run", m.toString(), "--engine", engine, "--input", x.toString(),
                    "--output-dir", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(DataTypes.FLOAT16, TensorFiles.elemType(out.resolve("output_0.pb")), engine);
        }
    }

    @Test
    void aModelWithoutInputsRunsWithoutInput() throws Exception {
        TensorProto c = TensorProto.newBuilder().setName("c").setDataType(DataTypes.FLOAT).addDims(2)
                .addAllFloatData(List.of(-1f, 2f)).build();
        Path m = write("noin.onnx", model(GraphProto.newBuilder().addInitializer(c)
                .addOutput(info("z", DataTypes.FLOAT, 2)).addNode(node("r", "Relu", "c", "z"))));
        CliRunner r = CliRunner.run("run", m.toString(), "--output-dir", dir.resolve("o").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(0f, 2f), List.of(TensorFiles.read(dir.resolve("o/output_0.pb")).tensor().floats()[0],
                TensorFiles.read(dir.resolve("o/output_0.pb")).tensor().floats()[1]));
    }

    @Test
    void aCorruptModelJarIsOneLine() throws Exception {
        Path jar = dir.resolve("Bad.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(new Attributes.Name(ModelMain.MODEL_CLASS_ATTRIBUTE), "com.acme.Bad");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            j.putNextEntry(new JarEntry("com/acme/Bad.class"));
            j.write(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61, 1, 2, 3});
        }
        assertUserError(CliRunner.run("run", jar.toString(), "--output-dir", dir.resolve("o").toString()),
                "com.acme.Bad");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anEndlessInputFileIsRefusedNotReadToTheEnd() throws Exception {
        Path m = write("ok.onnx", relu());
        assertUserError(CliRunner.run("run", m.toString(), "--input", "x=/dev/zero", "--output-dir",
                dir.resolve("o").toString()));
    }
}
