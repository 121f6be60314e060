package org.falconc.codegen.lower;

import java.util.List;

/** Lowering failed: every node it cannot compile, one per line ({@code Conv 'conv1': reason}). */
public final class UnsupportedOpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public UnsupportedOpsException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** One entry per node: its description and the reason. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return "cannot compile " + problems.size() + (problems.size() == 1 ? " node" : " nodes") + ":\n  "
                + String.join("\n  ", problems);
    }
}
