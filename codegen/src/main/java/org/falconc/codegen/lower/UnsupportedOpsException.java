package org.falconc.codegen.lower;

import java.util.List;
import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;

/**
 * Lowering refused the graph: every node it cannot compile, one per line ({@code Conv 'conv1': reason}) under
 * a headline. A user error: the model asks for something falconc does not compile, not a bug.
 */
public final class UnsupportedOpsException extends FalconcException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public UnsupportedOpsException(List<String> problems) {
        super(ErrorKind.UNSUPPORTED, message(problems));
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
