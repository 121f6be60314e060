package org.falconc.frontend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.ir.DType;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/**
 * Decodes a TensorProto into an IR tensor. Data may be in raw_data (little-endian), in the typed
 * field of its type (float_data, int32_data, int64_data, double_data, uint64_data) or in an external
 * file. Element types are mapped as {@link DataTypes#irType} says.
 */
final class TensorDecoder {
    private final ExternalData external;

    TensorDecoder(ExternalData external) {
        this.external = external;
    }

    /** Decodes {@code t}; {@code what} names it in errors, e.g. {@code initializer 'conv1.weight'}. */
    Tensor decode(TensorProto t, String what) {
        if (t.hasSegment()) {
            throw new FrontendException(what + ": segmented tensors are not supported");
        }
        int type = t.getDataType();
        DType dtype = DataTypes.irType(type);
        if (type == 0) {
            throw new FrontendException(what + ": data_type is missing");
        }
        if (dtype == null) {
            throw new FrontendException(what + ": " + (DataTypes.isKnown(type) ? "unsupported data type " : "")
                    + DataTypes.describe(type));
        }
        requireOneDataField(t, what);
        Shape shape = shapeOf(t, what);
        int n = shape.numElements();
        ByteBuffer bytes = rawBytes(t, what);
        if (bytes != null) {
            int width = byteWidth(type);
            if (bytes.remaining() != (long) n * width) {
                throw new FrontendException(what + ": has " + bytes.remaining() + " bytes of data, shape " + shape
                        + " of " + DataTypes.describe(type) + " needs " + (long) n * width);
            }
            return fromRaw(type, shape, n, bytes.order(ByteOrder.LITTLE_ENDIAN));
        }
        return fromTyped(t, type, shape, n, what);
    }

