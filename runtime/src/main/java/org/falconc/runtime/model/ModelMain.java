package org.falconc.runtime.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.file.Path;
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
 * {@value #MODEL_CLASS_ATTRIBUTE} on ONNX TensorProto inputs and writes {@code output_N.pb}:
 *
 * <pre>java --add-modules jdk.incubator.vector -jar Model.jar --input [NAME=]FILE.pb ... --output-dir DIR [--threads N]</pre>
 *
 * Exit code 0 on success, 2 on a usage or input error (one line on stderr), 1 on any other failure.
 * Started without the module, it prints a one-line hint on stderr ({@link VectorModuleHint}) and runs
 * the scalar kernels.
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
        try {
            ModelArgs parsed = ModelArgs.parse(args);
            if (parsed.help()) {
                out.println(ModelArgs.USAGE);
                out.flush();
                return 0;
            }
            CompiledModel model = load(modelClassName(), parsed.threads());
            VectorModuleHint.printIfScalar(err::println, VectorModuleHint.jarOf(ModelMain.class, "Model.jar"));
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
                feeds.put(name, elements(tensors[i], name, ElementType.of(model.inputType(name))));
            }
            Map<String, Object> results = model.runArrays(feeds);
            List<String> outputNames = model.outputNames();
            List<PbTensor> outputs = new java.util.ArrayList<>();
            for (String name : outputNames) {
                outputs.add(tensor(name, model.outputShape(name), results.get(name)));
            }
            List<Path> files = parsed.writeOutputs(outputs);
            for (int j = 0; j < outputNames.size(); j++) {
                String name = outputNames.get(j);
                // Same spelling as falconc's IR and CLI: f32[1,1000,1,1].
                out.println(files.get(j) + "  " + name + " " + model.outputType(name)
                        + Arrays.toString(model.outputShape(name)).replace(" ", ""));
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
        } catch (RuntimeException e) {
            err.println("error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The file's elements as the array of the input's element type. The file must hold that type: float64 or
     * float16 data for a float32 input is refused, as ONNX Runtime refuses it, rather than silently converted.
     */
    static Object elements(PbTensor t, String name, ElementType type) {
        Object data = t.data();
        return switch (type) {
            case F32 -> {
                if (t.dataType() != DataType.FLOAT) {
                    throw new IllegalArgumentException("input '" + name + "' is tensor(float), the file holds tensor("
                            + DataType.name(t.dataType()) + ")");
                }
                yield t.toFloats();
            }
            case I64, I32, BOOL -> {
                if (!type.arrayClass().isInstance(data) || type == ElementType.I64 && t.dataType() != DataType.INT64
                        || type == ElementType.I32 && t.dataType() != DataType.INT32) {
                    throw new IllegalArgumentException("input '" + name + "' is " + type + ", the file holds "
                            + DataType.name(t.dataType()));
                }
                yield data;
            }
        };
    }

    /** An output array as a TensorProto of its element type. */
    static PbTensor tensor(String name, int[] shape, Object data) {
        if (data instanceof float[] f) {
            return PbTensor.ofFloats(name, shape, f);
        } else if (data instanceof long[] l) {
            return PbTensor.ofLongs(name, shape, l);
        } else if (data instanceof int[] i) {
            return PbTensor.ofInts(name, shape, i);
        } else if (data instanceof boolean[] b) {
            return PbTensor.ofBools(name, shape, b);
        }
        throw new IllegalStateException("output '" + name + "' is a " + data.getClass().getName());
    }

    /** The model class named by the first manifest on the class path that has the attribute. */
    static String modelClassName() throws IOException {
        ClassLoader loader = ModelMain.class.getClassLoader();
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
    static CompiledModel load(String className, int threads) {
        try {
            Class<?> type = Class.forName(className, true, ModelMain.class.getClassLoader());
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
