package org.falconc.compiler;

import java.util.List;
import javax.lang.model.SourceVersion;

/**
 * Checks {@code --class}: a qualified Java name in a package the user owns. A model class in
 * {@code java.*} cannot be loaded at all, and one in falconc's runtime package would shadow or be
 * shadowed by falconc's own classes when the jar runs.
 */
public final class ClassNames {
    /** Package prefixes the JDK or falconc's runtime own. */
    private static final List<String> RESERVED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.falconc.runtime.");

    private ClassNames() {
    }

    public static void requireUserOwned(String name) {
        if (name.isEmpty() || !SourceVersion.isName(name)) {
            throw new UserException("--class '" + name + "' is not a Java class name (identifiers separated by dots, "
                    + "no keywords), e.g. com.acme.Resnet");
        }
        for (String prefix : RESERVED) {
            if (name.startsWith(prefix)) {
                throw new UserException("--class '" + name + "' is in package " + prefix + "*, which is not yours; "
                        + "choose a package of your own, e.g. com.acme.Resnet");
            }
        }
    }
}
