package org.falconc.runtime.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes protobuf wire-format fields. */
final class ProtoOutput {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    void varint(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    void varintField(int field, long v) {
        tag(field, ProtoInput.VARINT);
        varint(v);
    }

    void bytesField(int field, byte[] bytes) {
        tag(field, ProtoInput.LENGTH_DELIMITED);
        varint(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    void stringField(int field, String s) {
        bytesField(field, s.getBytes(StandardCharsets.UTF_8));
    }

    /** A packed repeated varint field. */
    void packedVarints(int field, long[] values) {
        ProtoOutput payload = new ProtoOutput();
        for (long v : values) {
            payload.varint(v);
        }
        bytesField(field, payload.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
