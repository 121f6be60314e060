package org.falconc.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The outcome of one conformance case. */
record ConformanceResult(String name, boolean passed, String message, long millis) {

    static String report(String engine, List<ConformanceResult> results) {
        List<ConformanceResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(ConformanceResult::name));
        long passed = sorted.stream().filter(ConformanceResult::passed).count();
        StringBuilder sb = new StringBuilder();
        sb.append("# Conformance report (").append(engine).append(")\n\n");
        sb.append(String.format("%d of %d cases pass (%.1f%%)%n%n", passed, sorted.size(),
                100.0 * passed / Math.max(1, sorted.size())));
        sb.append("| case | result | ms | detail |\n|---|---|---|---|\n");
        for (ConformanceResult r : sorted) {
            sb.append("| ").append(r.name()).append(" | ").append(r.passed() ? "pass" : "FAIL")
                    .append(" | ").append(r.millis()).append(" | ")
                    .append(r.message() == null ? "" : r.message().replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
