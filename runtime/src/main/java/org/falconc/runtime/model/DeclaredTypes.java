package org.falconc.runtime.model;

import org.falconc.runtime.io.DataType;
import org.falconc.runtime.io.Float16;
import org.falconc.runtime.io.PbTensor;

/**
 * Between the element types a compiled model computes in and the ONNX types its graph declares at the
 * boundary ({@link ModelInfo}): the jar reads each input file as the declared type and writes each output
 * in it, as ONNX Runtime and {@code falconc run} do.
 */
final class DeclaredTypes {
    private DeclaredTypes() {
    }

    /**
     * The file's elements as the array of the input's compiled type. The file must hold the declared type:
     * float64 or float32 data for a float16 input is refused, as ONNX Runtime refuses it, rather than
     * silently converted.
     */
    static Object input(PbTensor t, String name, ElementType type, int declared) {
        if (t.dataType() != declared) {
            throw new IllegalArgumentException("input '" + name + "' is tensor(" + DataType.name(declared)
                    + "), the file holds tensor(" + DataType.name(t.dataType()) + ")");
        }
        Object data = type == ElementType.F32 ? t.toFloats() : t.data();
        if (!type.arrayClass().isInstance(data)) {
            throw new IllegalArgumentException("input '" + name + "' is " + type + ", the file holds "
                    + DataType.name(t.dataType()));
        }
        return data;
    }

    /** An f32 input as the model would see it after the declared type: rounded to float16 for a float16 input. */
    static float[] roundTo(float[] x, int declared) {
        if (declared != DataType.FLOAT16) {
            return x;
        }
        float[] r = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = Float16.toFloat(Float16.fromFloat(x[i]));
        }
        return r;
    }

    /**
     * An output array as a TensorProto of the declared type: f32 as float, float16 (rounded to nearest
     * even) or double; i32 as int32 or a narrower integer type, i64 as int64, uint32 or uint64, when every
     * value fits (IllegalArgumentException naming the first that does not).
     */
    static PbTensor output(String name, int[] shape, Object data, int declared) {
        long[] dims = new long[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape[i];
        }
        if (data instanceof float[] f) {
            return switch (declared) {
                case DataType.FLOAT16 -> {
                    short[] h = new short[f.length];
                    for (int i = 0; i < f.length; i++) {
                        h[i] = Float16.fromFloat(f[i]);
                    }
                    yield new PbTensor(name, declared, dims, h);
                }
                case DataType.DOUBLE -> {
                    double[] d = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        d[i] = f[i];
                    }
                    yield new PbTensor(name, declared, dims, d);
                }
                default -> new PbTensor(name, DataType.FLOAT, dims, f);
            };
        } else if (data instanceof int[] v) {
            int type = ElementType.I32.holds(declared) ? declared : DataType.INT32;
            long[] range = switch (type) {
                case DataType.INT8 -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
                case DataType.UINT8 -> new long[] {0, 0xff};
                case DataType.INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
                case DataType.UINT16 -> new long[] {0, 0xffff};
                default -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            };
            for (int x : v) {
                requireFits(name, x, range, type);
            }
            return new PbTensor(name, type, dims, v);
        } else if (data instanceof long[] v) {
            int type = ElementType.I64.holds(declared) ? declared : DataType.INT64;
            if (type == DataType.UINT32) {
                for (long x : v) {
                    requireFits(name, x, new long[] {0, 0xffffffffL}, type);
                }
            }
            return new PbTensor(name, type, dims, v);
        } else if (data instanceof boolean[] b) {
            return new PbTensor(name, DataType.BOOL, dims, b);
        }
        throw new IllegalStateException("output '" + name + "' is a " + data.getClass().getName());
    }

    private static void requireFits(String name, long x, long[] range, int type) {
        if (x < range[0] || x > range[1]) {
            throw new IllegalArgumentException("output '" + name + "': value " + x + " does not fit "
                    + DataType.name(type));
        }
    }
}
