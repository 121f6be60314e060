package org.falconc.cli;

import org.falconc.compiler.UserException;
import org.falconc.runtime.io.ModelArgs;

/** Checks a {@code --threads} value: a pool of 0 or of a million threads is a typo, not a request. */
public final class Threads {
    private Threads() {
    }

    public static void require(int threads) {
        if (threads < 1 || threads > ModelArgs.MAX_THREADS) {
            throw new UserException("--threads must be 1 to " + ModelArgs.MAX_THREADS + ", got " + threads);
        }
    }
}
