package org.falconc.cli;

import java.io.PrintWriter;
import java.util.Timer;
import java.util.TimerTask;
import org.falconc.compiler.CompileListener;

/**
 * A progress line on an interactive terminal for jobs that take more than a second: the current stage
 * appears once the job has run for a second and is updated as stages change. Silent when there is no
 * terminal (scripts, CI), so output stays clean; findings ({@link #note}) are always printed.
 */
final class Progress implements CompileListener {
    private static final long DELAY_MILLIS = 1000;

    private final PrintWriter err;
    private final Timer timer;
    private String stage = "";
    private boolean shown;
    private boolean finished;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.timer = enabled ? new Timer("falconc-progress", true) : null;
        if (timer != null) {
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    show();
                }
            }, DELAY_MILLIS);
        }
    }

    /** Enabled when the JVM has a console (attached to a terminal). */
    static Progress forTerminal(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    /** A progress that never prints (tests, library use). */
    static Progress silent(PrintWriter err) {
        return new Progress(err, false);
    }

    /** The stage that starts now. */
    @Override
    public synchronized void stage(String what) {
        stage = what;
        if (shown) {
            print();
        }
    }

    /** A finding: printed on its own line (the progress line, if shown, is redrawn after it). */
    @Override
    public synchronized void note(String message) {
        if (shown) {
            err.print("\r\033[K");
        }
        err.println("falconc: " + message);
        if (shown) {
            print();
        }
        err.flush();
    }

    private synchronized void show() {
        if (!finished) {
            shown = true;
            print();
        }
    }

    private void print() {
        err.print("\r\033[Kfalconc: " + stage + "...");
        err.flush();
    }

    /** Clears the progress line and stops the timer. */
    synchronized void done() {
        finished = true;
        if (timer != null) {
            timer.cancel();
        }
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
