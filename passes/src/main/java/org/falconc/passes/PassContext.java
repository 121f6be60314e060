package org.falconc.passes;

import java.util.Objects;

/** What a running pass may consult besides the graph: the run's options and a diagnostics sink. */
public final class PassContext {
    private final PassOptions options;
    private final String passName;

    public PassContext(PassOptions options, String passName) {
        this.options = Objects.requireNonNull(options, "options");
        this.passName = Objects.requireNonNull(passName, "passName");
    }

    public PassOptions options() {
        return options;
    }

    /** The name of the pass this context was made for. */
    public String passName() {
        return passName;
    }

    /** Reports a diagnostic (e.g. what a pass did or chose not to do), prefixed with the pass name. */
    public void log(String message) {
        options.log().accept(passName + ": " + message);
    }
}
