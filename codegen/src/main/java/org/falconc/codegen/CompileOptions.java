package org.falconc.codegen;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * What {@link Compiler#compile} produces and where.
 *
 * @param packageName Java package of the model class ("" for the unnamed package)
 * @param className   simple name of the model class
 * @param emit        jar, class files or Java source
 * @param output      the jar file for {@link EmitKind#JAR}; the root directory for the others
 */
public record CompileOptions(String packageName, String className, EmitKind emit, Path output) {
    public CompileOptions {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(emit, "emit");
        Objects.requireNonNull(output, "output");
        if (!SourceVersion.isName(className) || className.contains(".")) {
            throw new IllegalArgumentException("'" + className + "' is not a valid Java class name");
        }
        if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
            throw new IllegalArgumentException("'" + packageName + "' is not a valid Java package name");
        }
    }

    /** A jar at {@code output} with the class in the unnamed package. */
    public static CompileOptions jar(String className, Path output) {
        return new CompileOptions("", className, EmitKind.JAR, output);
    }

    public CompileOptions withPackage(String name) {
        return new CompileOptions(name, className, emit, output);
    }

    public CompileOptions withEmit(EmitKind kind, Path out) {
        return new CompileOptions(packageName, className, kind, out);
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
