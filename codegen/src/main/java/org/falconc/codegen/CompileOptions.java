package org.falconc.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.SourceVersion;
import org.falconc.runtime.io.ImagePreset;

/**
 * What {@link Compiler#compile} produces and where, and what it records beside the class
 * ({@link org.falconc.runtime.model.ModelInfo}).
 *
 * @param packageName     Java package of the model class ("" for the unnamed package)
 * @param className       simple name of the model class
 * @param emit            jar, class files or Java source
 * @param output          the jar file for {@link EmitKind#JAR}; the root directory for the others
 * @param preprocess      the {@link ImagePreset} name for photos ({@code --image} of the jar), or null
 * @param labels          class labels, line i naming class i of a classifier output (empty: none)
 * @param inputElemTypes  graph input name to the ONNX element type the model declares (absent: the
 *                        compiled type's own), so the jar reads a float16 input from float16 files
 * @param outputElemTypes the same for the graph outputs, so the jar writes float16 outputs as float16
 */
public record CompileOptions(String packageName, String className, EmitKind emit, Path output, String preprocess,
                             List<String> labels, Map<String, Integer> inputElemTypes,
                             Map<String, Integer> outputElemTypes) {
    public CompileOptions {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(emit, "emit");
        Objects.requireNonNull(output, "output");
        labels = labels == null ? List.of() : List.copyOf(labels);
        inputElemTypes = inputElemTypes == null ? Map.of() : Map.copyOf(inputElemTypes);
        outputElemTypes = outputElemTypes == null ? Map.of() : Map.copyOf(outputElemTypes);
        if (preprocess != null) {
            preprocess = ImagePreset.parse(preprocess).text();
        }
        if (!SourceVersion.isName(className) || className.contains(".")) {
            throw new IllegalArgumentException("'" + className + "' is not a valid Java class name");
        }
        if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("'" + packageName + "' is not a valid Java package name");
        }
    }

    /** Options that record nothing beyond the class: no preprocessing, no labels, the compiled element types. */
    public CompileOptions(String packageName, String className, EmitKind emit, Path output) {
        this(packageName, className, emit, output, null, List.of(), Map.of(), Map.of());
    }

    /** A jar at {@code output} with the class in the unnamed package. */
    public static CompileOptions jar(String className, Path output) {
        return new CompileOptions("", className, EmitKind.JAR, output);
    }

    public CompileOptions withPackage(String name) {
        return new CompileOptions(name, className, emit, output, preprocess, labels, inputElemTypes, outputElemTypes);
    }

    public CompileOptions withEmit(EmitKind kind, Path out) {
        return new CompileOptions(packageName, className, kind, out, preprocess, labels, inputElemTypes, outputElemTypes);
    }

    /** Records the preprocessing for photos (an {@link ImagePreset} name; IllegalArgumentException for others). */
    public CompileOptions withPreprocess(String name) {
        return new CompileOptions(packageName, className, emit, output, name, labels, inputElemTypes, outputElemTypes);
    }

    /** Records the class labels (see {@link org.falconc.runtime.model.ModelInfo#readLabels}). */
    public CompileOptions withLabels(List<String> names) {
        return new CompileOptions(packageName, className, emit, output, preprocess, names, inputElemTypes, outputElemTypes);
    }

    /** Records the ONNX element types the model declares for its inputs and outputs, by name. */
    public CompileOptions withElemTypes(Map<String, Integer> inputs, Map<String, Integer> outputs) {
        return new CompileOptions(packageName, className, emit, output, preprocess, labels, inputs, outputs);
    }

    /**
     * A class name derived from a file name, the default of {@code --class}: the parts between
     * non-alphanumeric characters, each capitalised, extension dropped
     * ({@code squeezenet1.0.onnx -> Squeezenet10}, {@code resnet20-cifar10.onnx -> Resnet20Cifar10}).
     */
    public static String classNameFor(Path modelFile) {
        String file = modelFile.getFileName().toString();
        int dot = file.toLowerCase(Locale.ROOT).endsWith(".onnx") ? file.length() - 5 : file.length();
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : file.substring(0, dot).toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, "Model");
        }
        String name = sb.toString();
        return SourceVersion.isKeyword(name) ? name + "Model" : name;
    }
}
