package org.falconc.codegen.lower;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.falconc.codegen.lower.ops.StandardLowerers;

/** The lowerer of each op type. */
public final class LowererRegistry {
    private final Map<String, Lowerer> byOp = new TreeMap<>();

    /** Every lowerer falconc has. */
    public static LowererRegistry standard() {
        LowererRegistry r = new LowererRegistry();
        StandardLowerers.registerAll(r);
        return r;
    }

    /** Registers {@code lowerer} for each op; an op registered twice is a programming error. */
    public LowererRegistry register(Lowerer lowerer, String... ops) {
        for (String op : ops) {
            if (byOp.putIfAbsent(op, lowerer) != null) {
                throw new IllegalStateException("op " + op + " has two lowerers");
            }
        }
        return this;
    }

    /** The lowerer of {@code op}, or null. */
    public Lowerer find(String op) {
        return byOp.get(op);
    }

    public Set<String> ops() {
        return Collections.unmodifiableSet(byOp.keySet());
    }
}
