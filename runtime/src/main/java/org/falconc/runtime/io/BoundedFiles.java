package org.falconc.runtime.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads whole files with a size limit, streamed: a file whose size the file system does not report
 * ({@code /dev/zero}, a FIFO) is read only up to the limit, never into an out-of-memory error.
 */
public final class BoundedFiles {
    /** The largest tensor file read: a Java array holds at most 2^31 - 1 bytes, and the heap should hold it twice. */
    public static final long MAX_TENSOR_FILE_BYTES = Math.min((1L << 31) - 64, Runtime.getRuntime().maxMemory() / 3);

    private BoundedFiles() {
    }

    /** The file's bytes; an IOException naming the file and the limit when it holds more than {@code limit}. */
    public static byte[] readAll(Path file, long limit) throws IOException {
        return readAll(file, limit, "a tensor file");
    }

    /** As above, naming what kind of file has the limit ({@code "a labels file"}) in the message. */
    public static byte[] readAll(Path file, long limit, String what) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > limit) {
            throw tooLarge(file, limit, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge(file, limit, what);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static IOException tooLarge(Path file, long limit, String what) {
        return new IOException(file + " is larger than " + limit + " bytes, the limit for " + what);
    }
}
