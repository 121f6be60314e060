package org.falconc.ir;

import java.util.Objects;

/** Element type and static shape of a value, printed as {@code f32[1,3,224,224]}. */
public record TensorType(DType dtype, Shape shape) {
    public TensorType {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
    }

    public static TensorType of(DType dtype, int... dims) {
        return new TensorType(dtype, Shape.of(dims));
    }

    public int rank() {
        return shape.rank();
    }

    @Override
    public String toString() {
        return dtype.text() + shape;
    }
}
