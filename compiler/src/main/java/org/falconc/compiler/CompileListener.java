package org.falconc.compiler;

/**
 * What a compilation tells its caller while it runs: a progress line per stage and findings worth a
 * user's attention (what calibration measured, which thresholds it chose). The CLI prints them, the
 * Maven plug-in logs them, a library caller may ignore them.
 */
public interface CompileListener {
    /** A listener that ignores everything. */
    CompileListener SILENT = new CompileListener() {
    };

    /** A stage starts: "importing and optimising model.onnx", "calibrating", "generating code". */
    default void stage(String what) {
    }

    /** A one-line finding, e.g. the calibration's summary. */
    default void note(String message) {
    }
}
