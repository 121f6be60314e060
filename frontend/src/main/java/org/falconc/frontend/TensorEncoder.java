package org.falconc.frontend;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.ir.DType;
import org.falconc.ir.Tensor;

/**
 * Encodes an IR tensor as a TensorProto (raw_data) of a chosen ONNX element type: f32 data as FLOAT,
 * FLOAT16 (rounded to nearest even) or DOUBLE; integer data as INT64, INT32 or a narrower integer type
 * when every value fits; bool as BOOL.
 */
final class TensorEncoder {
    private TensorEncoder() {
    }

    static TensorProto encode(String name, Tensor t, int elemType) {
        DType from = t.dtype();
        int n = t.numElements();
        ByteBuffer b;
        switch (elemType) {
            case DataTypes.FLOAT, DataTypes.FLOAT16, DataTypes.DOUBLE -> {
                float[] f = requireKind(t, DType.F32, elemType).floats();
                int width = elemType == DataTypes.FLOAT ? 4 : elemType == DataTypes.FLOAT16 ? 2 : 8;
                b = allocate(n, width);
                for (float v : f) {
                    switch (elemType) {
                        case DataTypes.FLOAT -> b.putFloat(v);
                        case DataTypes.FLOAT16 -> b.putShort(Half.fromFloat(v));
                        default -> b.putDouble(v);
                    }
                }
            }
            case DataTypes.INT64, DataTypes.INT32, DataTypes.INT16, DataTypes.UINT16, DataTypes.INT8, DataTypes.UINT8 -> {
                if (!from.isInteger()) {
                    throw mismatch(t, elemType);
                }
                long[] range = range(elemType);
                int width = switch (elemType) {
                    case DataTypes.INT64 -> 8;
                    case DataTypes.INT32 -> 4;
                    case DataTypes.INT16, DataTypes.UINT16 -> 2;
                    default -> 1;
                };
                b = allocate(n, width);
                for (int i = 0; i < n; i++) {
                    long v = t.getLong(i);
                    if (v < range[0] || v > range[1]) {
                        throw new FrontendException("tensor '" + name + "': value " + v + " does not fit "
                                + DataTypes.describe(elemType));
                    }
                    switch (width) {
                        case 8 -> b.putLong(v);
                        case 4 -> b.putInt((int) v);
                        case 2 -> b.putShort((short) v);
                        default -> b.put((byte) v);
                    }
                }
            }
            case DataTypes.BOOL -> {
                b = allocate(n, 1);
                for (boolean v : requireKind(t, DType.BOOL, elemType).bools()) {
                    b.put((byte) (v ? 1 : 0));
                }
            }
            default -> throw new FrontendException("tensor '" + name + "': cannot write element type "
                    + DataTypes.describe(elemType));
        }
        b.flip();
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(elemType)
                .addAllDims(java.util.Arrays.stream(t.shape().dimsAsLongs()).boxed().toList())
                .setRawData(ByteString.copyFrom(b))
                .build();
    }

    private static ByteBuffer allocate(int n, int width) {
        return ByteBuffer.allocate(Math.multiplyExact(n, width)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static Tensor requireKind(Tensor t, DType kind, int elemType) {
        if (t.dtype() != kind) {
            throw mismatch(t, elemType);
        }
        return t;
    }

    private static FrontendException mismatch(Tensor t, int elemType) {
        return new FrontendException("cannot write a " + t.type() + " tensor as " + DataTypes.describe(elemType));
    }

    private static long[] range(int elemType) {
        return switch (elemType) {
            case DataTypes.INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case DataTypes.INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case DataTypes.UINT16 -> new long[] {0, 0xffff};
            case DataTypes.INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case DataTypes.UINT8 -> new long[] {0, 0xff};
            default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }
}
