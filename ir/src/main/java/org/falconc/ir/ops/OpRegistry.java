package org.falconc.ir.ops;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.ops.layout.ChannelsLast;

/** All ops the IR supports, by op type. */
public final class OpRegistry {
    private static final Map<String, OpSchema> SCHEMAS = new TreeMap<>();

    static {
        NnOps.registerAll(OpRegistry::register);
        TensorOps.registerAll(OpRegistry::register);
        FusedOps.registerAll(OpRegistry::register);
        ChannelsLast.schemas().forEach(OpRegistry::register);
    }

    private OpRegistry() {
    }

    private static void register(OpSchema schema) {
        if (SCHEMAS.putIfAbsent(schema.op(), schema) != null) {
            throw new IllegalStateException("op " + schema.op() + " registered twice");
        }
    }

    /** The schema of {@code op}, or null when the IR does not support it. */
    public static OpSchema find(String op) {
        return SCHEMAS.get(op);
    }

    /** The schema of the node's op; throws naming the node when the op is unknown. */
    public static OpSchema of(Node node) {
        OpSchema s = SCHEMAS.get(node.op());
        if (s == null) {
            throw IrException.atNode(node, "unsupported op '" + node.op() + "'");
        }
        return s;
    }

    public static Set<String> ops() {
        return Collections.unmodifiableSet(SCHEMAS.keySet());
    }
}
