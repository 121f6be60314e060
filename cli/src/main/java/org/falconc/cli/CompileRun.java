package org.falconc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.CompileResult;
import org.falconc.compiler.Falconc;

/** {@code falconc compile} (and {@code falconc MODEL -o OUT}): one call of the compiler, and its summary line. */
final class CompileRun {
    private CompileRun() {
    }

    /** Compiles {@code model} with the command line's settings; progress and notes on {@code err}. */
    static CompileResult compile(Path model, CompileSettings settings, SparsityOptions sparsity, PrintWriter out,
                                 PrintWriter err) {
        CompileRequest request = sparsity.apply(settings.request());
        return compile(model, request, out, err);
    }

    /** Compiles as {@code request} says (its listener replaced by the terminal's) and prints what was written. */
    static CompileResult compile(Path model, CompileRequest request, PrintWriter out, PrintWriter err) {
        if (request.calibration() != null) {
            Main.hintIfScalar(err); // calibration runs the compiled model
        }
        Progress progress = Progress.forTerminal(err);
        CompileResult r;
        try {
            r = Falconc.compile(model, request.listener(progress));
        } finally {
            progress.done();
        }
        out.printf("compiled %s -> %s (class %s, %d layers, weights %s, peak activations %s)%n", model,
                request.output(), r.className(), r.layerCount(), Units.bytes(r.weightBytes()),
                Units.bytes(r.peakActivationBytes()));
        out.flush();
        return r;
    }
}
