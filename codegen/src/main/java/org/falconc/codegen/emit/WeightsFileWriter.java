package org.falconc.codegen.emit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.CRC32;
import org.falconc.codegen.program.WeightTensor;
import org.falconc.ir.Tensor;
import org.falconc.runtime.model.WeightsFile;

/**
 * Writes a program's weights in the format {@link WeightsFile} reads, streaming through a small
 * buffer: weights run to hundreds of MB, so no whole-file byte array is ever built.
 */
public final class WeightsFileWriter {
    /** Bytes converted per write (multiple of 8, so every element type splits evenly). */
    private static final int CHUNK = 1 << 16;

    private WeightsFileWriter() {
    }

    /** The size in bytes of the file {@link #write} produces. */
    public static long size(List<WeightTensor> weights) {
        long size = WeightsFile.HEADER_BYTES + (long) weights.size() * WeightsFile.ENTRY_BYTES;
        for (WeightTensor w : weights) {
            size = align8(size) + dataBytes(w.data());
        }
        return size;
    }

    /** CRC-32 of the file {@link #write} produces (a stored zip entry needs it before its data). */
    public static long crc32(List<WeightTensor> weights) {
        CRC32 crc = new CRC32();
        try {
            write(weights, new OutputStream() {
                @Override
                public void write(int b) {
                    crc.update(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    crc.update(b, off, len);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the stream above never throws
        }
        return crc.getValue();
    }

    public static void write(List<WeightTensor> weights, OutputStream out) throws IOException {
        checkSize(weights);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        long pos = WeightsFile.HEADER_BYTES + (long) weights.size() * WeightsFile.ENTRY_BYTES;
        buf.put(WeightsFile.MAGIC).putInt(weights.size());
        for (WeightTensor w : weights) {
            Tensor t = w.data();
            pos = align8(pos);
            if (buf.remaining() < WeightsFile.ENTRY_BYTES) {
                flush(buf, out);
            }
            buf.putInt(typeCode(t)).putInt(t.numElements()).putLong(pos);
            pos += dataBytes(t);
        }
        long written = WeightsFile.HEADER_BYTES + (long) weights.size() * WeightsFile.ENTRY_BYTES;
        for (WeightTensor w : weights) {
            Tensor t = w.data();
            for (long pad = align8(written) - written; pad > 0; pad--, written++) {
                if (!buf.hasRemaining()) {
                    flush(buf, out);
                }
                buf.put((byte) 0);
            }
            writeData(t, buf, out);
            written += dataBytes(t);
        }
        flush(buf, out);
    }

    /** Little-endian elements (bools one byte each), converted a chunk at a time. */
    private static void writeData(Tensor t, ByteBuffer buf, OutputStream out) throws IOException {
        int n = t.numElements();
        int size = t.dtype().byteSize();
        for (int i = 0; i < n; ) {
            if (buf.remaining() < size) {
                flush(buf, out);
            }
            int count = Math.min(n - i, buf.remaining() / size);
            int at = buf.position();
            switch (t.dtype()) {
                case F32 -> buf.asFloatBuffer().put(t.floats(), i, count);
                case I64 -> buf.asLongBuffer().put(t.longs(), i, count);
                case I32 -> buf.asIntBuffer().put(t.ints(), i, count);
                case BOOL -> {
                    boolean[] b = t.bools();
                    for (int j = 0; j < count; j++) {
                        buf.put(at + j, (byte) (b[i + j] ? 1 : 0));
                    }
                }
            }
            buf.position(at + count * size);
            i += count;
        }
    }

    private static void flush(ByteBuffer buf, OutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    private static void checkSize(List<WeightTensor> weights) {
        long size = size(weights);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the weights take " + size + " bytes, more than one resource can hold (2 GB)");
        }
    }

    private static long dataBytes(Tensor t) {
        return (long) t.numElements() * t.dtype().byteSize();
    }

    private static int typeCode(Tensor t) {
        return switch (t.dtype()) {
            case F32 -> WeightsFile.F32;
            case I64 -> WeightsFile.I64;
            case I32 -> WeightsFile.I32;
            case BOOL -> WeightsFile.BOOL;
        };
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }
}
