package org.falconc.runtime.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import org.falconc.runtime.io.DataType;
import org.falconc.runtime.io.ModelArgs;
import org.falconc.runtime.io.PbTensor;

/**
 * The {@code Main-Class} of a compiled model jar: runs the model named by the manifest attribute
 * {@value #MODEL_CLASS_ATTRIBUTE} on ONNX TensorProto inputs and writes {@code output_N.pb}, or on a
 * photo ({@link ImageRun}):
 *
 * <pre>java --add-modules jdk.incubator.vector -jar Model.jar --input [NAME=]FILE.pb ... --output-dir DIR [--threads N]
 * java --add-modules jdk.incubator.vector -jar Model.jar --image PHOTO [--output-dir DIR | --output FILE.png]</pre>
 *
 * Files are read and written in the element types the ONNX model declares ({@link ModelInfo}). Exit code
 * 0 on success, 2 on a usage or input error (one line on stderr), 1 on any other failure. Started
 * without the module, it prints a one-line hint on stderr ({@link VectorModuleHint}) and runs the
 * scalar kernels.
 */
public final class ModelMain {
    /** Manifest attribute naming the generated model class. */
    public static final String MODEL_CLASS_ATTRIBUTE = "Falconc-Model-Class";

    private ModelMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, ModelMain.class.getClassLoader(), out, err);
    }

    /**
     * Runs the command line on the model that the manifests of {@code loader} name (a jar's class loader,
     * for running a jar in this JVM); returns the exit code.
     */
    public static int run(String[] args, ClassLoader loader, PrintStream out, PrintStream err) {
        try {
            ModelArgs parsed = ModelArgs.parse(args);
            if (parsed.help()) {
                out.println(ModelArgs.USAGE);
                out.flush();
                return 0;
            }
            CompiledModel model = load(modelClassName(loader), parsed.threads(), loader);
            VectorModuleHint.printIfScalar(err::println, VectorModuleHint.jarOf(ModelMain.class, "Model.jar"));
            ModelInfo info = model.info();
            if (parsed.image() != null) {
                ImageRun.run(model, info, parsed, out, err);
            } else {
                runTensors(model, info, parsed, out);
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + oneLine(e.getMessage()) + " (" + ModelArgs.SEE_HELP + ")");
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + oneLine(e.getMessage()));
            return 2;
        } catch (LinkageError e) {
            // A damaged jar: the model class does not load or link.
            err.println("error: cannot load the model's classes: " + oneLine(String.valueOf(e.getMessage())));
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory (" + oneLine(String.valueOf(e.getMessage())) + "); give the JVM more heap with -Xmx");
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** The {@code --input} mode: .pb files in, {@code output_N.pb} out. */
    private static void runTensors(CompiledModel model, ModelInfo info, ModelArgs parsed, PrintStream out)
            throws IOException {
        List<String> inputNames = model.inputNames();
        PbTensor[] tensors = parsed.readInputs(inputNames);
        Map<String, Object> feeds = new LinkedHashMap<>();
        for (int i = 0; i < tensors.length; i++) {
            String name = inputNames.get(i);
            int[] expected = model.inputShape(name);
            if (!Arrays.equals(tensors[i].intDims(), expected)) {
                throw new IllegalArgumentException("input '" + name + "' must have shape " + Arrays.toString(expected)
                        + ", the file has " + Arrays.toString(tensors[i].intDims()));
            }
            feeds.put(name, DeclaredTypes.input(tensors[i], name, ElementType.of(model.inputType(name)),
                    info.inputTypes().get(i)));
        }
        Map<String, Object> results = model.runArrays(feeds);
        List<String> outputNames = model.outputNames();
        List<PbTensor> outputs = new ArrayList<>();
        for (int j = 0; j < outputNames.size(); j++) {
            String name = outputNames.get(j);
            outputs.add(DeclaredTypes.output(name, model.outputShape(name), results.get(name), info.outputTypes().get(j)));
        }
        List<Path> files = parsed.writeOutputs(outputs);
        for (int j = 0; j < outputNames.size(); j++) {
            out.println(files.get(j) + "  " + describeOutput(model, info, j));
        }
    }

    /**
     * {@code name f32[1,1000,1,1]}: the same spelling as falconc's IR and CLI, with {@code as float16} when
     * the file holds another type than the compiled one.
     */
    static String describeOutput(CompiledModel model, ModelInfo info, int j) {
        String name = model.outputNames().get(j);
        String type = model.outputType(name);
        int declared = info.outputTypes().get(j);
        return name + " " + type + Scores.shape(model.outputShape(name))
                + (declared == ElementType.of(type).onnxType() ? "" : " as " + DataType.name(declared));
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The model class named by the first manifest on the class path that has the attribute. */
    static String modelClassName(ClassLoader loader) throws IOException {
        Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            try (InputStream in = manifests.nextElement().openStream()) {
                String name = new Manifest(in).getMainAttributes().getValue(MODEL_CLASS_ATTRIBUTE);
                if (name != null && !name.isBlank()) {
                    return name.trim();
                }
            }
        }
        throw new IllegalStateException("no manifest on the class path names a model (attribute " + MODEL_CLASS_ATTRIBUTE + ")");
    }

    /** Creates the model through its builder (threads 0: the default pool). */
    static CompiledModel load(String className, int threads, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            ModelBuilder<?> builder = (ModelBuilder<?>) type.getMethod("builder").invoke(null);
            if (threads > 0) {
                builder.threads(threads);
            }
            return builder.build();
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot load model class " + className + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("model class " + className + " failed to load: " + e.getCause(), e.getCause());
        }
    }
}
