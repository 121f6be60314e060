package org.falconc.cli;

/** Human-readable quantities. */
final class Units {
    private Units() {
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format("%.1f KiB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format("%.1f MiB", b / (1024.0 * 1024));
        }
        return String.format("%.2f GiB", b / (1024.0 * 1024 * 1024));
    }
}
