package org.falconc.codegen.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.falconc.runtime.model.CompiledModel;

/**
 * The class files of the runtime module (package {@code org.falconc.runtime} and below), read from
 * wherever the compiler loaded them: the runtime's classes directory or jar, or the shaded falconc
 * jar (whose other packages are left out).
 */
public final class RuntimeClasses {
    /** Entry-name prefix of everything the generated jar takes from the runtime. */
    public static final String PREFIX = "org/falconc/runtime/";

    private RuntimeClasses() {
    }

    /** Entry name (e.g. {@code org/falconc/runtime/conv/Conv2d.class}) to class bytes, sorted by name. */
    public static Map<String, byte[]> read() {
        CodeSource source = CompiledModel.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot locate the runtime classes: " + CompiledModel.class
                    + " has no code source");
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isDirectory(location) ? fromDirectory(location) : fromJar(location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the runtime classes at " + source.getLocation(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runtime classes: " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> fromDirectory(Path root) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        Path base = root.resolve(PREFIX);
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                classes.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return classes;
    }

    private static Map<String, byte[]> fromJar(Path jar) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
                if (e.getName().startsWith(PREFIX) && e.getName().endsWith(".class")) {
                    classes.put(e.getName(), file.getInputStream(e).readAllBytes());
                }
            }
        }
        return classes;
    }
}
