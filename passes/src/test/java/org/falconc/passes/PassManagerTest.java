package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;
import org.falconc.ir.text.IrParser;
import org.falconc.ir.text.IrPrinter;
import org.falconc.ir.text.PrintOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassManagerTest {
    /** An exported-style graph: an Identity, a flatten computed through a Shape chain, a transposed weight. */
    private static final String MODEL = """
            graph main(%x: f32[1,3,4,4]) -> (%y) {
              %w = const f32[2,3,1,1] [0.5, -1.0, 2.0, 1.0, 0.25, -0.5]
              %fc = const f32[3,32] #00112233445566aa
              %zero = const i64[] [0]
              %axes = const i64[1] [0]
              %minus1 = const i64[1] [-1]
              %i = Identity (%x)
              %c = Conv "conv" (%i, %w)
              %s = Shape (%c)
              %n = Gather (%s, %zero) {axis = 0}
              %u = Unsqueeze (%n, %axes)
              %target = Concat (%u, %minus1) {axis = 0}
              %f = Reshape "flatten" (%c, %target)
              %fct = Transpose (%fc) {perm = [1, 0]}
              %y = MatMul "fc" (%f, %fct)
            }
            """;

    /** MODEL after the standard pipeline: the elided weight cannot be folded, so its Transpose stays. */
    private static final String OPTIMIZED = """
            graph main(%x: f32[1,3,4,4]) -> (%y) {
              %w = const f32[2,3,1,1] [0.5, -1.0, 2.0, 1.0, 0.25, -0.5]
              %fc = const f32[3,32] #00112233445566aa
              %target = const i64[2] [1, -1]
              %c = Conv "conv" (%x, %w) : f32[1,2,4,4]
              %f = Reshape "flatten" (%c, %target) : f32[1,32]
              %fct = Transpose (%fc) {perm = [1, 0]} : f32[32,3]
              %y = MatMul "fc" (%f, %fct) : f32[1,3]
            }
            """;

    private static final List<String> STANDARD =
            List.of("remove-noops", "fold-constants", "infer-shapes", "eliminate-dead-code");

    private static final String VALID_NAMES =
            "the pipeline's passes are: remove-noops, fold-constants, infer-shapes, eliminate-dead-code";

    @Test
    void standardPipelineOrder() {
        assertEquals(STANDARD, Pipeline.standard().passNames());
        assertEquals(2, Pipeline.standard().position("fold-constants"));
        assertEquals(-1, Pipeline.standard().position("fold"));
    }

    @Test
    void optimizingPipelineOrder() {
        assertEquals(List.of("remove-noops", "fold-constants", "infer-shapes", "fold-batchnorm", "cleanup-transposes",
                "fuse-activations", "apply-thresholds", "assign-layout", "decompose-convolutions", "schedule-sparsity",
                "eliminate-dead-code"), Pipeline.optimizing().passNames());
        assertEquals(List.of("remove-noops", "fold-constants", "infer-shapes", "fold-batchnorm", "cleanup-transposes",
                "fuse-activations", "assign-layout", "eliminate-dead-code"),
                Pipeline.optimizing(PassOptions.defaults().withSparsity(SparsityMode.OFF)).passNames());
        assertEquals(STANDARD, Pipeline.standard().passNames(), "the interpreter's pipeline is unchanged");
    }

    @Test
    void pipelineRejectsDuplicateNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.of(new InferShapes(), new InferShapes()));
        assertEquals("pass 'infer-shapes' appears twice in the pipeline", e.getMessage());
    }

    @Test
    void standardPipelineMakesTheModelStatic() {
        Graph g = IrText.parse(MODEL);
        PipelineResult result = PassManager.run(g, PassOptions.defaults());
        IrText.assertGraph(OPTIMIZED, g);
        assertEquals(STANDARD, result.passes().stream().map(PassResult::pass).toList());
        // fold-constants already typed every node, so infer-shapes finds nothing to set.
        assertEquals(List.of(true, true, false, true), result.passes().stream().map(PassResult::changed).toList());
        assertTrue(result.changed());
        assertEquals(List.of(), result.dumpFiles());
    }

    @Test
    void dumpsAfterAllAreNumberedByPipelinePosition(@TempDir Path dir) throws IOException {
        Graph g = IrText.parse(MODEL);
        PipelineResult result = PassManager.run(g, PassOptions.defaults().withDump(DumpSpec.parse("after:all"), dir));
        List<String> expected = List.of("00-input.fir", "01-remove-noops.fir", "02-fold-constants.fir",
                "03-infer-shapes.fir", "04-eliminate-dead-code.fir");
        assertEquals(expected, fileNames(dir));
        assertEquals(expected.stream().map(dir::resolve).toList(), result.dumpFiles());

        assertEquals(IrPrinter.print(IrText.parse(MODEL)), read(dir, "00-input.fir"));
        assertEquals(IrPrinter.print(g), read(dir, "04-eliminate-dead-code.fir"));
        // Each dump is the graph as the pipeline leaves it when stopped after that pass.
        for (String pass : STANDARD) {
            Graph prefix = IrText.parse(MODEL);
            PassManager.run(prefix, PassOptions.defaults().withStopAfter(pass));
            String file = PassManager.dumpFileName(Pipeline.standard().position(pass), pass);
            assertEquals(IrPrinter.print(prefix), read(dir, file), file);
        }
    }

    @Test
    void dumpsAfterNamedPassesOnly(@TempDir Path dir) throws IOException {
        PassManager.run(IrText.parse(MODEL),
                PassOptions.defaults().withDump(DumpSpec.parse("after:eliminate-dead-code,fold-constants"), dir));
        assertEquals(List.of("00-input.fir", "02-fold-constants.fir", "04-eliminate-dead-code.fir"), fileNames(dir));
    }

    @Test
    void dumpsUseThePrintOptions(@TempDir Path dir) throws IOException {
        PassManager.run(IrText.parse(MODEL), PassOptions.defaults()
                .withDump(DumpSpec.parse("after:fold-constants"), dir)
                .withPrintOptions(PrintOptions.defaults().withElideThreshold(1)));
        String dump = read(dir, "02-fold-constants.fir");
        assertTrue(dump.contains("%target = const i64[2] #"), dump);
        assertFalse(dump.contains("[1, -1]"), dump);
    }

    @Test
    void dumpDirectoryIsCreated(@TempDir Path dir) throws IOException {
        Path nested = dir.resolve("a/b");
        PassManager.run(IrText.parse(MODEL), PassOptions.defaults().withDump(DumpSpec.parse("after:infer-shapes"), nested));
        assertEquals(List.of("00-input.fir", "03-infer-shapes.fir"), fileNames(nested));
    }

    @Test
    void stopAfterEndsThePipeline(@TempDir Path dir) throws IOException {
        Graph g = IrText.parse(MODEL);
        PipelineResult result = PassManager.run(g, PassOptions.defaults()
                .withStopAfter("fold-constants")
                .withDump(DumpSpec.afterAll(), dir));
        assertEquals(List.of("remove-noops", "fold-constants"), result.passes().stream().map(PassResult::pass).toList());
        assertEquals(List.of("00-input.fir", "01-remove-noops.fir", "02-fold-constants.fir"), fileNames(dir));
        // eliminate-dead-code did not run: the folded shape chain's constants are still there.
        assertNotNull(g.value("zero"));
        assertNotNull(g.value("s"));
        assertTrue(g.value("s").isConstant());
    }

    @Test
    void unknownStopAfterIsRejectedBeforeAnyWork(@TempDir Path dir) throws IOException {
        Graph g = IrText.parse(MODEL);
        String before = IrText.print(g);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PassManager.run(g,
                PassOptions.defaults().withStopAfter("fold").withDump(DumpSpec.afterAll(), dir)));
        assertEquals("unknown pass 'fold' in --stop-after; " + VALID_NAMES, e.getMessage());
        assertEquals(before, IrText.print(g));
        assertEquals(List.of(), fileNames(dir));
    }

    @Test
    void unknownDumpPassIsRejected(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PassManager.run(
                IrText.parse(MODEL),
                PassOptions.defaults().withDump(DumpSpec.parse("after:infer-shapes,dce"), dir)));
        assertEquals("unknown pass 'dce' in --dump-ir; " + VALID_NAMES, e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pipeline.standard().checkOptions(
                PassOptions.defaults().withStopAfter("constant-folding")));
    }

    @Test
    void dumpingNeedsADirectory() {
        assertThrows(IllegalArgumentException.class, () -> PassOptions.defaults().withDump(DumpSpec.afterAll(), null));
        PassOptions.defaults().withDump(DumpSpec.NONE, null);
    }

    /** Declares a wrong type on the first node output it finds: the verifier must blame it by name. */
    private static final class CorruptTypes implements Pass {
        @Override
        public String name() {
            return "corrupt-types";
        }

        @Override
        public boolean run(Graph g, PassContext ctx) {
            Node n = g.nodes().get(0);
            n.output(0).setType(TensorType.of(DType.F32, 9));
            return true;
        }
    }

    @Test
    void verificationFailureNamesThePass(@TempDir Path dir) throws IOException {
        String text = """
                graph main(%x: f32[2]) -> (%y) {
                  %y = Relu "act" (%x)
                }
                """;
        Pipeline pipeline = Pipeline.of(new InferShapes(), new CorruptTypes(), new EliminateDeadCode());
        IrException e = assertThrows(IrException.class, () -> PassManager.run(pipeline, IrText.parse(text),
                PassOptions.defaults().withDump(DumpSpec.afterAll(), dir)));
        assertEquals("after pass corrupt-types: Relu 'act': output %y is declared f32[9] but the op computes f32[2]",
                e.getMessage());
        // The broken graph was dumped before verification, for inspection; later passes did not run.
        assertEquals(List.of("00-input.fir", "01-infer-shapes.fir", "02-corrupt-types.fir"), fileNames(dir));
        assertTrue(read(dir, "02-corrupt-types.fir").contains("%y = Relu \"act\" (%x) : f32[9]"));

        PipelineResult unchecked = PassManager.run(pipeline, IrText.parse(text), PassOptions.defaults().withVerify(false));
        assertEquals(3, unchecked.passes().size());
    }

    @Test
    void invalidInputGraphIsReportedAsSuch() {
        Graph g = IrParser.parse("""
                graph main(%x: f32[2]) -> (%y) {
                  %y = Relu "act" (%x) : f32[3]
                }
                """);
        IrException e = assertThrows(IrException.class, () -> PassManager.run(g, PassOptions.defaults()));
        assertEquals("input graph: Relu 'act': output %y is declared f32[3] but the op computes f32[2]", e.getMessage());
    }

    @Test
    void passesReportThroughTheLog() {
        List<String> log = new ArrayList<>();
        PassManager.run(IrText.parse(MODEL), PassOptions.defaults().withLog(log::add));
        assertTrue(log.contains("remove-noops: removed 1 nodes"), log.toString());
        assertTrue(log.contains("fold-constants: folded 4 nodes"), log.toString());
        assertTrue(log.contains("eliminate-dead-code: removed 0 nodes and 6 constants"), log.toString());
    }

    private static List<String> fileNames(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
