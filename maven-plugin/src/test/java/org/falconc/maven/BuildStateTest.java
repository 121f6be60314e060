package org.falconc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.falconc.passes.SparsityMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental rule: same fingerprint, every output present and no older than the model. */
class BuildStateTest {
    @TempDir
    Path dir;
    Path model;
    Path out;
    Path java;
    Path weights;

    @BeforeEach
    void files() throws IOException {
        model = Files.writeString(dir.resolve("mnist-8.onnx"), "model bytes");
        out = Files.createDirectories(dir.resolve("generated"));
        java = Files.writeString(Files.createDirectories(out.resolve("com/acme")).resolve("Mnist8.java"), "class");
        weights = Files.writeString(out.resolve("com/acme/Mnist8.weights"), "w");
        FileTime t = Files.getLastModifiedTime(model);
        Files.setLastModifiedTime(java, FileTime.fromMillis(t.toMillis() + 1000));
        Files.setLastModifiedTime(weights, FileTime.fromMillis(t.toMillis() + 1000));
    }

    private ModelJob job(String className, SparsityMode mode, List<String> shapes) {
        return new ModelJob(Path.of("mnist-8.onnx"), model, className, shapes, mode, null, 0.01, null, null);
    }

    @Test
    void theFingerprintFollowsTheModelBytesAndEverySetting() throws IOException {
        String base = job("com.acme.Mnist8", SparsityMode.EXACT, List.of()).fingerprint("0.1.0", out);
        assertEquals(base, job("com.acme.Mnist8", SparsityMode.EXACT, List.of()).fingerprint("0.1.0", out));
        assertNotEquals(base, job("com.acme.Digits", SparsityMode.EXACT, List.of()).fingerprint("0.1.0", out));
        assertNotEquals(base, job("com.acme.Mnist8", SparsityMode.OFF, List.of()).fingerprint("0.1.0", out));
        assertNotEquals(base, job("com.acme.Mnist8", SparsityMode.EXACT, List.of("Input3=1x1x28x28")).fingerprint("0.1.0", out));
        assertNotEquals(base, job("com.acme.Mnist8", SparsityMode.EXACT, List.of()).fingerprint("0.2.0", out));
        assertNotEquals(base, job("com.acme.Mnist8", SparsityMode.EXACT, List.of()).fingerprint("0.1.0", dir.resolve("other")));
        Files.writeString(model, "model bytez");
        assertNotEquals(base, job("com.acme.Mnist8", SparsityMode.EXACT, List.of()).fingerprint("0.1.0", out));
    }

    @Test
    void calibrationFilesArePartOfTheFingerprint() throws IOException {
        Path cal = Files.createDirectories(dir.resolve("cal"));
        Files.writeString(cal.resolve("0.pb"), "a");
        ModelJob j = new ModelJob(Path.of("mnist-8.onnx"), model, "M", List.of(), SparsityMode.EXACT, cal, 0.01, null, null);
        String before = j.fingerprint("v", out);
        Files.writeString(cal.resolve("1.pb"), "b");
        assertNotEquals(before, j.fingerprint("v", out));
    }

    @Test
    void upToDateNeedsTheSameFingerprintAndEveryOutputNoOlderThanTheModel() throws IOException {
        BuildState s = new BuildState("mnist-8.onnx", "abc", "com.acme.Mnist8", List.of(java, weights));
        Path file = BuildState.fileFor(dir.resolve("state"), Path.of("vision", "mnist-8.onnx"));
        assertEquals(dir.resolve("state/vision/mnist-8.onnx.state"), file);
        s.write(file);
        BuildState read = BuildState.read(file);
        assertEquals(s.fingerprint(), read.fingerprint());
        assertEquals(s.className(), read.className());
        assertEquals(List.of(java.toAbsolutePath(), weights.toAbsolutePath()), read.files());
        assertTrue(read.upToDate("abc", model));
        assertFalse(read.upToDate("abd", model));
        Files.setLastModifiedTime(model, FileTime.fromMillis(Files.getLastModifiedTime(java).toMillis() + 1000));
        assertFalse(read.upToDate("abc", model), "a model newer than its outputs is compiled again");
        Files.setLastModifiedTime(model, FileTime.fromMillis(0));
        Files.delete(weights);
        assertFalse(read.upToDate("abc", model), "a missing output is generated again");
    }

    @Test
    void tellsWhetherTheRecordedFilesWereRewrittenSince() throws IOException {
        BuildState s = new BuildState("m", "f", "c", List.of(java, weights));
        List<FileTime> before = s.times();
        assertTrue(s.untouchedSince(before));
        Files.setLastModifiedTime(weights, FileTime.fromMillis(Files.getLastModifiedTime(weights).toMillis() + 5000));
        assertFalse(s.untouchedSince(before));
    }

    @Test
    void aMissingOrUnreadableStateMeansCompile() throws IOException {
        assertNull(BuildState.read(dir.resolve("none.state")));
        assertNull(BuildState.read(Files.writeString(dir.resolve("bad.state"), "no fingerprint here")));
    }

    @Test
    void deletesOnlyRecordedFilesBelowTheOutputDirectory() throws IOException {
        Path outside = Files.writeString(dir.resolve("precious.txt"), "keep");
        BuildState s = new BuildState("m", "f", "c", List.of(java, weights, outside));
        assertEquals(1, s.deleteFiles(out, List.of(java)));
        assertTrue(Files.exists(java));
        assertFalse(Files.exists(weights));
        assertTrue(Files.exists(outside));
        assertEquals(List.of(), BuildState.all(dir.resolve("no-state")));
    }
}
