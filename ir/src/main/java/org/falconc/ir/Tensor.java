package org.falconc.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A dense, row-major tensor value: constants in the IR and values in the reference interpreter.
 * The backing array matches the element type: {@code float[]} (f32), {@code long[]} (i64),
 * {@code int[]} (i32) or {@code boolean[]} (bool).
 *
 * <p>A tensor parsed from an elided textual dump has no data, only its type and content digest
 * ({@link #isElided()}); it can be printed again but not computed with.
 */
public final class Tensor {
    private final TensorType type;
    private final Object data;
    private final String elidedDigest;

    private Tensor(TensorType type, Object data, String elidedDigest) {
        this.type = type;
        this.data = data;
        this.elidedDigest = elidedDigest;
    }

    private static Tensor checked(DType dtype, Shape shape, Object data, int length) {
        if (length != shape.numElements()) {
            throw new IllegalArgumentException("tensor of shape " + shape + " needs " + shape.numElements()
                    + " elements, got " + length);
        }
        return new Tensor(new TensorType(dtype, shape), data, null);
    }

    public static Tensor ofFloats(Shape shape, float... data) {
        return checked(DType.F32, shape, data, data.length);
    }

    public static Tensor ofLongs(Shape shape, long... data) {
        return checked(DType.I64, shape, data, data.length);
    }

    public static Tensor ofInts(Shape shape, int... data) {
        return checked(DType.I32, shape, data, data.length);
    }

    public static Tensor ofBools(Shape shape, boolean... data) {
        return checked(DType.BOOL, shape, data, data.length);
    }

    public static Tensor scalar(float v) {
        return ofFloats(Shape.SCALAR, v);
    }

    public static Tensor scalar(long v) {
        return ofLongs(Shape.SCALAR, v);
    }

    /** A 1-D i64 tensor, the usual carrier of shapes, axes and pads. */
    public static Tensor vector(long... v) {
        return ofLongs(Shape.of(v.length), v);
    }

    /** A tensor of the given type filled with zeros (false for bool). */
    public static Tensor zeros(TensorType type) {
        int n = type.shape().numElements();
        Object data = switch (type.dtype()) {
            case F32 -> new float[n];
            case I64 -> new long[n];
            case I32 -> new int[n];
            case BOOL -> new boolean[n];
        };
        return new Tensor(type, data, null);
    }

    /** A placeholder for a constant whose data was left out of a textual dump. */
    public static Tensor elided(TensorType type, String digest) {
        return new Tensor(type, null, Objects.requireNonNull(digest, "digest"));
    }

    public TensorType type() {
        return type;
    }

    public DType dtype() {
        return type.dtype();
    }

    public Shape shape() {
        return type.shape();
    }

    public int numElements() {
        return type.shape().numElements();
    }

    public boolean isElided() {
        return data == null;
    }

    private Object data() {
        if (data == null) {
            throw new IllegalStateException("constant " + type + " #" + elidedDigest
                    + " was elided from a textual dump; its data is not available");
        }
        return data;
    }

    /** The backing array of an f32 tensor (not a copy). */
    public float[] floats() {
        if (type.dtype() != DType.F32) {
            throw new IllegalStateException("expected an f32 tensor, got " + type);
        }
        return (float[]) data();
    }

    /** The backing array of an i64 tensor (not a copy). */
    public long[] longs() {
        if (type.dtype() != DType.I64) {
            throw new IllegalStateException("expected an i64 tensor, got " + type);
        }
        return (long[]) data();
    }

    /** The backing array of an i32 tensor (not a copy). */
    public int[] ints() {
        if (type.dtype() != DType.I32) {
            throw new IllegalStateException("expected an i32 tensor, got " + type);
        }
        return (int[]) data();
    }

    /** The backing array of a bool tensor (not a copy). */
    public boolean[] bools() {
        if (type.dtype() != DType.BOOL) {
            throw new IllegalStateException("expected a bool tensor, got " + type);
        }
        return (boolean[]) data();
    }

    /** Element {@code i} (flat index) as a double, whatever the element type. */
    public double getDouble(int i) {
        Object d = data();
        return switch (type.dtype()) {
            case F32 -> ((float[]) d)[i];
            case I64 -> ((long[]) d)[i];
            case I32 -> ((int[]) d)[i];
            case BOOL -> ((boolean[]) d)[i] ? 1 : 0;
        };
    }

    /** Element {@code i} (flat index) as a long; floats are truncated toward zero. */
    public long getLong(int i) {
        Object d = data();
        return switch (type.dtype()) {
            case F32 -> (long) ((float[]) d)[i];
            case I64 -> ((long[]) d)[i];
            case I32 -> ((int[]) d)[i];
            case BOOL -> ((boolean[]) d)[i] ? 1 : 0;
        };
    }

    /** All elements as longs (for integer tensors holding shapes, axes, pads). */
    public long[] toLongArray() {
        long[] out = new long[numElements()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** The same data under another shape with the same element count (shares the array). */
    public Tensor reshape(Shape shape) {
        if (shape.numElements() != numElements()) {
            throw new IllegalArgumentException("cannot reshape " + type + " to " + shape);
        }
        return new Tensor(new TensorType(type.dtype(), shape), data, elidedDigest);
    }

    /** Little-endian bytes of the data, as ONNX raw_data stores them. */
    public byte[] toBytes() {
        Object d = data();
        int n = numElements();
        ByteBuffer buf = ByteBuffer.allocate(n * type.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (type.dtype()) {
            case F32 -> buf.asFloatBuffer().put((float[]) d);
            case I64 -> buf.asLongBuffer().put((long[]) d);
            case I32 -> buf.asIntBuffer().put((int[]) d);
            case BOOL -> {
                for (boolean b : (boolean[]) d) {
                    buf.put((byte) (b ? 1 : 0));
                }
            }
        }
        return buf.array();
    }

    /**
     * Content digest: the first 16 hex digits of SHA-256 over the type and the little-endian data.
     * Stable across runs, so elided dumps can be compared.
     */
    public String digest() {
        if (data == null) {
            return elidedDigest;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(type.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(toBytes());
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is always present", e);
        }
    }

    /** Same type and same elements (NaNs equal, bitwise for floats). Elided tensors compare by digest. */
    public boolean contentEquals(Tensor other) {
        if (!type.equals(other.type)) {
            return false;
        }
        if (data == null || other.data == null) {
            return digest().equals(other.digest());
        }
        return switch (type.dtype()) {
            case F32 -> Arrays.equals((float[]) data, (float[]) other.data);
            case I64 -> Arrays.equals((long[]) data, (long[]) other.data);
            case I32 -> Arrays.equals((int[]) data, (int[]) other.data);
            case BOOL -> Arrays.equals((boolean[]) data, (boolean[]) other.data);
        };
    }

    @Override
    public String toString() {
        return "Tensor" + type + (data == null ? " #" + elidedDigest : "");
    }
}
