package org.falconc.cli;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.TensorShapeProto;
import org.falconc.frontend.onnx.ValueInfoProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed models and hostile command lines, generated from a fixed seed: byte flips, truncations and
 * structural edits (dims, element types, attribute kinds and values, names, references) of the small shared
 * models and a sample of conformance cases, run in-process through import and verify ({@code inspect}), and
 * every tenth through compile and run. Each either succeeds or is a user error (exit 0, 1 or 2, never 70, no
 * stack trace) within a time cap. {@code -Dfalconc.corpus=N} runs N cases (default 1000).
 */
class MalformedInputCorpusTest {
    private static final long SEED = 20240611L;
    private static final int CASES = Integer.getInteger("falconc.corpus", 1000);
    private static final long CASE_SECONDS = 20;

    @TempDir
    Path dir;

    @Test
    void everyMutationIsAcceptedOrAUserError() throws Exception {
        List<ModelProto> seeds = seeds();
        Random rnd = new Random(SEED);
        ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "corpus");
            t.setDaemon(true);
            return t;
        });
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 0; i < CASES && failures.size() < 10; i++) {
                ModelProto seed = seeds.get(rnd.nextInt(seeds.size()));
                Path model = dir.resolve("case" + (i % 8) + ".onnx");
                String how = mutate(seed, rnd, model);
                List<String[]> commands = new ArrayList<>();
                commands.add(new String[] {"inspect", model.toString()});
                if (i % 10 == 0) {
                    commands.add(new String[] {"compile", model.toString(), "-o", dir.resolve("c.jar").toString()});
                }
                if (i % 25 == 0) {
                    commands.add(hostileArguments(rnd, model));
                }
                for (String[] args : commands) {
                    Future<CliRunner> f = exec.submit(() -> CliRunner.run(args));
                    CliRunner r;
                    try {
                        r = f.get(CASE_SECONDS, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        failures.add("case " + i + " (" + how + ") " + Arrays.toString(args) + ": over " + CASE_SECONDS + " s");
                        f.cancel(true);
                        exec.shutdownNow();
                        exec = Executors.newSingleThreadExecutor();
                        continue;
                    }
                    if (r.exitCode() > 2 || r.err().contains("\tat ") || r.err().contains("internal error")) {
                        failures.add("case " + i + " (" + how + ") " + Arrays.toString(args) + ": exit " + r.exitCode()
                                + "\n" + r.err());
                    }
                }
            }
        } finally {
            exec.shutdownNow();
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " inputs broke the contract:\n" + String.join("\n", failures));
        }
    }

    /** The small shared models and every seventh conformance case (the large ones cost time, not coverage). */
    private static List<ModelProto> seeds() throws Exception {
        List<ModelProto> seeds = new ArrayList<>();
        seeds.add(CliHardeningTest.relu());
        Path shared = SharedData.root();
        if (!Files.isDirectory(shared)) {
            return seeds; // a fresh clone without ../shared: the hand-made seed only
        }
        for (String m : List.of("models/mnist-8.onnx", "models/super-resolution-10.onnx")) {
            seeds.add(ModelProto.parseFrom(Files.readAllBytes(SharedData.require(m))));
        }
        try (Stream<Path> cases = Files.list(SharedData.require("onnx-conformance/node"))) {
            List<Path> sorted = cases.sorted().toList();
            for (int i = 0; i < sorted.size(); i += 7) {
                Path p = sorted.get(i).resolve("model.onnx");
                if (Files.isRegularFile(p) && Files.size(p) < 1 << 20) {
                    seeds.add(ModelProto.parseFrom(Files.readAllBytes(p)));
                }
            }
        }
        assertTrue(seeds.size() > 30, "only " + seeds.size() + " seeds found under " + shared);
        return seeds;
    }

    /** Writes a mutation of {@code seed} to {@code out}; returns what was done, for the failure message. */
    private static String mutate(ModelProto seed, Random rnd, Path out) throws Exception {
        int kind = rnd.nextInt(8);
        byte[] bytes;
        String how;
        if (kind <= 1) {
            bytes = seed.toByteArray();
            int flips = 1 + rnd.nextInt(8);
            for (int k = 0; k < flips && bytes.length > 0; k++) {
                bytes[rnd.nextInt(bytes.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
            how = "flip " + flips + " bits";
        } else if (kind == 2) {
            byte[] full = seed.toByteArray();
            bytes = Arrays.copyOf(full, rnd.nextInt(Math.max(1, full.length)));
            how = "truncate to " + bytes.length;
        } else {
            GraphProto.Builder g = seed.getGraph().toBuilder();
            how = structural(g, rnd, kind);
            bytes = seed.toBuilder().setGraph(g).build().toByteArray();
        }
        Files.write(out, bytes);
        return how;
    }

    private static String structural(GraphProto.Builder g, Random rnd, int kind) {
        switch (kind) {
            case 3 -> { // a dimension of an input or output
                List<ValueInfoProto.Builder> infos = new ArrayList<>(g.getInputBuilderList());
                infos.addAll(g.getOutputBuilderList());
                if (!infos.isEmpty()) {
                    ValueInfoProto.Builder v = infos.get(rnd.nextInt(infos.size()));
                    TensorShapeProto.Builder s = v.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
                    long d = new long[] {0, -1, -7, 1L << 31, 1L << 40, Long.MAX_VALUE, 3}[rnd.nextInt(7)];
                    if (s.getDimCount() > 0) {
                        s.getDimBuilder(rnd.nextInt(s.getDimCount())).setDimValue(d);
                    } else {
                        s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
                    }
                    return "dim " + d + " of " + v.getName();
                }
                return "none";
            }
            case 4 -> { // an element type, of a value or of an initializer
                int t = new int[] {0, 2, 7, 9, 10, 11, 13, 16, 99, 1}[rnd.nextInt(10)];
                if (g.getInitializerCount() > 0 && rnd.nextBoolean()) {
                    g.getInitializerBuilder(rnd.nextInt(g.getInitializerCount())).setDataType(t);
                    return "initializer type " + t;
                }
                if (g.getInputCount() > 0) {
                    g.getInputBuilder(rnd.nextInt(g.getInputCount())).getTypeBuilder().getTensorTypeBuilder().setElemType(t);
                }
                return "input type " + t;
            }
            case 5 -> { // an attribute's kind or value, or an unknown attribute
                if (g.getNodeCount() == 0) {
                    return "none";
                }
                NodeProto.Builder n = g.getNodeBuilder(rnd.nextInt(g.getNodeCount()));
                if (n.getAttributeCount() > 0 && rnd.nextInt(3) > 0) {
                    AttributeProto.Builder a = n.getAttributeBuilder(rnd.nextInt(n.getAttributeCount()));
                    switch (rnd.nextInt(4)) {
                        case 0 -> a.setType(AttributeProto.AttributeType.forNumber(rnd.nextInt(15)) == null
                                ? AttributeProto.AttributeType.UNDEFINED : AttributeProto.AttributeType.forNumber(rnd.nextInt(15)));
                        case 1 -> a.setI(new long[] {-1, 0, 1L << 33, Long.MIN_VALUE, 1000}[rnd.nextInt(5)]);
                        case 2 -> a.clearInts().addInts(rnd.nextInt(9) - 4);
                        default -> a.setF(new float[] {Float.NaN, -0f, 1e30f, -1}[rnd.nextInt(4)]);
                    }
                    return "attribute " + a.getName() + " of " + n.getOpType();
                }
                n.addAttribute(AttributeProto.newBuilder().setName("padq").setType(AttributeProto.AttributeType.INT).setI(1));
                return "unknown attribute on " + n.getOpType();
            }
            case 6 -> { // a name or a reference
                if (g.getNodeCount() == 0) {
                    return "none";
                }
                NodeProto.Builder n = g.getNodeBuilder(rnd.nextInt(g.getNodeCount()));
                switch (rnd.nextInt(4)) {
                    case 0 -> {
                        if (n.getInputCount() > 0) {
                            n.setInput(rnd.nextInt(n.getInputCount()), "no_such_value");
                        }
                    }
                    case 1 -> n.setOutput(0, g.getNodeCount() > 1 ? g.getNode(0).getOutput(0) : "");
                    case 2 -> n.setOpType(n.getOpType() + "x");
                    default -> n.addInput(n.getOutputCount() > 0 ? n.getOutput(0) : "");
                }
                return "reference of " + n.getOpType();
            }
            default -> { // drop or duplicate a node
                if (g.getNodeCount() == 0) {
                    return "none";
                }
                int k = rnd.nextInt(g.getNodeCount());
                if (rnd.nextBoolean()) {
                    g.removeNode(k);
                    return "drop node " + k;
                }
                g.addNode(g.getNode(k));
                return "duplicate node " + k;
            }
        }
    }

    /** A command line with a hostile option: bad numbers, reserved class names, odd paths. */
    private String[] hostileArguments(Random rnd, Path model) {
        String m = model.toString();
        String out = dir.resolve("o").toString();
        List<String[]> options = List.of(
                new String[] {"compile", m, "-o", m},
                new String[] {"compile", m, "-o", "/dev/null"},
                new String[] {"compile", m, "-o", dir.toString()},
                new String[] {"compile", m, "-o", dir.resolve("x.jar").toString(), "--class", "java.lang.String"},
                new String[] {"compile", m, "-o", dir.resolve("x.jar").toString(), "--class", "a..b"},
                new String[] {"compile", m, "-o", dir.resolve("x.jar").toString(), "--emit", "exe"},
                new String[] {"run", m, "--input", "/dev/zero", "--output-dir", out},
                new String[] {"run", m, "--input", "x=" + m, "--output-dir", out},
                new String[] {"run", m, "--input-shape", "x=1x3x8x8x", "--output-dir", out},
                new String[] {"run", m, "--output-dir", ""},
                new String[] {"profile", m, "--threads", "-3"},
                new String[] {"profile", m, "--threads", "99999999999"},
                new String[] {"dump-ir", m, "--stop-after", "nope"},
                new String[] {"inspect"});
        return options.get(rnd.nextInt(options.size()));
    }
}
