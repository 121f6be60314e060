package org.falconc.codegen;

/** What {@link Compiler} writes ({@code --emit}). */
public enum EmitKind {
    /** A self-contained, runnable jar: model class, weights, runtime classes, Main-Class. */
    JAR,
    /** The class file and weights resource under a class-path directory ({@code dir/pkg/Model.class}). */
    CLASSES,
    /** Readable Java source and the weights resource under a source directory ({@code dir/pkg/Model.java}). */
    JAVA;

    /** {@code jar}, {@code classes} or {@code java}. */
    public static EmitKind parse(String text) {
        for (EmitKind k : values()) {
            if (k.name().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown emit kind '" + text + "' (expected jar, classes or java)");
    }
}
