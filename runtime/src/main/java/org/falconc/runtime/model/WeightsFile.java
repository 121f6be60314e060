package org.falconc.runtime.model;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
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
 *   data     each tensor's elements at its offset (from the start of the file), 8-byte aligned,
 *            in table order; bool elements are one byte each (0 or 1)
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

    /** Bytes converted per read; small, so loading never stages the file in one big buffer. */
    private static final int CHUNK = 1 << 16;

    private final String source;
    private final int[] types;
    /** Each tensor as its typed array ({@code float[]}, {@code long[]}, {@code int[]}, {@code boolean[]}). */
    private final Object[] arrays;

    /**
     * Reads the whole file from {@code in} in one pass, straight into one array per tensor: the only
     * copy of the weights the model keeps, and no intermediate byte array as large as the file.
     */
    private WeightsFile(String source, InputStream in) throws IOException {
        this.source = source;
        byte[] chunk = new byte[CHUNK];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        if (in.readNBytes(chunk, 0, HEADER_BYTES) < HEADER_BYTES) {
            throw corrupt("it is shorter than the header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (chunk[i] != MAGIC[i]) {
                throw corrupt("it does not start with FALCONW1");
            }
        }
        int count = buf.getInt(MAGIC.length);
        if (count < 0 || count > Integer.MAX_VALUE / ENTRY_BYTES) {
            throw corrupt("its table of " + count + " tensors does not fit");
        }
        byte[] table = in.readNBytes(count * ENTRY_BYTES);
        if (table.length < count * ENTRY_BYTES) {
            throw corrupt("its table of " + count + " tensors does not fit");
        }
        ByteBuffer t = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
        this.types = new int[count];
        this.arrays = new Object[count];
        long position = HEADER_BYTES + (long) count * ENTRY_BYTES;
        for (int i = 0; i < count; i++) {
            int type = t.getInt(i * ENTRY_BYTES);
            int length = t.getInt(i * ENTRY_BYTES + 4);
            long offset = t.getLong(i * ENTRY_BYTES + 8);
            if (length < 0 || offset < position) {
                throw corrupt("tensor " + i + " overlaps the one before it or has a negative length");
            }
            in.skipNBytes(offset - position);
            types[i] = type;
            arrays[i] = read(in, type, length, i, buf);
            position = offset + (long) length * elementBytes(type, i);
        }
    }

    /** One tensor's elements, converted a chunk at a time. */
    private Object read(InputStream in, int type, int length, int index, ByteBuffer buf) throws IOException {
        int size = elementBytes(type, index);
        Object array = switch (type) {
            case F32 -> new float[length];
            case I64 -> new long[length];
            case I32 -> new int[length];
            default -> new boolean[length];
        };
        byte[] chunk = buf.array();
        for (int i = 0; i < length; ) {
            int count = Math.min(length - i, CHUNK / size);
            int bytes = count * size;
            if (in.readNBytes(chunk, 0, bytes) < bytes) {
                throw corrupt("tensor " + index + " lies outside the file");
            }
            buf.clear().limit(bytes);
            switch (type) {
                case F32 -> buf.asFloatBuffer().get((float[]) array, i, count);
                case I64 -> buf.asLongBuffer().get((long[]) array, i, count);
                case I32 -> buf.asIntBuffer().get((int[]) array, i, count);
                default -> {
                    boolean[] b = (boolean[]) array;
                    for (int j = 0; j < count; j++) {
                        b[i + j] = chunk[j] != 0;
                    }
                }
            }
            i += count;
        }
        return array;
    }

    /** Parses weights held in memory ({@code source} names them in errors). */
    public static WeightsFile of(String source, byte[] data) {
        try {
            return new WeightsFile(source, new ByteArrayInputStream(data));
        } catch (EOFException e) {
            throw new IllegalStateException("weights " + source + " are corrupt: they end early", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
    }

    /** Reads resource {@code name} relative to {@code owner}'s package. */
    public static WeightsFile load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("weights resource '" + name + "' of " + owner.getName()
                        + " is missing; it must be next to the class (same package)");
            }
            return new WeightsFile(name, in);
        } catch (EOFException e) {
            throw new IllegalStateException("weights " + name + " of " + owner.getName() + " are corrupt: they end early", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read weights resource '" + name + "' of " + owner.getName(), e);
        }
    }

    public int count() {
        return types.length;
    }

    /** The element type code of tensor {@code index}. */
    public int type(int index) {
        check(index);
        return types[index];
    }

    public int length(int index) {
        return java.lang.reflect.Array.getLength(arrays[check(index)]);
    }

    /** Tensor {@code index} as read (not a copy: the weights file hands its arrays over). */
    public float[] floats(int index) {
        return (float[]) data(index, F32);
    }

    public long[] longs(int index) {
        return (long[]) data(index, I64);
    }

    public int[] ints(int index) {
        return (int[]) data(index, I32);
    }

    public boolean[] bools(int index) {
        return (boolean[]) data(index, BOOL);
    }

    private int check(int index) {
        if (index < 0 || index >= types.length) {
            throw new IndexOutOfBoundsException("tensor " + index + " of " + source + ", which has " + types.length);
        }
        return index;
    }

    private Object data(int index, int type) {
        if (types[check(index)] != type) {
            throw corrupt("tensor " + index + " has type code " + types[index] + ", expected " + type);
        }
        return arrays[index];
    }

    private int elementBytes(int type, int index) {
        return switch (type) {
            case F32, I32 -> 4;
            case I64 -> 8;
            case BOOL -> 1;
            default -> throw corrupt("tensor " + index + " has unknown type code " + type);
        };
    }

    private IllegalStateException corrupt(String why) {
        return new IllegalStateException("weights " + source + " are corrupt: " + why);
    }
}
