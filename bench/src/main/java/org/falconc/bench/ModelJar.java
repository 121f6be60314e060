package org.falconc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelBuilder;

/**
 * A compiled model jar loaded in this JVM. The runtime classes resolve to the harness's own
 * (parent-first), so the model is used through {@link CompiledModel}; instances are made through the
 * generated {@code builder()}, as users make them.
 */
final class ModelJar implements AutoCloseable {
    private final URLClassLoader loader;
    private final Class<?> modelClass;

    ModelJar(Path jar, String className) {
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ModelJar.class.getClassLoader());
            modelClass = loader.loadClass(className);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the compiled jar " + jar + " has no class " + className, e);
        }
    }

    /** A model instance on a thread pool of its own with {@code threads} threads (weights loaded and packed). */
    CompiledModel build(int threads) {
        try {
            ModelBuilder<?> builder = (ModelBuilder<?>) modelClass.getMethod("builder").invoke(null);
            return builder.threads(threads).build();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + modelClass.getName() + ": " + e, e);
        }
    }

    /** The model's inputs by name, in order, with their shapes; every input and output must be f32. */
    static Map<String, int[]> f32Inputs(CompiledModel model) {
        Map<String, int[]> inputs = new LinkedHashMap<>();
        for (String name : model.inputNames()) {
            requireF32("input", name, model.inputType(name));
            inputs.put(name, model.inputShape(name));
        }
        for (String name : model.outputNames()) {
            requireF32("output", name, model.outputType(name));
        }
        return inputs;
    }

    private static void requireF32(String kind, String name, String type) {
        if (!type.equals("f32")) {
            throw new IllegalArgumentException("the benchmark runs float32 models; " + kind + " '" + name + "' is " + type);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
