package org.falconc.frontend;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.ir.Tensor;

/**
 * ONNX TensorProto files (.pb), as in the ONNX test data: {@code input_0.pb}, {@code output_0.pb}.
 * Reading maps element types as the importer does (float16/double to f32, narrow integers to i32,
 * unsigned 32/64-bit to i64); writing converts to the ONNX element type asked for.
 */
public final class TensorFiles {
    /** The largest tensor file read: one Java array holds at most 2^31 - 1 bytes, and the heap should hold it twice. */
    public static final long MAX_FILE_BYTES = Math.min((1L << 31) - 64, Runtime.getRuntime().maxMemory() / 3);

    private TensorFiles() {
    }

    /** Reads a TensorProto file; external data is looked up next to it. */
    public static NamedTensor read(Path file) {
        byte[] bytes;
        try {
            bytes = readBounded(file);
        } catch (NoSuchFileException e) {
            throw new FrontendException("tensor file '" + file + "' not found");
        } catch (IOException e) {
            throw new FrontendException("cannot read tensor file '" + file + "': " + e.getMessage(), e);
        }
        return parse(bytes, file.toAbsolutePath().getParent(), file.getFileName().toString());
    }

    /**
     * The file's bytes, read streamed and only up to {@link #MAX_FILE_BYTES}: a huge or endless file
     * ({@code /dev/zero}) is refused by name instead of exhausting the heap.
     */
    private static byte[] readBounded(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
            throw tooLarge(file);
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_FILE_BYTES) {
                    throw tooLarge(file);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static FrontendException tooLarge(Path file) {
        return new FrontendException("tensor file '" + file + "' is larger than " + MAX_FILE_BYTES
                + " bytes, the limit for a tensor file");
    }

    /** The ONNX element type stored in a TensorProto file (e.g. 10 for float16), before any conversion. */
    public static int elemType(Path file) {
        try {
            return parseProto(readBounded(file), file.getFileName().toString()).getDataType();
        } catch (IOException e) {
            throw new FrontendException("cannot read tensor file '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * Decodes a serialized TensorProto.
     *
     * @param baseDir where external data would be; null if none
     * @param source  names the data in errors (e.g. a file name)
     */
    public static NamedTensor parse(byte[] bytes, Path baseDir, String source) {
        TensorProto proto = parseProto(bytes, source);
        String what = "tensor '" + (proto.getName().isEmpty() ? source : proto.getName()) + "'";
        Tensor t = new TensorDecoder(new ExternalData(baseDir)).decode(proto, what);
        return new NamedTensor(proto.getName(), t, proto.getDataType());
    }

    /**
     * Writes {@code tensor} as a TensorProto named {@code name} with ONNX element type {@code elemType}: to a
     * temporary file next to {@code file}, then renamed, so a failure never leaves a half-written file.
     */
    public static void write(Path file, String name, Tensor tensor, int elemType) {
        byte[] bytes = toBytes(name, tensor, elemType);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new FrontendException("cannot write tensor file '" + file + "': " + e.getMessage(), e);
        }
    }

    /** The serialized TensorProto that {@link #write} stores. */
    public static byte[] toBytes(String name, Tensor tensor, int elemType) {
        return TensorEncoder.encode(name, tensor, elemType).toByteArray();
    }

    private static TensorProto parseProto(byte[] bytes, String source) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setSizeLimit(Integer.MAX_VALUE);
            return TensorProto.parseFrom(in);
        } catch (IOException e) {
            throw new FrontendException("not an ONNX tensor file: " + source + ": " + e.getMessage(), e);
        }
    }
}
