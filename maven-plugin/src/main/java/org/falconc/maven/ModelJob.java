package org.falconc.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.falconc.passes.SparsityMode;

/**
 * One model to compile with its settings resolved (the model's own over the global ones).
 *
 * @param relative    the model's path below the source directory
 * @param file        the model file
 * @param className   the qualified class to generate
 * @param inputShapes {@code NAME=1x3x224x224} each
 * @param calibration calibration inputs, or null
 * @param preprocess  photo preset, or null
 * @param labels      class labels file, or null
 */
record ModelJob(Path relative, Path file, String className, List<String> inputShapes, SparsityMode sparsity,
                Path calibration, double maxDrop, String preprocess, Path labels) {
    ModelJob {
        inputShapes = List.copyOf(inputShapes);
    }

    /** The model's path below the source directory with {@code /}. */
    String name() {
        return Naming.display(relative);
    }

    /**
     * SHA-256 of everything the generated files depend on: the falconc version, the settings, the output
     * directory, the model's bytes and, with calibration, the names and bytes of the calibration files.
     */
    String fingerprint(String falconcVersion, Path outputDirectory) throws IOException {
        MessageDigest md = sha256();
        text(md, "falconc " + falconcVersion);
        text(md, "output " + outputDirectory.toAbsolutePath().normalize());
        text(md, "class " + className);
        text(md, "input-shapes " + String.join(" ", inputShapes));
        text(md, "sparsity " + sparsity);
        text(md, "max-drop " + maxDrop);
        text(md, "preprocess " + preprocess);
        text(md, "model");
        bytes(md, file);
        if (labels != null) {
            text(md, "labels " + labels.toAbsolutePath().normalize());
            if (Files.isRegularFile(labels)) {
                bytes(md, labels);
            }
        }
        if (calibration != null) {
            text(md, "calibration " + calibration.toAbsolutePath().normalize());
            if (Files.isDirectory(calibration)) {
                // The compiler reads the directory's own files (not sub-folders), in name order.
                List<Path> files;
                try (Stream<Path> s = Files.list(calibration)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    text(md, "file " + f.getFileName());
                    bytes(md, f);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void text(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static void bytes(MessageDigest md, Path f) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                total += n;
            }
        }
        text(md, "length " + total);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
