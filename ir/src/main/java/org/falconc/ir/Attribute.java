package org.falconc.ir;

import java.util.Arrays;
import java.util.List;

/** A typed node attribute, with the ONNX attribute kinds that CNN ops use. */
public sealed interface Attribute {
    /** The kind's name as it appears in error messages: int, float, string, ints, floats, strings, tensor. */
    String kind();

    record Int(long value) implements Attribute {
        public String kind() {
            return "int";
        }
    }

    record Float(float value) implements Attribute {
        public String kind() {
            return "float";
        }
    }

    record Str(String value) implements Attribute {
        public String kind() {
            return "string";
        }
    }

    record Ints(long[] values) implements Attribute {
        public Ints {
            values = values.clone();
        }

        @Override
        public long[] values() {
            return values.clone();
        }

        public String kind() {
            return "ints";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ints i && Arrays.equals(values, i.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    record Floats(float[] values) implements Attribute {
        public Floats {
            values = values.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        public String kind() {
            return "floats";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Floats f && Arrays.equals(values, f.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return Arrays.toString(values);
        }
    }

    record Strs(List<String> values) implements Attribute {
        public Strs {
            values = List.copyOf(values);
        }

        public String kind() {
            return "strings";
        }
    }

    record TensorValue(Tensor value) implements Attribute {
        public String kind() {
            return "tensor";
        }
    }
}
