package org.falconc.interp.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/**
 * Reads an ONNX TensorProto (.pb) of the conformance test data: just enough protobuf decoding for
 * dims, data_type and raw_data / float_data / int32_data / int64_data, so the nn kernels can be
 * checked against the ONNX test cases without the importer.
 */
final class TensorProtoReader {
    private final ByteBuffer buf;

    private TensorProtoReader(byte[] bytes) {
        buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static Tensor read(Path file) throws IOException {
        return new TensorProtoReader(Files.readAllBytes(file)).tensor();
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = buf.get();
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    private Tensor tensor() {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        byte[] raw = null;
        List<Float> floats = new ArrayList<>();
        List<Long> ints = new ArrayList<>();
        while (buf.hasRemaining()) {
            long key = varint();
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (wire == 2) {
                int len = (int) varint();
                int end = buf.position() + len;
                switch (field) {
                    case 1, 5, 7 -> {
                        while (buf.position() < end) {
                            (field == 1 ? dims : ints).add(varint());
                        }
                    }
                    case 4 -> {
                        while (buf.position() < end) {
                            floats.add(buf.getFloat());
                        }
                    }
                    case 9 -> {
                        raw = new byte[len];
                        buf.get(raw);
                    }
                    default -> buf.position(end);
                }
            } else if (wire == 0) {
                long v = varint();
                switch (field) {
                    case 1 -> dims.add(v);
                    case 2 -> dataType = (int) v;
                    case 5, 7 -> ints.add(v);
                    default -> { }
                }
            } else if (wire == 5) {
                float f = buf.getFloat();
                if (field == 4) {
                    floats.add(f);
                }
            } else if (wire == 1) {
                buf.getLong();
            } else {
                throw new IllegalStateException("unsupported wire type " + wire);
            }
        }
        long[] d = dims.stream().mapToLong(Long::longValue).toArray();
        Shape shape = Shape.of(d);
        int n = shape.numElements();
        ByteBuffer rb = raw == null ? null : ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return switch (dataType) {
            case 1 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rb != null ? rb.getFloat() : floats.get(i);
                }
                yield Tensor.ofFloats(shape, v);
            }
            case 6 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rb != null ? rb.getInt() : (int) (long) ints.get(i);
                }
                yield Tensor.ofInts(shape, v);
            }
            case 7 -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = rb != null ? rb.getLong() : ints.get(i);
                }
                yield Tensor.ofLongs(shape, v);
            }
            default -> throw new IllegalStateException("unsupported TensorProto data_type " + dataType);
        };
    }
}
