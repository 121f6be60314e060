package org.falconc.runtime.io;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TensorProto reading and writing: round trips, hand-encoded messages, float16 bits and the conformance data. */
class TensorProtoCodecTest {
    private final Random rnd = new Random(19);

    @Test
    void everyTypeRoundTrips() {
        int[] types = {DataType.FLOAT, DataType.DOUBLE, DataType.INT64, DataType.INT32, DataType.INT16, DataType.UINT16,
            DataType.INT8, DataType.UINT8, DataType.BOOL, DataType.FLOAT16, DataType.UINT32, DataType.UINT64};
        for (int type : types) {
            long[] dims = {2, 3};
            Object data = DataType.newArray(type, 6);
            for (int i = 0; i < 6; i++) {
                int v = rnd.nextInt(200) - 100;
                switch (type) {
                    case DataType.FLOAT -> ((float[]) data)[i] = v / 7f;
                    case DataType.DOUBLE -> ((double[]) data)[i] = v / 7.0;
                    case DataType.INT64, DataType.UINT64 -> ((long[]) data)[i] = (long) v << 40;
                    case DataType.UINT32 -> ((long[]) data)[i] = v & 0xffffffffL;
                    case DataType.UINT8 -> ((int[]) data)[i] = v & 0xff;
                    case DataType.UINT16 -> ((int[]) data)[i] = v & 0xffff;
                    case DataType.BOOL -> ((boolean[]) data)[i] = v > 0;
                    case DataType.FLOAT16 -> ((short[]) data)[i] = Float16.fromFloat(v / 8f);
                    default -> ((int[]) data)[i] = v;
                }
            }
            PbTensor t = new PbTensor("t" + type, type, dims, data);
            PbTensor back = TensorProtoCodec.read(TensorProtoCodec.write(t));
            assertEquals(t.name(), back.name());
            assertEquals(type, back.dataType());
            assertArrayEquals(dims, back.dims());
            assertEquals(java.util.Arrays.deepToString(new Object[] {data}),
                    java.util.Arrays.deepToString(new Object[] {back.data()}), DataType.name(type));
        }
    }

    @Test
    void readsTypedFieldsPackedAndUnpacked() {
        // dims 2 unpacked twice, data_type FLOAT, float_data packed [1.5, -2], name "x"
        ProtoOutput out = new ProtoOutput();
        out.varintField(1, 1);
        out.varintField(1, 2);
        out.varintField(2, DataType.FLOAT);
        java.nio.ByteBuffer f = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        f.putFloat(1.5f).putFloat(-2f);
        out.bytesField(4, f.array());
        out.stringField(8, "x");
        out.varintField(99, 5); // unknown field: skipped
        PbTensor t = TensorProtoCodec.read(out.toByteArray());
        assertArrayEquals(new long[] {1, 2}, t.dims());
        assertArrayEquals(new float[] {1.5f, -2f}, t.toFloats());
        assertEquals("x", t.name());

        // int64_data unpacked, with a negative value (10-byte varint)
        ProtoOutput longs = new ProtoOutput();
        longs.packedVarints(1, new long[] {3});
        longs.varintField(2, DataType.INT64);
        for (long v : new long[] {-1, 0, Long.MAX_VALUE}) {
            longs.varintField(7, v);
        }
        assertArrayEquals(new long[] {-1, 0, Long.MAX_VALUE}, (long[]) TensorProtoCodec.read(longs.toByteArray()).data());

        // float16 through int32_data (ONNX stores the bits there when raw_data is absent)
        ProtoOutput half = new ProtoOutput();
        half.packedVarints(1, new long[] {2});
        half.varintField(2, DataType.FLOAT16);
        half.packedVarints(5, new long[] {0x3c00, 0xc000});
        assertArrayEquals(new float[] {1f, -2f}, TensorProtoCodec.read(half.toByteArray()).toFloats());
    }

    @Test
    void rejectsInconsistentMessages() {
        ProtoOutput out = new ProtoOutput();
        out.packedVarints(1, new long[] {3});
        out.varintField(2, DataType.FLOAT);
        out.bytesField(9, new byte[8]); // 2 floats for 3 elements
        assertThrows(IllegalArgumentException.class, () -> TensorProtoCodec.read(out.toByteArray()));
        byte[] truncated = java.util.Arrays.copyOf(TensorProtoCodec.write(PbTensor.ofFloats("a", new int[] {4},
                new float[4])), 10);
        assertThrows(IllegalArgumentException.class, () -> TensorProtoCodec.read(truncated));
    }

