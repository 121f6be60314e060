package org.falconc.ir.ops.nn;

import java.util.Arrays;
import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.ops.Infer;

/** Validated reads of the attributes the neural-network ops share; every error names the node. */
public final class NnAttrs {
    private NnAttrs() {
    }

    /** An ints attribute of exactly {@code length} entries, each at least {@code min}; {@code dflt} fills it when absent. */
    public static int[] ints(Node node, String name, int length, int dflt, int min) {
        long[] v = node.attrs().getInts(name, null);
        int[] out = new int[length];
        if (v == null) {
            Arrays.fill(out, dflt);
            return out;
        }
        if (v.length != length) {
            throw Infer.fail(node, "attribute '" + name + "' must have " + length + " entries, got " + v.length);
        }
        for (int i = 0; i < length; i++) {
            if (v[i] < min || v[i] > Integer.MAX_VALUE) {
                throw Infer.fail(node, "attribute '" + name + "' has invalid value " + v[i] + " (must be >= " + min + ")");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    /** An int attribute that must be 0 or 1. */
    public static boolean flag(Node node, String name, boolean dflt) {
        long v = node.attrs().getInt(name, dflt ? 1 : 0);
        if (v != 0 && v != 1) {
            throw Infer.fail(node, "attribute '" + name + "' must be 0 or 1, got " + v);
        }
        return v == 1;
    }

    /** An int attribute that must be at least {@code min}. */
    public static int intAtLeast(Node node, String name, long dflt, long min) {
        long v = node.attrs().getInt(name, dflt);
        if (v < min || v > Integer.MAX_VALUE) {
            throw Infer.fail(node, "attribute '" + name + "' must be >= " + min + ", got " + v);
        }
        return (int) v;
    }

    /** A string attribute restricted to {@code allowed}. */
    public static String choice(Node node, String name, String dflt, List<String> allowed) {
        String v = node.attrs().getString(name, dflt);
        if (!allowed.contains(v)) {
            throw Infer.fail(node, "unsupported " + name + " '" + v + "' (expected one of " + String.join(", ", allowed) + ")");
        }
        return v;
    }
}
