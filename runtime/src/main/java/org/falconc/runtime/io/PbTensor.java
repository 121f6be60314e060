package org.falconc.runtime.io;

/**
 * A tensor as stored in an ONNX TensorProto .pb file: name (may be empty), data_type
 * ({@link DataType}), dims and the elements in a Java array of the type's holder (see
 * {@link DataType}).
 */
public final class PbTensor {
    private final String name;
    private final int dataType;
    private final long[] dims;
    private final Object data;

    public PbTensor(String name, int dataType, long[] dims, Object data) {
        this.name = name == null ? "" : name;
        this.dataType = dataType;
        this.dims = dims.clone();
        this.data = data;
        long volume = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            volume *= d;
        }
        int length = java.lang.reflect.Array.getLength(data);
        if (volume != length) {
            throw new IllegalArgumentException("tensor '" + this.name + "' has dims " + java.util.Arrays.toString(dims)
                    + " (" + volume + " elements) but " + length + " values");
        }
        Object expected = DataType.newArray(dataType, 0);
        if (expected.getClass() != data.getClass()) {
            throw new IllegalArgumentException(DataType.name(dataType) + " data must be a "
                    + expected.getClass().getSimpleName() + ", got " + data.getClass().getSimpleName());
        }
    }

    public static PbTensor ofFloats(String name, int[] dims, float[] data) {
        return new PbTensor(name, DataType.FLOAT, toLongs(dims), data);
    }

    public static PbTensor ofLongs(String name, int[] dims, long[] data) {
        return new PbTensor(name, DataType.INT64, toLongs(dims), data);
    }

    public static PbTensor ofInts(String name, int[] dims, int[] data) {
        return new PbTensor(name, DataType.INT32, toLongs(dims), data);
    }

    public static PbTensor ofBools(String name, int[] dims, boolean[] data) {
        return new PbTensor(name, DataType.BOOL, toLongs(dims), data);
    }

    public String name() {
        return name;
    }

    public int dataType() {
        return dataType;
    }

    public long[] dims() {
        return dims.clone();
    }

    /** The dims as ints (IllegalArgumentException naming the tensor when a dimension does not fit). */
    public int[] intDims() {
        int[] d = new int[dims.length];
        for (int i = 0; i < d.length; i++) {
            if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor '" + name + "' has dimension " + dims[i] + ", out of range");
            }
            d[i] = (int) dims[i];
        }
        return d;
    }

    /** The element array itself (not a copy). */
    public Object data() {
        return data;
    }

    public int numElements() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** The elements as float: float data itself, float16 and double converted (double rounds once). */
    public float[] toFloats() {
        if (data instanceof float[] f) {
            return f;
        }
        if (data instanceof short[] h) {
            float[] f = new float[h.length];
            for (int i = 0; i < h.length; i++) {
                f[i] = Float16.toFloat(h[i]);
            }
            return f;
        }
        if (data instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        throw new IllegalArgumentException("tensor '" + name + "' holds " + DataType.name(dataType) + ", not floating-point data");
    }

    private static long[] toLongs(int[] dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            l[i] = dims[i];
        }
        return l;
    }

    @Override
    public String toString() {
        return "PbTensor(" + name + ": " + DataType.name(dataType) + java.util.Arrays.toString(dims) + ")";
    }
}