    @Test
    void float16ConversionsRoundTripEveryHalf() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float f = Float16.toFloat((short) bits);
            if (Float.isNaN(f)) {
                assertEquals(0x7c00, bits & 0x7c00);
                continue;
            }
            assertEquals(bits, Float16.fromFloat(f) & 0xffff, "half bits " + Integer.toHexString(bits));
        }
        assertEquals(0x3c00, Float16.fromFloat(1f + 0x1p-11f) & 0xffff); // tie rounds to even (down)
        assertEquals(0x3c02, Float16.fromFloat(1f + 3 * 0x1p-11f) & 0xffff); // tie rounds to even (up)
        assertEquals(0x7c00, Float16.fromFloat(70000f) & 0xffff);
        assertEquals(0x0001, Float16.fromFloat(0x1p-24f) & 0xffff);
        assertEquals(0, Float16.fromFloat(0x1p-26f) & 0xffff);
        assertEquals(1e-4f, Float16.toFloat(Float16.fromFloat(1e-4f)), 1e-7f);
    }

    @Test
    void writesFilesAndReadsThemBack(@TempDir Path dir) throws IOException {
        PbTensor t = PbTensor.ofLongs("idx", new int[] {2, 2}, new long[] {1, -2, 3, -4});
        Path f = dir.resolve("t.pb");
        TensorProtoCodec.write(t, f);
        PbTensor back = TensorProtoCodec.read(f);
        assertArrayEquals(new long[] {1, -2, 3, -4}, (long[]) back.data());
        assertArrayEquals(new int[] {2, 2}, back.intDims());
    }

    /**
     * Every tensor of the ONNX conformance node cases reads with the element type and shape that
     * MANIFEST.txt lists for its input or output (written by the ONNX tools, not by this codec), holds
     * as many elements as its shape, and rewrites to a message that reads back the same.
     */
    @Test
    void readsTheConformanceDataAsTheManifestDescribes() throws IOException {
        Path conformance = SharedData.require("onnx-conformance");
        int checked = 0;
        for (String line : Files.readAllLines(SharedData.require("onnx-conformance/MANIFEST.txt"))) {
            String[] fields = line.split(" \\| ");
            if (!fields[0].startsWith("node/")) {
                continue;
            }
            Path set = conformance.resolve(fields[0]).resolve("test_data_set_0");
            checked += checkTensors(set, "input", manifestField(fields, "in"));
            checked += checkTensors(set, "output", manifestField(fields, "out"));
        }
        // 309 node cases with 884 tensors in the stored data; far fewer means cases went missing.
        assertTrue(checked >= 800, "checked only " + checked + " conformance tensors");
    }

    private static String manifestField(String[] fields, String key) {
        for (String f : fields) {
            if (f.startsWith(key + "=")) {
                return f.substring(key.length() + 1);
            }
        }
        throw new AssertionError("manifest line without " + key + ": " + String.join(" | ", fields));
    }

    /** Checks {@code <kind>_<i>.pb} against the i-th spec of {@code specs} ({@code x:f32[3,4], y:i64[]} or {@code -}). */
    private static int checkTensors(Path set, String kind, String specs) throws IOException {
        if (specs.equals("-")) {
            return 0;
        }
        String[] list = specs.split(", ");
        for (int i = 0; i < list.length; i++) {
            String spec = list[i];
            String type = spec.substring(spec.indexOf(':') + 1, spec.indexOf('['));
            String dimsText = spec.substring(spec.indexOf('[') + 1, spec.length() - 1);
            long[] dims = dimsText.isEmpty() ? new long[0]
                    : java.util.Arrays.stream(dimsText.split(",")).mapToLong(Long::parseLong).toArray();
            Path file = set.resolve(kind + "_" + i + ".pb");
            PbTensor t = TensorProtoCodec.read(file);
            int expectedType = switch (type) {
                case "f32" -> 1;
                case "i32" -> 6;
                case "i64" -> 7;
                case "bool" -> 9;
                default -> throw new AssertionError("type " + type + " in the manifest for " + file);
            };
            assertEquals(expectedType, t.dataType(), file.toString());
            assertArrayEquals(dims, t.dims(), file.toString());
            long elements = 1;
            for (long d : dims) {
                elements *= d;
            }
            assertEquals(elements, java.lang.reflect.Array.getLength(t.data()), file + ": elements");
            PbTensor back = TensorProtoCodec.read(TensorProtoCodec.write(t));
            assertArrayEquals(t.dims(), back.dims(), file.toString());
            assertEquals(java.util.Arrays.deepToString(new Object[] {t.data()}),
                    java.util.Arrays.deepToString(new Object[] {back.data()}), file.toString());
        }
        return list.length;
    }
}