    /**
     * Refuses data in more than one place (raw_data, external data, typed fields): which one a writer
     * meant is a guess, and taking one silently would compute with the wrong weights.
     */
    private static void requireOneDataField(TensorProto t, String what) {
        List<String> fields = new ArrayList<>();
        if (t.hasRawData()) {
            fields.add("raw_data");
        }
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            fields.add("external data");
        }
        addIfSet(fields, "float_data", t.getFloatDataCount());
        addIfSet(fields, "int32_data", t.getInt32DataCount());
        addIfSet(fields, "string_data", t.getStringDataCount());
        addIfSet(fields, "int64_data", t.getInt64DataCount());
        addIfSet(fields, "double_data", t.getDoubleDataCount());
        addIfSet(fields, "uint64_data", t.getUint64DataCount());
        if (fields.size() > 1) {
            throw new FrontendException(what + ": has data in " + String.join(" and ", fields)
                    + " (a tensor's data must be in exactly one of them)");
        }
    }

    private static void addIfSet(List<String> fields, String field, int count) {
        if (count > 0) {
            fields.add(field);
        }
    }

    private static Shape shapeOf(TensorProto t, String what) {
        long[] dims = new long[t.getDimsCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = t.getDims(i);
        }
        try {
            Shape s = Shape.of(dims);
            s.numElements();
            return s;
        } catch (IllegalArgumentException e) {
            throw new FrontendException(what + ": bad dims " + java.util.Arrays.toString(dims) + ": " + e.getMessage());
        }
    }

    /** The raw little-endian bytes (inline or external), or null when the data is in a typed field. */
    private ByteBuffer rawBytes(TensorProto t, String what) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            return ByteBuffer.wrap(external.read(t, what));
        }
        if (t.hasRawData()) {
            return t.getRawData().asReadOnlyByteBuffer();
        }
        return null;
    }

    private static int byteWidth(int type) {
        return switch (type) {
            case DataTypes.UINT8, DataTypes.INT8, DataTypes.BOOL -> 1;
            case DataTypes.UINT16, DataTypes.INT16, DataTypes.FLOAT16, DataTypes.BFLOAT16 -> 2;
            case DataTypes.FLOAT, DataTypes.INT32, DataTypes.UINT32 -> 4;
            case DataTypes.INT64, DataTypes.UINT64, DataTypes.DOUBLE -> 8;
            default -> throw new IllegalArgumentException("no width for type " + type);
        };
    }

    private static Tensor fromRaw(int type, Shape shape, int n, ByteBuffer b) {
        switch (type) {
            case DataTypes.FLOAT -> {
                float[] f = new float[n];
                b.asFloatBuffer().get(f);
                return Tensor.ofFloats(shape, f);
            }
            case DataTypes.FLOAT16, DataTypes.BFLOAT16 -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = halfToFloat(type, b.getShort());
                }
                return Tensor.ofFloats(shape, f);
            }
            case DataTypes.DOUBLE -> {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) b.getDouble();
                }
                return Tensor.ofFloats(shape, f);
            }
            case DataTypes.INT64, DataTypes.UINT64 -> {
                long[] l = new long[n];
                b.asLongBuffer().get(l);
                return Tensor.ofLongs(shape, l);
            }
            case DataTypes.UINT32 -> {
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = Integer.toUnsignedLong(b.getInt());
                }
                return Tensor.ofLongs(shape, l);
            }
            case DataTypes.INT32 -> {
                int[] v = new int[n];
                b.asIntBuffer().get(v);
                return Tensor.ofInts(shape, v);
            }
            case DataTypes.INT16, DataTypes.UINT16 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = narrowInt(type, b.getShort());
                }
                return Tensor.ofInts(shape, v);
            }
            case DataTypes.INT8, DataTypes.UINT8 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = narrowInt(type, b.get());
                }
                return Tensor.ofInts(shape, v);
            }
            case DataTypes.BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = b.get() != 0;
                }
                return Tensor.ofBools(shape, v);
            }
            default -> throw new IllegalArgumentException("no decoder for type " + type);
        }
    }

    private static Tensor fromTyped(TensorProto t, int type, Shape shape, int n, String what) {
        switch (type) {
            case DataTypes.FLOAT -> {
                checkCount(t.getFloatDataCount(), "float_data", shape, n, what);
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = t.getFloatData(i);
                }
                return Tensor.ofFloats(shape, f);
            }
            case DataTypes.DOUBLE -> {
                checkCount(t.getDoubleDataCount(), "double_data", shape, n, what);
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) t.getDoubleData(i);
                }
                return Tensor.ofFloats(shape, f);
            }
            case DataTypes.FLOAT16, DataTypes.BFLOAT16 -> {
                // int32_data holds the 16-bit patterns, one per element.
                checkCount(t.getInt32DataCount(), "int32_data", shape, n, what);
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = halfToFloat(type, (short) t.getInt32Data(i));
                }
                return Tensor.ofFloats(shape, f);
            }
            case DataTypes.INT64 -> {
                checkCount(t.getInt64DataCount(), "int64_data", shape, n, what);
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = t.getInt64Data(i);
                }
                return Tensor.ofLongs(shape, l);
            }
            case DataTypes.UINT32, DataTypes.UINT64 -> {
                checkCount(t.getUint64DataCount(), "uint64_data", shape, n, what);
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = t.getUint64Data(i);
                }
                return Tensor.ofLongs(shape, l);
            }
            case DataTypes.INT32, DataTypes.INT16, DataTypes.UINT16, DataTypes.INT8, DataTypes.UINT8 -> {
                checkCount(t.getInt32DataCount(), "int32_data", shape, n, what);
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = narrowInt(type, t.getInt32Data(i));
                }
                return Tensor.ofInts(shape, v);
            }
            case DataTypes.BOOL -> {
                checkCount(t.getInt32DataCount(), "int32_data", shape, n, what);
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = t.getInt32Data(i) != 0;
                }
                return Tensor.ofBools(shape, v);
            }
            default -> throw new IllegalArgumentException("no decoder for type " + type);
        }
    }

    private static void checkCount(int count, String field, Shape shape, int n, String what) {
        if (count != n) {
            throw new FrontendException(what + ": has " + count + " values in " + field + ", shape " + shape
                    + " needs " + n + (count == 0 ? " (no data found in raw_data or " + field + ")" : ""));
        }
    }

    private static float halfToFloat(int type, short bits) {
        return type == DataTypes.BFLOAT16
                ? Float.intBitsToFloat((bits & 0xffff) << 16)
                : Half.toFloat(bits);
    }

    /** Sign- or zero-extends a value of a narrow integer type to int. */
    private static int narrowInt(int type, int v) {
        return switch (type) {
            case DataTypes.INT8 -> (byte) v;
            case DataTypes.UINT8 -> v & 0xff;
            case DataTypes.INT16 -> (short) v;
            case DataTypes.UINT16 -> v & 0xffff;
            default -> v;
        };
    }
}
