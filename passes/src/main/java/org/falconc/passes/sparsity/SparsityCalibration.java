package org.falconc.passes.sparsity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measured unit live fractions per DecomposedConv (by node name) and candidate unit, for
 * schedule-sparsity ({@code PassOptions.withCalibration}). Immutable. A node without an entry is
 * scheduled with the prior; a node with one is scheduled over the candidates it lists.
 */
public final class SparsityCalibration {
    private final Map<String, Map<Unit, Double>> perNode;

    private SparsityCalibration(Map<String, Map<Unit, Double>> perNode) {
        this.perNode = perNode;
    }

    /** Node name -> (unit -> live fraction in [0, 1]). */
    public static SparsityCalibration of(Map<String, ? extends Map<Unit, Double>> perNode) {
        Map<String, Map<Unit, Double>> copy = new LinkedHashMap<>();
        perNode.forEach((node, units) -> {
            Map<Unit, Double> u = new TreeMap<>();
            units.forEach((unit, live) -> {
                if (live == null || !(live >= 0 && live <= 1)) {
                    throw new IllegalArgumentException("live fraction of " + unit + " at '" + node
                            + "' must be in [0, 1], got " + live);
                }
                u.put(unit, live);
            });
            copy.put(node, Collections.unmodifiableMap(u));
        });
        return new SparsityCalibration(Collections.unmodifiableMap(copy));
    }

    /** The live fractions measured by each statistics object, under its node's name. */
    public static SparsityCalibration fromStatistics(Iterable<UnitStatistics> stats) {
        Map<String, Map<Unit, Double>> m = new LinkedHashMap<>();
        for (UnitStatistics s : stats) {
            m.put(s.nodeName(), s.liveFractions());
        }
        return of(m);
    }

    public Set<String> nodes() {
        return perNode.keySet();
    }

    public boolean hasNode(String node) {
        return perNode.containsKey(node);
    }

    /** The measured fractions of {@code node} by unit (ascending), empty when not measured. */
    public Map<Unit, Double> node(String node) {
        return perNode.getOrDefault(node, Map.of());
    }

    public OptionalDouble liveFraction(String node, Unit unit) {
        Double d = node(node).get(unit);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    @Override
    public String toString() {
        return perNode.toString();
    }
}
