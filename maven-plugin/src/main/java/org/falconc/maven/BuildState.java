package org.falconc.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What the last compilation of one model wrote, kept in a small properties file per model under
 * {@code target/falconc-state} (mirroring the model's path below the source directory, plus
 * {@code .state}): the fingerprint of the model's bytes and settings ({@link ModelJob#fingerprint}) and
 * the files generated.
 *
 * <p>A model is up to date when its state file exists, the fingerprint is the same, every generated file
 * is still there and none is older than the model file. {@code mvn clean} removes the state with the
 * outputs, so the next build compiles everything.
 */
record BuildState(String model, String fingerprint, String className, List<Path> files) {
    static final String SUFFIX = ".state";

    BuildState {
        files = List.copyOf(files);
    }

    /** The state file of the model at {@code relative} below the source directory. */
    static Path fileFor(Path stateDirectory, Path relative) {
        return stateDirectory.resolve(Naming.display(relative) + SUFFIX);
    }

    /** Whether the outputs of {@code job} recorded here can be kept as they are. */
    boolean upToDate(String currentFingerprint, Path modelFile) throws IOException {
        if (!fingerprint.equals(currentFingerprint) || files.isEmpty()) {
            return false;
        }
        FileTime model = Files.getLastModifiedTime(modelFile);
        for (Path f : files) {
            if (!Files.isRegularFile(f) || Files.getLastModifiedTime(f).compareTo(model) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The modification times of the recorded files now (null for a missing one). */
    List<FileTime> times() throws IOException {
        List<FileTime> t = new ArrayList<>();
        for (Path f : files) {
            t.add(Files.isRegularFile(f) ? Files.getLastModifiedTime(f) : null);
        }
        return t;
    }

    /** Whether every recorded file still has the modification time of {@code before} ({@link #times()}). */
    boolean untouchedSince(List<FileTime> before) throws IOException {
        return times().equals(before);
    }

    /** The state in {@code file}, or null when there is none or it cannot be read (then the model is compiled). */
    static BuildState read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String fingerprint = p.getProperty("fingerprint");
        if (fingerprint == null) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; p.getProperty("file." + i) != null; i++) {
            files.add(Path.of(p.getProperty("file." + i)));
        }
        return new BuildState(p.getProperty("model", ""), fingerprint, p.getProperty("class", ""), files);
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("model", model);
        p.setProperty("fingerprint", fingerprint);
        p.setProperty("class", className);
        for (int i = 0; i < files.size(); i++) {
            p.setProperty("file." + i, files.get(i).toAbsolutePath().normalize().toString());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "falconc-maven-plugin: what the last compilation of " + model + " generated");
        }
    }

    /** Every state file below {@code stateDirectory}. */
    static List<Path> all(Path stateDirectory) throws IOException {
        if (!Files.isDirectory(stateDirectory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(stateDirectory)) {
            return s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    /**
     * Deletes the recorded files that lie below {@code outputDirectory} and are not in {@code keep}
     * (never anything outside it, whatever the state file says); returns how many it deleted.
     */
    int deleteFiles(Path outputDirectory, List<Path> keep) throws IOException {
        Path root = outputDirectory.toAbsolutePath().normalize();
        List<Path> kept = keep.stream().map(k -> k.toAbsolutePath().normalize()).toList();
        int deleted = 0;
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (abs.startsWith(root) && !abs.equals(root) && !kept.contains(abs) && Files.deleteIfExists(abs)) {
                deleted++;
            }
        }
        return deleted;
    }
}
