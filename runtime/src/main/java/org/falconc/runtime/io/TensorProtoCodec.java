package org.falconc.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes ONNX TensorProto messages (.pb files) without protobuf-java. Fields: dims (1,
 * packed or not), data_type (2), float_data (4), int32_data (5, also the carrier of int8/uint8/
 * int16/uint16/bool/float16 values), int64_data (7), name (8), raw_data (9, little-endian),
 * double_data (10), uint64_data (11); others are skipped, external data is rejected. Writing always
 * uses raw_data.
 */
public final class TensorProtoCodec {
    private static final int DIMS = 1;
    private static final int DATA_TYPE = 2;
    private static final int FLOAT_DATA = 4;
    private static final int INT32_DATA = 5;
    private static final int INT64_DATA = 7;
    private static final int NAME = 8;
    private static final int RAW_DATA = 9;
    private static final int DOUBLE_DATA = 10;
    private static final int UINT64_DATA = 11;
    private static final int DATA_LOCATION = 14;

    private TensorProtoCodec() {
    }

    public static PbTensor read(Path file) throws IOException {
        try {
            return read(BoundedFiles.readAll(file, BoundedFiles.MAX_TENSOR_FILE_BYTES));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static void write(PbTensor t, Path file) throws IOException {
        Files.write(file, write(t));
    }

    public static PbTensor read(byte[] bytes) {
        ProtoInput in = new ProtoInput(bytes, 0, bytes.length);
        LongList dims = new LongList();
        int dataType = 0;
        String name = "";
        int rawFrom = -1;
        int rawTo = -1;
        LongList ints = new LongList(); // int32_data, int64_data, uint64_data
        LongList floats = new LongList(); // float_data as bits
        LongList doubles = new LongList(); // double_data as bits
        while (!in.atEnd()) {
            long tag = in.readVarint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            switch (field) {
                case DIMS -> readRepeated(in, wire, ProtoInput.VARINT, dims);
                case DATA_TYPE -> dataType = (int) in.readVarint();
                case FLOAT_DATA -> readRepeated(in, wire, ProtoInput.FIXED32, floats);
                case INT32_DATA, INT64_DATA, UINT64_DATA -> readRepeated(in, wire, ProtoInput.VARINT, ints);
                case DOUBLE_DATA -> readRepeated(in, wire, ProtoInput.FIXED64, doubles);
                case NAME -> name = in.readString();
                case RAW_DATA -> {
                    rawTo = in.readLengthEnd();
                    rawFrom = in.position();
                    in.seek(rawTo);
                }
                case DATA_LOCATION -> {
                    if (in.readVarint() != 0) {
                        throw new IllegalArgumentException("tensor '" + name + "' uses external data, which is not supported");
                    }
                }
                default -> in.skip(wire);
            }
        }
        long volume = 1;
        for (int i = 0; i < dims.size; i++) {
            long d = dims.values[i];
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has a negative dimension " + d);
            }
            // Saturate rather than overflow: any volume past an array's size is refused below.
            volume = d != 0 && volume > Long.MAX_VALUE / d ? Long.MAX_VALUE : volume * d;
        }
        if (volume > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor '" + name + "' has dims " + java.util.Arrays.toString(dims.toArray())
                    + ": too many elements for one array");
        }
        int n = (int) volume;
        Object data = DataType.newArray(dataType, n);
        if (rawFrom >= 0) {
            int expected = n * DataType.byteSize(dataType);
            if (rawTo - rawFrom != expected) {
                throw new IllegalArgumentException("tensor '" + name + "': raw_data has " + (rawTo - rawFrom)
                        + " bytes, expected " + expected);
            }
            decodeRaw(ByteBuffer.wrap(bytes, rawFrom, expected).order(ByteOrder.LITTLE_ENDIAN), dataType, data, n);
        } else {
            LongList source = dataType == DataType.FLOAT ? floats : dataType == DataType.DOUBLE ? doubles : ints;
            if (source.size != n) {
                throw new IllegalArgumentException("tensor '" + name + "' has " + source.size + " values, dims say " + n);
            }
            decodeTyped(source.values, dataType, data, n);
        }
        return new PbTensor(name, dataType, dims.toArray(), data);
    }

    public static byte[] write(PbTensor t) {
        ProtoOutput out = new ProtoOutput();
        // dims unpacked, as onnx.proto (proto2) and so ONNX Runtime and falconc's frontend write them: the same
        // tensor gives the same bytes whichever of them wrote it.
        for (long d : t.dims()) {
            out.varintField(DIMS, d);
        }
        out.varintField(DATA_TYPE, t.dataType());
        if (!t.name().isEmpty()) {
            out.stringField(NAME, t.name());
        }
        int n = t.numElements();
        ByteBuffer raw = ByteBuffer.allocate(n * DataType.byteSize(t.dataType())).order(ByteOrder.LITTLE_ENDIAN);
        encodeRaw(raw, t.dataType(), t.data(), n);
        out.bytesField(RAW_DATA, raw.array());
        return out.toByteArray();
    }

