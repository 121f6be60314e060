package org.falconc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.falconc.runtime.io.DataType;
import org.falconc.runtime.io.ImagePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one definition of what a compiled model records beside its class, written and read back. */
class ModelInfoTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackEveryField() {
        ModelInfo info = new ModelInfo(List.of(DataType.FLOAT16, DataType.INT64), List.of(DataType.FLOAT16, DataType.UINT8),
                "CAFFE2", List.of("n01 tench, Tinca tinca", "", "zebra"));
        assertEquals("caffe2", info.preprocess(), "names are normalised to the preset's");
        assertEquals(ImagePreset.CAFFE2, info.preset());
        assertEquals("""
                # falconc model info (org.falconc.runtime.model.ModelInfo)
                format=1
                input-types=float16,int64
                output-types=float16,uint8
                preprocess=caffe2
                labels=3
                """, info.properties());
        assertEquals("n01 tench, Tinca tinca\n\nzebra\n", info.labelsText());
        assertEquals(info, ModelInfo.parse(info.properties(), info.labelsText()));
        Map<String, byte[]> resources = info.resources("Net");
        assertEquals(List.of("Net.info.properties", "Net.labels.txt"), List.copyOf(resources.keySet()));

        ModelInfo bare = new ModelInfo(List.of(), List.of(DataType.FLOAT), null, List.of());
        assertEquals(List.of("Net.info.properties"), List.copyOf(bare.resources("Net").keySet()));
        assertEquals(bare, ModelInfo.parse(bare.properties(), null));
        assertNull(bare.preset());
    }

    @Test
    void damagedRecordsAreRefusedPlainly() {
        String ok = "format=1\ninput-types=float\noutput-types=float\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse("format=2\n" + ok.substring(9), null))
                .getMessage().contains("format"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse(ok + "labels=2\n", "a\n"))
                .getMessage().contains("2 labels"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse(ok + "labels=2\n", null))
                .getMessage().contains("missing"));
        assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse(ok + "preprocess=sepia\n", null));
        assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse("format=1\noutput-types=float\n", null));
        assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse("format=1\ninput-types=float\noutput-types=bfloat\n", null));
        assertThrows(IllegalArgumentException.class, () -> new ModelInfo(List.of(16), List.of(), null, List.of()),
                "bfloat16 cannot be written: never recorded");
    }

    @Test
    void labelsFilesAreLinesWithinALimit() throws IOException {
        Path f = dir.resolve("labels.txt");
        Files.write(f, "\uFEFFcat\r\ndog\r\n\r\n\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("cat", "dog"), ModelInfo.readLabels(f));
        Files.writeString(f, "a\n\nc");
        assertEquals(List.of("a", "", "c"), ModelInfo.readLabels(f), "an empty line in the middle is a class without a name");
        Files.writeString(f, "\n\n");
        assertTrue(assertThrows(IOException.class, () -> ModelInfo.readLabels(f)).getMessage().contains("no labels"));
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0});
        assertTrue(assertThrows(IOException.class, () -> ModelInfo.readLabels(f)).getMessage().contains("UTF-8"));
        Files.write(f, new byte[(int) ModelInfo.MAX_LABELS_BYTES + 1]);
        assertTrue(assertThrows(IOException.class, () -> ModelInfo.readLabels(f)).getMessage().contains("labels file"));
        assertTrue(assertThrows(IOException.class, () -> ModelInfo.readLabels(dir.resolve("none.txt"))).getMessage()
                .contains("not found"));
        assertThrows(IOException.class, () -> ModelInfo.readLabels(dir));
    }

    /** A model class without recorded info gets its compiled types; a record that does not fit the class is refused. */
    @Test
    void classesWithoutARecordGetTheirCompiledTypes() {
        CompiledModelBaseTest.Typed typed = new CompiledModelBaseTest.Typed();
        ModelInfo info = typed.info();
        assertEquals(List.of(DataType.FLOAT, DataType.INT64), info.inputTypes());
        assertEquals(List.of(DataType.FLOAT, DataType.INT64, DataType.BOOL), info.outputTypes());
        assertNull(ModelInfo.load(CompiledModelBaseTest.Typed.class));
        assertTrue(ElementType.F32.holds(DataType.FLOAT16) && ElementType.F32.holds(DataType.DOUBLE));
        assertTrue(ElementType.I32.holds(DataType.UINT8) && ElementType.I64.holds(DataType.UINT32));
        assertTrue(!ElementType.F32.holds(DataType.INT32) && !ElementType.I32.holds(DataType.INT64));
    }

    @Test
    void aRecordThatDoesNotFitItsClassIsADamagedJar() {
        // Recorded.info.properties (test resources) says the output is int64: the class computes f32.
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new Recorded().info());
        assertTrue(e.getMessage().contains("damaged model info"), e.getMessage());
    }

    /** A model class with a resource next to it that does not fit it. */
    static final class Recorded extends CompiledModel {
        Recorded() {
            super(1, new String[] {"x"}, new int[][] {{2}}, new String[] {"f32"}, new String[] {"y"}, new int[][] {{2}},
                    new String[] {"f32"}, new int[] {0, 0, 0, 0});
        }

        @Override
        protected void execute(CallState state, Object[] in, Object[] out) {
        }
    }
}
