package org.falconc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ant-style includes and excludes over the source directory. */
class ModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void doubleStarMatchesAnyNumberOfFoldersIncludingNone() {
        assertTrue(ModelFiles.matches("**/*.onnx", "mnist-8.onnx"));
        assertTrue(ModelFiles.matches("**/*.onnx", "vision/faces/ultraface.onnx"));
        assertFalse(ModelFiles.matches("**/*.onnx", "notes.txt"));
        assertFalse(ModelFiles.matches("*.onnx", "vision/x.onnx"));
        assertTrue(ModelFiles.matches("vision/**", "vision/faces/x.onnx"));
        assertTrue(ModelFiles.matches("vision/", "vision/x.onnx"));
        assertTrue(ModelFiles.matches("vision/**/x?.onnx", "vision/x1.onnx"));
        assertFalse(ModelFiles.matches("vision/**/x?.onnx", "vision/x12.onnx"));
        assertTrue(ModelFiles.matches("**/big-*", "a/b/big-model.onnx"));
        assertFalse(ModelFiles.matches("mnist.onnx", "mnistXonnx"));
    }

    @Test
    void selectsRegularFilesRelativeAndSorted() throws IOException {
        for (String f : List.of("b.onnx", "a.onnx", "vision/c.onnx", "vision/skip/d.onnx", "readme.txt")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        Files.createDirectories(dir.resolve("folder.onnx"));
        assertEquals(List.of(Path.of("a.onnx"), Path.of("b.onnx"), Path.of("vision", "c.onnx")),
                ModelFiles.select(dir, List.of("**/*.onnx"), List.of("vision/skip/**")));
        assertEquals(List.of(), ModelFiles.select(dir.resolve("missing"), List.of("**/*.onnx"), List.of()));
    }
}
