package org.falconc.runtime.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of files into one directory all together or not at all: every file goes to a
 * temporary folder inside the directory first, and only when all are written are they renamed into
 * place. A model whose second output cannot be written leaves neither output behind, and an existing
 * path that is not a regular file (a directory, a device, a FIFO) is refused before anything is written.
 */
public final class AtomicOutputs {
    private AtomicOutputs() {
    }

    /** Writes {@code files} (file name to content) into {@code dir}, creating it; returns the paths written. */
    public static List<Path> write(Path dir, Map<String, byte[]> files) throws IOException {
        if (dir.toString().isEmpty()) {
            throw new IOException("the output directory must not be empty");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a directory");
        }
        List<Path> targets = new ArrayList<>();
        for (String name : files.keySet()) {
            Path target = dir.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target)) {
                throw new IOException(target + " exists and is not a regular file; refusing to replace it");
            }
            targets.add(target);
        }
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, ".falconc-outputs-");
        List<Path> moved = new ArrayList<>();
        try {
            int i = 0;
            for (byte[] content : files.values()) {
                Files.write(staging.resolve(targets.get(i++).getFileName()), content);
            }
            for (Path target : targets) {
                move(staging.resolve(target.getFileName()), target);
                moved.add(target);
            }
            return targets;
        } catch (IOException | RuntimeException e) {
            for (Path p : moved) {
                Files.deleteIfExists(p); // undo: none or all
            }
            throw e;
        } finally {
            deleteTree(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
