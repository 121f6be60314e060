package org.falconc.frontend;

import static org.falconc.frontend.TestModel.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.ir.DType;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

/** Tensor data in raw_data, in typed fields, packed and unpacked, of every element type falconc reads. */
class TensorDecoderTest {
    private static Tensor decode(TensorProto t) {
        return new TensorDecoder(new ExternalData(null)).decode(t, "tensor 't'");
    }

    private static ByteString le(int width, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (width) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return ByteString.copyFrom(b.array());
    }

    @Test
    void floatRawAndTypedAgree() {
        Tensor raw = decode(TestModel.rawFloats("t", new long[] {2, 2}, 1.5f, -2f, 0f, 3.25f));
        Tensor typed = decode(tensor("t", DataTypes.FLOAT, 2, 2)
                .addFloatData(1.5f).addFloatData(-2f).addFloatData(0f).addFloatData(3.25f).build());
        assertEquals(Shape.of(2, 2), raw.shape());
        assertArrayEquals(new float[] {1.5f, -2f, 0f, 3.25f}, raw.floats());
        assertTrue(raw.contentEquals(typed));
    }

    @Test
    void float16RawAndInt32DataDecodeExactly() {
        int[] bits = {0x3C00, 0x0001, 0x03FF, 0x7C00, 0xFC00, 0x7E00, 0x8000, 0x7BFF};
        TensorProto.Builder typed = tensor("t", DataTypes.FLOAT16, bits.length);
        long[] asLongs = new long[bits.length];
        for (int i = 0; i < bits.length; i++) {
            typed.addInt32Data(bits[i]);
            asLongs[i] = bits[i];
        }
        Tensor a = decode(typed.build());
        Tensor b = decode(tensor("t", DataTypes.FLOAT16, bits.length).setRawData(le(2, asLongs)).build());
        assertEquals(DType.F32, a.dtype());
        float[] f = a.floats();
        assertEquals(1.0f, f[0]);
        assertEquals(0x1p-24f, f[1]);
        assertEquals(1023 * 0x1p-24f, f[2]);
        assertEquals(Float.POSITIVE_INFINITY, f[3]);
        assertEquals(Float.NEGATIVE_INFINITY, f[4]);
        assertTrue(Float.isNaN(f[5]));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(f[6]));
        assertEquals(65504f, f[7]);
        assertTrue(a.contentEquals(b));
    }

    @Test
    void bfloat16AndDoubleBecomeF32() {
        Tensor bf = decode(tensor("t", DataTypes.BFLOAT16, 2).setRawData(le(2, 0x3F80, 0xC040)).build());
        assertArrayEquals(new float[] {1f, -3f}, bf.floats());
        Tensor d = decode(tensor("t", DataTypes.DOUBLE, 2).addDoubleData(0.1).addDoubleData(-1e300).build());
        assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY}, d.floats());
        ByteBuffer raw = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(2.5);
        assertArrayEquals(new float[] {2.5f}, decode(tensor("t", DataTypes.DOUBLE, 1)
                .setRawData(ByteString.copyFrom(raw.array())).build()).floats());
    }

    @Test
    void integersKeepTheirValues() {
        Tensor i64 = decode(tensor("t", DataTypes.INT64, 3).setRawData(le(8, -1, Long.MAX_VALUE, 5)).build());
        assertArrayEquals(new long[] {-1, Long.MAX_VALUE, 5}, i64.longs());
        Tensor i32 = decode(tensor("t", DataTypes.INT32, 2).addInt32Data(-7).addInt32Data(1 << 30).build());
        assertArrayEquals(new int[] {-7, 1 << 30}, i32.ints());
        Tensor i8 = decode(tensor("t", DataTypes.INT8, 2).setRawData(le(1, -128, 127)).build());
        assertArrayEquals(new int[] {-128, 127}, i8.ints());
        Tensor u8raw = decode(tensor("t", DataTypes.UINT8, 2).setRawData(le(1, 255, 1)).build());
        assertArrayEquals(new int[] {255, 1}, u8raw.ints());
        Tensor u8typed = decode(tensor("t", DataTypes.UINT8, 2).addInt32Data(255).addInt32Data(1).build());
        assertTrue(u8raw.contentEquals(u8typed));
        Tensor i16 = decode(tensor("t", DataTypes.INT16, 2).setRawData(le(2, -32768, 32767)).build());
        assertArrayEquals(new int[] {-32768, 32767}, i16.ints());
        Tensor u16 = decode(tensor("t", DataTypes.UINT16, 1).setRawData(le(2, 0xffff)).build());
        assertArrayEquals(new int[] {65535}, u16.ints());
        Tensor u32 = decode(tensor("t", DataTypes.UINT32, 1).setRawData(le(4, 0xffffffffL)).build());
        assertArrayEquals(new long[] {4294967295L}, u32.longs());
        Tensor u32typed = decode(tensor("t", DataTypes.UINT32, 1).addUint64Data(4294967295L).build());
        assertTrue(u32.contentEquals(u32typed));
    }

    @Test
    void boolsFromRawAndInt32Data() {
        Tensor raw = decode(tensor("t", DataTypes.BOOL, 3).setRawData(le(1, 1, 0, 1)).build());
        Tensor typed = decode(tensor("t", DataTypes.BOOL, 3).addInt32Data(1).addInt32Data(0).addInt32Data(1).build());
        assertArrayEquals(new boolean[] {true, false, true}, raw.bools());
        assertTrue(raw.contentEquals(typed));
    }

    @Test
    void scalarsAndEmptyTensors() {
        assertEquals(Shape.SCALAR, decode(tensor("t", DataTypes.INT64).addInt64Data(4).build()).shape());
        Tensor empty = decode(tensor("t", DataTypes.FLOAT, 0).build());
        assertEquals(Shape.of(0), empty.shape());
    }

    /** The generated builders write packed repeated fields; other writers may not. Both must decode. */
    @Test
    void packedAndUnpackedTypedFieldsDecodeAlike() throws IOException {
        TensorProto packed = tensor("t", DataTypes.INT64, 3).addInt64Data(1).addInt64Data(-2).addInt64Data(300).build();
        byte[] packedBytes = packed.toByteArray();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buf);
        out.writeInt64(1, 3); // dims
        out.writeInt32(2, DataTypes.INT64); // data_type
        for (long v : new long[] {1, -2, 300}) {
            out.writeInt64(7, v); // int64_data, one tag per element
        }
        out.writeString(8, "t");
        out.flush();
        byte[] unpackedBytes = buf.toByteArray();
        assertTrue(containsTag(packedBytes, (7 << 3) | 2), "builder output is packed");
        assertTrue(containsTag(unpackedBytes, (7 << 3)), "hand-written stream is unpacked");
        TensorProto unpacked = TensorProto.parseFrom(unpackedBytes);
        assertTrue(decode(packed).contentEquals(decode(unpacked)));
        assertArrayEquals(new long[] {1, -2, 300}, decode(unpacked).longs());

        ByteArrayOutputStream fbuf = new ByteArrayOutputStream();
        CodedOutputStream fout = CodedOutputStream.newInstance(fbuf);
        fout.writeInt64(1, 2);
        fout.writeInt32(2, DataTypes.FLOAT);
        fout.writeFloat(4, 0.5f);
        fout.writeFloat(4, -4f);
        fout.flush();
        assertArrayEquals(new float[] {0.5f, -4f}, decode(TensorProto.parseFrom(fbuf.toByteArray())).floats());
    }

    private static boolean containsTag(byte[] bytes, int tag) {
        for (byte b : bytes) {
            if ((b & 0xff) == tag) {
                return true;
            }
        }
        return false;
    }

    @Test
    void wrongAmountsOfDataAreReported() {
        FrontendException e = assertThrows(FrontendException.class,
                () -> decode(TestModel.rawFloats("t", new long[] {3}, 1f, 2f)));
        assertEquals("tensor 't': has 8 bytes of data, shape [3] of FLOAT (1) needs 12", e.getMessage());
        e = assertThrows(FrontendException.class, () -> decode(tensor("t", DataTypes.INT64, 2).addInt64Data(1).build()));
        assertEquals("tensor 't': has 1 values in int64_data, shape [2] needs 2", e.getMessage());
        e = assertThrows(FrontendException.class, () -> decode(tensor("t", DataTypes.FLOAT, 2).build()));
        assertTrue(e.getMessage().contains("no data found"), e.getMessage());
    }

    @Test
    void unknownAndUnsupportedTypesAreReported() {
        FrontendException e = assertThrows(FrontendException.class, () -> decode(tensor("t", 99, 1).build()));
        assertEquals("tensor 't': unknown data type 99", e.getMessage());
        e = assertThrows(FrontendException.class, () -> decode(tensor("t", 8, 1).build()));
        assertEquals("tensor 't': unsupported data type STRING (8)", e.getMessage());
        e = assertThrows(FrontendException.class, () -> decode(tensor("t", 0, 1).build()));
        assertEquals("tensor 't': data_type is missing", e.getMessage());
        e = assertThrows(FrontendException.class, () -> decode(tensor("t", DataTypes.FLOAT, -1).build()));
        assertTrue(e.getMessage().startsWith("tensor 't': bad dims [-1]"), e.getMessage());
        e = assertThrows(FrontendException.class, () -> decode(tensor("t", DataTypes.FLOAT, 1)
                .setSegment(TensorProto.Segment.newBuilder().setBegin(0).setEnd(1)).addFloatData(1).build()));
        assertEquals("tensor 't': segmented tensors are not supported", e.getMessage());
    }
}
