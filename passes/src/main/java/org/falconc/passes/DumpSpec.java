package org.falconc.passes;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which passes to dump the IR after, parsed from {@code after:all} or {@code after:NAME[,NAME...]}.
 * Pass names are checked against the pipeline when it runs ({@link Pipeline#checkOptions}).
 */
public final class DumpSpec {
    /** Dump nothing. */
    public static final DumpSpec NONE = new DumpSpec(false, Set.of());

    private static final String AFTER = "after:";

    private final boolean all;
    private final Set<String> passes;

    private DumpSpec(boolean all, Set<String> passes) {
        this.all = all;
        this.passes = passes;
    }

    /** Dump after every pass. */
    public static DumpSpec afterAll() {
        return new DumpSpec(true, Set.of());
    }

    /** Dump after each of the named passes. */
    public static DumpSpec after(String... passNames) {
        if (passNames.length == 0) {
            throw new IllegalArgumentException("a dump spec needs at least one pass name");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String n : passNames) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("empty pass name in dump spec");
            }
            names.add(n.strip());
        }
        return new DumpSpec(false, Collections.unmodifiableSet(names));
    }

    /** Parses {@code after:all} or {@code after:NAME[,NAME...]}. */
    public static DumpSpec parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(AFTER) || t.length() == AFTER.length()) {
            throw new IllegalArgumentException("invalid IR dump spec '" + text
                    + "': expected after:all or after:NAME[,NAME...]");
        }
        String rest = t.substring(AFTER.length());
        if (rest.equals("all")) {
            return afterAll();
        }
        String[] names = rest.split(",", -1);
        if (Arrays.stream(names).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("invalid IR dump spec '" + text + "': empty pass name");
        }
        return after(names);
    }

    /** Whether anything is dumped at all (then the input graph is dumped too, as {@code 00-input.fir}). */
    public boolean isEnabled() {
        return all || !passes.isEmpty();
    }

    public boolean isAll() {
        return all;
    }

    /** Whether the IR is dumped after the pass named {@code passName}. */
    public boolean dumpsAfter(String passName) {
        return all || passes.contains(passName);
    }

    /** The pass names listed explicitly (empty for {@code after:all} and for {@link #NONE}). */
    public Set<String> passNames() {
        return passes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DumpSpec d && all == d.all && passes.equals(d.passes);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(all) * 31 + passes.hashCode();
    }

    /** The spec in the syntax {@link #parse} accepts ({@code none} for {@link #NONE}). */
    @Override
    public String toString() {
        if (all) {
            return "after:all";
        }
        return passes.isEmpty() ? "none" : AFTER + String.join(",", passes);
    }
}
