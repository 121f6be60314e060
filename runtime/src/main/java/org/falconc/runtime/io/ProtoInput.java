package org.falconc.runtime.io;

import java.nio.charset.StandardCharsets;

/** A cursor over protobuf wire-format bytes: tags, varints, fixed-width values and length-delimited fields. */
final class ProtoInput {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] buf;
    private int pos;
    private final int limit;

    ProtoInput(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.limit = to;
    }

    boolean atEnd() {
        return pos >= limit;
    }

    int position() {
        return pos;
    }

    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = next();
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint at byte " + pos);
    }

    int readFixed32() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (next() & 0xff) << (8 * i);
        }
        return v;
    }

    long readFixed64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (next() & 0xff) << (8 * i);
        }
        return v;
    }

    /** Reads a length prefix and returns the end position of the payload (the cursor is at its start). */
    int readLengthEnd() {
        long len = readVarint();
        if (len < 0 || len > limit - pos) {
            throw new IllegalArgumentException("length " + len + " at byte " + pos + " runs past the end of the message");
        }
        return pos + (int) len;
    }

    String readString() {
        int end = readLengthEnd();
        String s = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
        pos = end;
        return s;
    }

    void seek(int position) {
        pos = position;
    }

    byte[] buffer() {
        return buf;
    }

    void skip(int wireType) {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> readFixed64();
            case LENGTH_DELIMITED -> pos = readLengthEnd();
            case FIXED32 -> readFixed32();
            default -> throw new IllegalArgumentException("unsupported wire type " + wireType + " at byte " + pos);
        }
    }

    private byte next() {
        if (pos >= limit) {
            throw new IllegalArgumentException("message truncated at byte " + pos);
        }
        return buf[pos++];
    }
}
