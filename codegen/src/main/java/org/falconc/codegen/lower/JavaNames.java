package org.falconc.codegen.lower;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Turns ONNX names into valid, unique Java identifiers for layer methods. */
public final class JavaNames {
    /** Methods the generated class or its base already has; layers never take these names. */
    private static final Set<String> TAKEN = Set.of("run", "execute", "builder", "inputShape", "outputShape",
            "inputNames", "outputNames", "threads", "toString", "hashCode", "equals", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize");

    private final Set<String> used = new HashSet<>();

    /**
     * A new identifier made from {@code name}: characters outside {@code [A-Za-z0-9_$]} become {@code _},
     * a leading digit gets a {@code _} prefix, keywords and taken names a {@code _} suffix, and a name
     * already handed out a numeric suffix.
     */
    public String unique(String name) {
        String base = sanitize(name);
        String candidate = base;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = base + "_" + i;
        }
        return candidate;
    }

    static String sanitize(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        String s = sb.toString();
        if (SourceVersion.isKeyword(s) || s.equals("_") || TAKEN.contains(s)) {
            s = s + "_";
        }
        return s;
    }
}
