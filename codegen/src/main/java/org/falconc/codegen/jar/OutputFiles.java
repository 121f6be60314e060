package org.falconc.codegen.jar;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.falconc.codegen.program.Program;
import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;

/** Writes output files so that a failure never leaves a partial file: a temporary file, then a rename. */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** What an output file holds, written to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code root/<package dirs>/<ClassName><suffix>}; returns the file. */
    public static Path write(Path root, Program program, String suffix, byte[] content) throws IOException {
        return write(root, program, suffix, out -> out.write(content));
    }

    /** As above, streaming {@code content} (weights files run to hundreds of MB). */
    public static Path write(Path root, Program program, String suffix, Content content) throws IOException {
        Path dir = root;
        if (!program.packageName().isEmpty()) {
            for (String part : program.packageName().split("\\.")) {
                dir = dir.resolve(part);
            }
        }
        Path file = dir.resolve(program.className() + suffix);
        writeAtomically(file, content);
        return file;
    }

    /** Writes {@code content} to a temporary file next to {@code file} and renames it into place. */
    public static void writeAtomically(Path file, Content content) throws IOException {
        requireReplaceable(file);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = temporaryFile(file);
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A fresh name next to {@code file} for its temporary twin. Not Files.createTempFile: that makes
     * the file owner-only (0600), and the rename would keep those permissions.
     */
    static Path temporaryFile(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + "."
                + ProcessHandle.current().pid() + ".tmp");
    }

    /**
     * Refuses to write over an existing path that is not a regular file: renaming over a directory, a
     * device such as /dev/null or a FIFO would destroy it (or fail half way).
     */
    public static void requireReplaceable(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            throw new FalconcException(ErrorKind.USER_INPUT,
                    file + " exists and is not a regular file; refusing to replace it");
        }
    }

    /** Renames {@code tmp} to {@code file}, atomically where the file system allows it. */
    static void moveIntoPlace(Path tmp, Path file) throws IOException {
        requireReplaceable(file);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
