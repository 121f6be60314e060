package org.falconc.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;
import org.falconc.codegen.CompileOptions;

/**
 * How the plug-in names a model's class: the file name as the CLI turns it into a class name
 * ({@code mnist-8.onnx -> Mnist8}), in the configured package (by default the project's groupId made a
 * valid Java package), plus one sub-package per folder below the source directory
 * ({@code vision/face-detector.onnx -> <package>.vision.FaceDetector}). A per-model {@code className}
 * overrides this: a qualified name is taken as it is, a simple one goes in the model's package.
 */
final class Naming {
    private Naming() {
    }

    /**
     * The qualified class of the model at {@code relative} (a path below the source directory).
     *
     * @param basePackage the configured or derived package, possibly empty (the unnamed package)
     * @param override    the model's {@code className}, or null
     */
    static String className(String basePackage, Path relative, String override) {
        String pkg = packageOf(basePackage, relative);
        if (override != null && !override.isBlank()) {
            String name = override.strip();
            return name.contains(".") || pkg.isEmpty() ? name : pkg + "." + name;
        }
        String simple = CompileOptions.classNameFor(relative.getFileName());
        return pkg.isEmpty() ? simple : pkg + "." + simple;
    }

    /** The base package plus one identifier per folder of {@code relative}. */
    static String packageOf(String basePackage, Path relative) {
        List<String> parts = new ArrayList<>();
        if (basePackage != null && !basePackage.isBlank()) {
            parts.add(basePackage.strip());
        }
        Path dir = relative.getParent();
        if (dir != null) {
            for (Path folder : dir) {
                parts.add(identifier(folder.toString()));
            }
        }
        return String.join(".", parts);
    }

    /**
     * A Java package from a Maven groupId, segment by segment as the JLS suggests for domain names:
     * characters that cannot be in an identifier become {@code _}, a segment starting with a digit gets
     * a leading {@code _}, a keyword a trailing {@code _} ({@code org.my-co.2d.int -> org.my_co._2d.int_}).
     */
    static String packageFromGroupId(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String segment : groupId.strip().split("\\.")) {
            if (!segment.isEmpty()) {
                parts.add(identifier(segment));
            }
        }
        return String.join(".", parts);
    }

    /** {@code text} as one Java identifier (see {@link #packageFromGroupId}). */
    static String identifier(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(c < 128 && Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
        }
        if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        String id = sb.toString();
        return SourceVersion.isKeyword(id) || id.equals("_") ? id + "_" : id;
    }

    /**
     * The compiler's messages name its command-line options; a plug-in user configures parameters.
     * Rewrites the option names in a message to the parameter names ({@code --input-shape -> inputShapes}).
     */
    static String inParameterTerms(String message) {
        String[][] table = {
            {"--input-shape", "inputShapes"},
            {"--calibrate", "calibration"},
            {"--max-drop", "maxDrop"},
            {"--sparsity", "sparsity"},
            {"--preprocess", "preprocess"},
            {"--labels", "labels"},
            {"--class", "className"},
        };
        String out = message;
        for (String[] pair : table) {
            out = out.replaceAll("(?<![\\w-])" + java.util.regex.Pattern.quote(pair[0]) + "(?![\\w-])",
                    java.util.regex.Matcher.quoteReplacement(pair[1]));
        }
        return out;
    }

    /** The model's path below the source directory with forward slashes, as in logs and state files. */
    static String display(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
