package org.falconc.frontend;

import org.falconc.frontend.onnx.TensorProto.DataType;
import org.falconc.ir.DType;

/** ONNX TensorProto.DataType numbers: their names and the IR element type that holds each. */
public final class DataTypes {
    public static final int FLOAT = DataType.FLOAT_VALUE;
    public static final int UINT8 = DataType.UINT8_VALUE;
    public static final int INT8 = DataType.INT8_VALUE;
    public static final int UINT16 = DataType.UINT16_VALUE;
    public static final int INT16 = DataType.INT16_VALUE;
    public static final int INT32 = DataType.INT32_VALUE;
    public static final int INT64 = DataType.INT64_VALUE;
    public static final int BOOL = DataType.BOOL_VALUE;
    public static final int FLOAT16 = DataType.FLOAT16_VALUE;
    public static final int DOUBLE = DataType.DOUBLE_VALUE;
    public static final int UINT32 = DataType.UINT32_VALUE;
    public static final int UINT64 = DataType.UINT64_VALUE;
    public static final int BFLOAT16 = DataType.BFLOAT16_VALUE;

    private DataTypes() {
    }

    /** Whether {@code type} is a data type number that ONNX defines. */
    public static boolean isKnown(int type) {
        return DataType.forNumber(type) != null;
    }

    /** The ONNX name of a data type number, e.g. {@code FLOAT16 (10)}; {@code unknown data type 99} if none. */
    public static String describe(int type) {
        DataType t = DataType.forNumber(type);
        return t == null ? "unknown data type " + type : t.name() + " (" + type + ")";
    }

    /**
     * The IR element type that holds values of an ONNX type, or null when falconc cannot hold them.
     * Floating types become f32 (float16 and bfloat16 exactly, double narrowed); integers up to 32 bits
     * become i32, wider or unsigned 32-bit ones i64.
     */
    public static DType irType(int type) {
        return switch (type) {
            case FLOAT, FLOAT16, BFLOAT16, DOUBLE -> DType.F32;
            case INT8, UINT8, INT16, UINT16, INT32 -> DType.I32;
            case INT64, UINT32, UINT64 -> DType.I64;
            case BOOL -> DType.BOOL;
            default -> null;
        };
    }

    /** The ONNX type that stores an IR element type without conversion. */
    public static int onnxType(DType type) {
        return switch (type) {
            case F32 -> FLOAT;
            case I64 -> INT64;
            case I32 -> INT32;
            case BOOL -> BOOL;
        };
    }
}
