package org.falconc.frontend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds every node that falconc cannot represent (another domain, or an op the IR lacks) and reports
 * them all in one error, so that a user learns the whole list at once.
 */
final class UnsupportedOps {
    /** Offenders listed one by one; the rest are counted by op so the message stays readable. */
    static final int LISTED = 25;

    private UnsupportedOps() {
    }

    static void check(List<OnnxNode> nodes, Predicate<String> supported) {
        List<String> offenders = new ArrayList<>();
        Map<String, Integer> unlistedByOp = new LinkedHashMap<>();
        for (OnnxNode n : nodes) {
            String why = reason(n, supported);
            if (why == null) {
                continue;
            }
            if (offenders.size() < LISTED) {
                offenders.add(n.describe() + " (" + why + ")");
            } else {
                unlistedByOp.merge(n.opType(), 1, Integer::sum);
            }
        }
        if (offenders.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder("unsupported ops: ").append(String.join(", ", offenders));
        if (!unlistedByOp.isEmpty()) {
            int more = unlistedByOp.values().stream().mapToInt(Integer::intValue).sum();
            List<String> counts = new ArrayList<>();
            unlistedByOp.forEach((op, c) -> counts.add(op + " x" + c));
            msg.append(", and ").append(more).append(" more (").append(String.join(", ", counts)).append(')');
        }
        throw new FrontendException(msg.toString());
    }

    /** Why the node is unsupported, or null when it is supported. */
    private static String reason(OnnxNode n, Predicate<String> supported) {
        String where = "domain " + n.domain() + ", " + (n.opset() < 0 ? "opset not imported" : "opset " + n.opset());
        if (!Opsets.isDefault(n.domain())) {
            return where;
        }
        List<String> missing = new ArrayList<>();
        for (String op : OpAdapters.forOp(n.opType()).irOps(n)) {
            if (!supported.test(op)) {
                missing.add(op);
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return missing.equals(List.of(n.opType())) ? where : where + ", needs IR ops " + String.join(", ", missing);
    }
}