    private static void readRepeated(ProtoInput in, int wire, int elementWire, LongList into) {
        if (wire == ProtoInput.LENGTH_DELIMITED) {
            int end = in.readLengthEnd();
            while (in.position() < end) {
                into.add(readOne(in, elementWire));
            }
            if (in.position() != end) {
                throw new IllegalArgumentException("packed field overruns its length");
            }
        } else if (wire == elementWire) {
            into.add(readOne(in, elementWire));
        } else {
            throw new IllegalArgumentException("unexpected wire type " + wire + " for a repeated field");
        }
    }

    private static long readOne(ProtoInput in, int wire) {
        return switch (wire) {
            case ProtoInput.VARINT -> in.readVarint();
            case ProtoInput.FIXED32 -> in.readFixed32() & 0xffffffffL;
            default -> in.readFixed64();
        };
    }

    private static void decodeRaw(ByteBuffer b, int dataType, Object data, int n) {
        for (int i = 0; i < n; i++) {
            switch (dataType) {
                case DataType.FLOAT -> ((float[]) data)[i] = b.getFloat();
                case DataType.DOUBLE -> ((double[]) data)[i] = b.getDouble();
                case DataType.INT64, DataType.UINT64 -> ((long[]) data)[i] = b.getLong();
                case DataType.UINT32 -> ((long[]) data)[i] = b.getInt() & 0xffffffffL;
                case DataType.INT32 -> ((int[]) data)[i] = b.getInt();
                case DataType.INT16 -> ((int[]) data)[i] = b.getShort();
                case DataType.UINT16 -> ((int[]) data)[i] = b.getShort() & 0xffff;
                case DataType.INT8 -> ((int[]) data)[i] = b.get();
                case DataType.UINT8 -> ((int[]) data)[i] = b.get() & 0xff;
                case DataType.BOOL -> ((boolean[]) data)[i] = b.get() != 0;
                case DataType.FLOAT16 -> ((short[]) data)[i] = b.getShort();
                default -> throw new IllegalArgumentException("unsupported data_type " + dataType);
            }
        }
    }

    /** From the typed repeated fields: float_data/double_data as bit patterns, the rest as varint values. */
    private static void decodeTyped(long[] v, int dataType, Object data, int n) {
        for (int i = 0; i < n; i++) {
            switch (dataType) {
                case DataType.FLOAT -> ((float[]) data)[i] = Float.intBitsToFloat((int) v[i]);
                case DataType.DOUBLE -> ((double[]) data)[i] = Double.longBitsToDouble(v[i]);
                case DataType.INT64, DataType.UINT64, DataType.UINT32 -> ((long[]) data)[i] = v[i];
                case DataType.INT32, DataType.INT16, DataType.INT8 -> ((int[]) data)[i] = (int) v[i];
                case DataType.UINT16 -> ((int[]) data)[i] = (int) (v[i] & 0xffff);
                case DataType.UINT8 -> ((int[]) data)[i] = (int) (v[i] & 0xff);
                case DataType.BOOL -> ((boolean[]) data)[i] = v[i] != 0;
                case DataType.FLOAT16 -> ((short[]) data)[i] = (short) v[i];
                default -> throw new IllegalArgumentException("unsupported data_type " + dataType);
            }
        }
    }

    private static void encodeRaw(ByteBuffer b, int dataType, Object data, int n) {
        for (int i = 0; i < n; i++) {
            switch (dataType) {
                case DataType.FLOAT -> b.putFloat(((float[]) data)[i]);
                case DataType.DOUBLE -> b.putDouble(((double[]) data)[i]);
                case DataType.INT64, DataType.UINT64 -> b.putLong(((long[]) data)[i]);
                case DataType.UINT32 -> b.putInt((int) ((long[]) data)[i]);
                case DataType.INT32 -> b.putInt(((int[]) data)[i]);
                case DataType.INT16, DataType.UINT16 -> b.putShort((short) ((int[]) data)[i]);
                case DataType.INT8, DataType.UINT8 -> b.put((byte) ((int[]) data)[i]);
                case DataType.BOOL -> b.put((byte) (((boolean[]) data)[i] ? 1 : 0));
                case DataType.FLOAT16 -> b.putShort(((short[]) data)[i]);
                default -> throw new IllegalArgumentException("unsupported data_type " + dataType);
            }
        }
    }

    /** A growable long array (values of repeated fields before the element type is known). */
    private static final class LongList {
        long[] values = new long[8];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
