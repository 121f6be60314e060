package org.falconc.runtime.model;

import org.falconc.runtime.io.DataType;

/**
 * The element types a compiled model takes and returns, and the Java array each is held in:
 * {@code f32} float[], {@code i64} long[], {@code i32} int[], {@code bool} boolean[]. The names are
 * the IR's spellings, which the generated class passes to {@link CompiledModel}.
 */
public enum ElementType {
    F32("f32", float[].class),
    I64("i64", long[].class),
    I32("i32", int[].class),
    BOOL("bool", boolean[].class);

    private final String text;
    private final Class<?> arrayClass;

    ElementType(String text, Class<?> arrayClass) {
        this.text = text;
        this.arrayClass = arrayClass;
    }

    /** {@code f32}, {@code i64}, {@code i32} or {@code bool}. */
    public String text() {
        return text;
    }

    /** The array class that holds tensors of this type, e.g. {@code float[].class}. */
    public Class<?> arrayClass() {
        return arrayClass;
    }

    /** The ONNX TensorProto data type that stores this type without conversion ({@link DataType}). */
    public int onnxType() {
        return switch (this) {
            case F32 -> DataType.FLOAT;
            case I64 -> DataType.INT64;
            case I32 -> DataType.INT32;
            case BOOL -> DataType.BOOL;
        };
    }

    /**
     * Whether a model input or output declared as ONNX {@code dataType} is held in this type: float16 and
     * double in f32 (as the frontend imports them), int8 to int32 in i32, uint32 and uint64 in i64.
     */
    public boolean holds(int dataType) {
        return switch (dataType) {
            case DataType.FLOAT, DataType.FLOAT16, DataType.DOUBLE -> this == F32;
            case DataType.INT8, DataType.UINT8, DataType.INT16, DataType.UINT16, DataType.INT32 -> this == I32;
            case DataType.INT64, DataType.UINT32, DataType.UINT64 -> this == I64;
            case DataType.BOOL -> this == BOOL;
            default -> false;
        };
    }

    /** A zeroed array of {@code n} elements. */
    public Object newArray(int n) {
        return switch (this) {
            case F32 -> new float[n];
            case I64 -> new long[n];
            case I32 -> new int[n];
            case BOOL -> new boolean[n];
        };
    }

    public static ElementType of(String text) {
        for (ElementType t : values()) {
            if (t.text.equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown element type '" + text + "' (expected f32, i64, i32 or bool)");
    }

    /** The element type whose array class {@code array} is, or null for anything else. */
    static ElementType ofArray(Object array) {
        for (ElementType t : values()) {
            if (t.arrayClass.isInstance(array)) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
