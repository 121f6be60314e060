package org.falconc.runtime.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The constants of a compiled model, read from the {@code <SimpleName>.weights} resource that sits
 * next to the generated class. Format (all numbers little-endian):
 *
 * <pre>
 *   magic    8 bytes  "FALCONW1"
 *   count    int32    number of tensors
 *   entries  count x { int32 type (0 f32, 1 i64, 2 i32, 3 bool), int32 elements, int64 data offset }
 *   data     each tensor's elements at its offset (from the start of the file), 8-byte aligned;
 *            bool elements are one byte each (0 or 1)
 * </pre>
 *
 * The compiler writes it ({@code org.falconc.codegen.emit.WeightsFileWriter}); tensors are referred
 * to by index.
 */
public final class WeightsFile {
    public static final byte[] MAGIC = "FALCONW1".getBytes(StandardCharsets.US_ASCII);
    public static final int F32 = 0;
    public static final int I64 = 1;
    public static final int I32 = 2;
    public static final int BOOL = 3;
    /** Bytes of one table entry. */
    public static final int ENTRY_BYTES = 16;
    /** Bytes before the table: magic and count. */
    public static final int HEADER_BYTES = MAGIC.length + 4;

    private final String source;
    private final ByteBuffer bytes;
    private final int count;

    private WeightsFile(String source, byte[] data) {
        this.source = source;
        this.bytes = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < HEADER_BYTES) {
            throw corrupt("it is shorter than the header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (data[i] != MAGIC[i]) {
                throw corrupt("it does not start with FALCONW1");
            }
        }
        this.count = bytes.getInt(MAGIC.length);
        if (count < 0 || HEADER_BYTES + (long) count * ENTRY_BYTES > data.length) {
            throw corrupt("its table of " + count + " tensors does not fit");
        }
    }

    /** Parses weights held in memory ({@code source} names them in errors). */
    public static WeightsFile of(String source, byte[] data) {
        return new WeightsFile(source, data);
    }

    /** Reads resource {@code name} relative to {@code owner}'s package. */
    public static WeightsFile load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("weights resource '" + name + "' of " + owner.getName()
                        + " is missing; it must be next to the class (same package)");
            }
            return new WeightsFile(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read weights resource '" + name + "' of " + owner.getName(), e);
        }
    }

    public int count() {
        return count;
    }

    /** The element type code of tensor {@code index}. */
    public int type(int index) {
        return bytes.getInt(entry(index));
    }

    public int length(int index) {
        return bytes.getInt(entry(index) + 4);
    }

    public float[] floats(int index) {
        ByteBuffer b = data(index, F32, 4);
        float[] out = new float[length(index)];
        b.asFloatBuffer().get(out);
        return out;
    }

    public long[] longs(int index) {
        ByteBuffer b = data(index, I64, 8);
        long[] out = new long[length(index)];
        b.asLongBuffer().get(out);
        return out;
    }

    public int[] ints(int index) {
        ByteBuffer b = data(index, I32, 4);
        int[] out = new int[length(index)];
        b.asIntBuffer().get(out);
        return out;
    }

    public boolean[] bools(int index) {
        ByteBuffer b = data(index, BOOL, 1);
        boolean[] out = new boolean[length(index)];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i) != 0;
        }
        return out;
    }

    private int entry(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("tensor " + index + " of " + source + ", which has " + count);
        }
        return HEADER_BYTES + index * ENTRY_BYTES;
    }

    private ByteBuffer data(int index, int type, int elementBytes) {
        int e = entry(index);
        if (bytes.getInt(e) != type) {
            throw corrupt("tensor " + index + " has type code " + bytes.getInt(e) + ", expected " + type);
        }
        long length = bytes.getInt(e + 4);
        long offset = bytes.getLong(e + 8);
        if (length < 0 || offset < 0 || offset + length * elementBytes > bytes.capacity()) {
            throw corrupt("tensor " + index + " lies outside the file");
        }
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) offset)
                .limit((int) (offset + length * elementBytes)).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private IllegalStateException corrupt(String why) {
        return new IllegalStateException("weights " + source + " are corrupt: " + why);
    }
}
