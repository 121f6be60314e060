package org.falconc.compiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Checks on where a command writes, made before any work so a bad path never costs a compile. */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** Refuses an output that is the model itself: writing it would destroy the input. */
    public static void requireNotModel(Path output, Path model) {
        boolean same = output.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize());
        if (!same && Files.exists(output) && Files.exists(model)) {
            try {
                same = Files.isSameFile(output, model);
            } catch (IOException e) {
                same = false; // cannot tell; the write itself reports a real problem
            }
        }
        if (same) {
            throw new UserException("-o " + output + " is the model file itself; choose another output");
        }
    }

    /** Refuses an existing path that is not a regular file (a directory, a device, a FIFO) as a file to write. */
    public static void requireReplaceableFile(Path file, String option) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            throw new UserException(option + " " + file + " exists and is not a regular file; refusing to replace it");
        }
    }

    /** Refuses an empty path or an existing non-directory where a directory is to be written. */
    public static void requireDirectory(Path dir, String option) {
        if (dir.toString().isEmpty()) {
            throw new UserException(option + " must not be empty");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException(option + " " + dir + " exists and is not a directory");
        }
    }
}
