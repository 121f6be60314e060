package org.falconc.ir;

/** Element types. Tensors flowing through a CNN are f32; the integer and bool types carry shape arithmetic. */
public enum DType {
    F32("f32", 4),
    I64("i64", 8),
    I32("i32", 4),
    BOOL("bool", 1);

    private final String text;
    private final int byteSize;

    DType(String text, int byteSize) {
        this.text = text;
        this.byteSize = byteSize;
    }

    /** The spelling used by the textual IR, e.g. {@code f32}. */
    public String text() {
        return text;
    }

    public int byteSize() {
        return byteSize;
    }

    public boolean isInteger() {
        return this == I64 || this == I32;
    }

    public static DType fromText(String text) {
        for (DType t : values()) {
            if (t.text.equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown element type '" + text + "' (expected f32, i64, i32 or bool)");
    }

    @Override
    public String toString() {
        return text;
    }
}
