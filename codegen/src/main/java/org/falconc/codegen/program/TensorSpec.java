package org.falconc.codegen.program;

import java.util.Arrays;
import org.falconc.ir.DType;

/** A graph input or output of the generated class: its name, element type and static shape. */
public record TensorSpec(String name, DType dtype, int[] shape) {
    public TensorSpec {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int elements() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + dtype.hashCode()) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + (dtype == DType.F32 ? "" : " " + dtype) + Arrays.toString(shape);
    }
}
