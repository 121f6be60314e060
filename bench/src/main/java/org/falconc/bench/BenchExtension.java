package org.falconc.bench;

import org.falconc.cli.CommandExtension;

/** Adds {@code falconc bench} to the falconc command when this module is on the class path (falconc-bench.jar). */
public final class BenchExtension implements CommandExtension {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public Object command() {
        return new BenchCommand();
    }
}
