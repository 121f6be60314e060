package org.falconc.runtime.io;

/**
 * ONNX TensorProto.DataType codes that {@link TensorProtoCodec} reads and writes, and the Java
 * array each is held in: FLOAT float[], DOUBLE double[], INT64/UINT32/UINT64 long[],
 * INT32/INT16/UINT16/INT8/UINT8 int[], BOOL boolean[], FLOAT16 short[] (IEEE half bits, see
 * {@link Float16}).
 */
public final class DataType {
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int UINT16 = 4;
    public static final int INT16 = 5;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int BOOL = 9;
    public static final int FLOAT16 = 10;
    public static final int DOUBLE = 11;
    public static final int UINT32 = 12;
    public static final int UINT64 = 13;

    private DataType() {
    }

    /** Bytes per element in raw_data. */
    public static int byteSize(int dataType) {
        return switch (dataType) {
            case UINT8, INT8, BOOL -> 1;
            case UINT16, INT16, FLOAT16 -> 2;
            case FLOAT, INT32, UINT32 -> 4;
            case INT64, DOUBLE, UINT64 -> 8;
            default -> throw new IllegalArgumentException("unsupported TensorProto data_type " + dataType);
        };
    }

    /** A zeroed array of {@code n} elements of the Java type that holds {@code dataType}. */
    public static Object newArray(int dataType, int n) {
        return switch (dataType) {
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
            case INT64, UINT32, UINT64 -> new long[n];
            case INT32, INT16, UINT16, INT8, UINT8 -> new int[n];
            case BOOL -> new boolean[n];
            case FLOAT16 -> new short[n];
            default -> throw new IllegalArgumentException("unsupported TensorProto data_type " + dataType);
        };
    }

    /** The code of a {@link #name} ({@code float16 -> FLOAT16}); IllegalArgumentException for any other text. */
    public static int parse(String name) {
        for (int t : new int[] {FLOAT, UINT8, INT8, UINT16, INT16, INT32, INT64, BOOL, FLOAT16, DOUBLE, UINT32, UINT64}) {
            if (name(t).equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown TensorProto data type '" + name + "'");
    }

    /** Whether {@link TensorProtoCodec} reads and writes {@code dataType}. */
    public static boolean isSupported(int dataType) {
        return !name(dataType).startsWith("data_type ");
    }

    public static String name(int dataType) {
        return switch (dataType) {
            case FLOAT -> "float";
            case UINT8 -> "uint8";
            case INT8 -> "int8";
            case UINT16 -> "uint16";
            case INT16 -> "int16";
            case INT32 -> "int32";
            case INT64 -> "int64";
            case BOOL -> "bool";
            case FLOAT16 -> "float16";
            case DOUBLE -> "double";
            case UINT32 -> "uint32";
            case UINT64 -> "uint64";
            default -> "data_type " + dataType;
        };
    }
}
