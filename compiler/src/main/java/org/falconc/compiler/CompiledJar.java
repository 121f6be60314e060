package org.falconc.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelMain;

/**
 * A model jar written by {@code falconc compile}, loaded in this JVM. The runtime classes resolve to
 * falconc's own (parent-first), so the model is used through {@link CompiledModel}.
 */
public final class CompiledJar implements AutoCloseable {
    private final URLClassLoader loader;
    private final CompiledModel model;

    private CompiledJar(URLClassLoader loader, CompiledModel model) {
        this.loader = loader;
        this.model = model;
    }

    public static CompiledJar open(Path jar) {
        return open(jar, 0);
    }

    /** Opens the jar with a model on a pool of {@code threads} threads (0: the process-wide pool). */
    public static CompiledJar open(Path jar, int threads) {
        if (!Files.isRegularFile(jar)) {
            throw new UserException("model jar not found: " + jar);
        }
        String className;
        try (JarFile jf = new JarFile(jar.toFile())) {
            var manifest = jf.getManifest();
            className = manifest == null ? null : manifest.getMainAttributes().getValue(ModelMain.MODEL_CLASS_ATTRIBUTE);
        } catch (IOException e) {
            throw new UserException("not a jar: " + jar + " (" + e.getMessage() + ")");
        }
        if (className == null) {
            throw new UserException(jar + " is not a falconc model jar (no " + ModelMain.MODEL_CLASS_ATTRIBUTE
                    + " in its manifest)");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, CompiledJar.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Class<?> c = loader.loadClass(className);
            Object m = threads == 0 ? c.getConstructor().newInstance()
                    : ((org.falconc.runtime.model.ModelBuilder<?>) c.getMethod("builder").invoke(null)).threads(threads).build();
            return new CompiledJar(loader, (CompiledModel) m);
        } catch (ReflectiveOperationException | ClassCastException e) {
            close(loader);
            throw new UserException("cannot load model class " + className + " from " + jar + ": " + e);
        } catch (LinkageError e) {
            // A damaged or foreign class file (ClassFormatError, VerifyError, NoClassDefFoundError).
            close(loader);
            throw new UserException("cannot load model class " + className + " from " + jar + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public CompiledModel model() {
        return model;
    }

    public List<String> inputNames() {
        return model.inputNames();
    }

    public Map<String, float[]> run(Map<String, float[]> inputs) {
        return model.run(inputs);
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close only delays releasing the file handle
        }
    }
}
