package org.falconc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.Falconc;
import org.falconc.passes.PassOptions;
import org.falconc.passes.SparsityMode;
import picocli.CommandLine.Option;

/** FalCon sparse execution options, shared by compile, profile and bench. */
final class SparsityOptions {
    /** Sparse execution modes (docs/sparsity.md). */
    enum Mode {
        off, exact, threshold;

        SparsityMode toMode() {
            return SparsityMode.valueOf(name().toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Option(names = "--sparsity", paramLabel = "MODE", defaultValue = "exact",
            description = "off (dense convolutions only), exact (convolutions reading ReLU zeros skip the products of "
                    + "zero activations on inputs whose zero fraction reaches the layer's break-even, dense otherwise; "
                    + "outputs equal the dense model within float rounding) or threshold (values at or below a "
                    + "per-layer threshold count as zero; needs --calibrate); default ${DEFAULT-VALUE}.")
    Mode mode = Mode.exact;

    @Option(names = "--calibrate", paramLabel = "DIR",
            description = "Calibration inputs (photos, preprocessed for the input shape, or .pb tensors): each decomposed "
                    + "layer's input zero fraction and its sparse-vs-dense time are measured on them; layers where sparse "
                    + "does not pay stay dense, the others get a calibrated break-even; in threshold mode the thresholds "
                    + "are chosen on them.")
    Path calibrate;

    @Option(names = "--max-drop", paramLabel = "P", defaultValue = "0.01",
            description = "Threshold mode: the largest share of calibration inputs whose top-1 class may differ from "
                    + "the dense model (for non-classifiers: the largest relative L2 error of the outputs). Each "
                    + "producer's threshold climbs a ladder of quantiles of its outputs, greedily by MACs saved per "
                    + "output change, while two thirds of the calibration inputs stay within P; the result is then "
                    + "checked on the other third and backed off until it holds there too; default ${DEFAULT-VALUE}.")
    double maxDrop = 0.01;

    @Option(names = "--preprocess", paramLabel = "NAME",
            description = "How photos (--calibrate, --images, and the compiled jar's --image) become inputs: imagenet, "
                    + "caffe2, mnist, cifar, ultraface, luma, rgb, grey; default chosen from the input shape. compile "
                    + "records it in the jar.")
    String preprocess;

    /** {@code request} with these settings. */
    CompileRequest apply(CompileRequest request) {
        return request.sparsity(mode.toMode()).calibration(calibrate).maxDrop(maxDrop).preprocess(preprocess);
    }

    /**
     * The pass options these settings ask for (calibrating on the model first when --calibrate is given),
     * for commands that run the pipeline without compiling (inspect, dump-ir).
     */
    PassOptions passOptions(Path model, List<String> inputShapes, PrintWriter err) {
        if (calibrate != null) {
            Main.hintIfScalar(err);
        }
        Progress progress = Progress.forTerminal(err);
        try {
            return Falconc.passOptions(model, apply(CompileRequest.to(model).inputShapes(inputShapes)).listener(progress));
        } finally {
            progress.done();
        }
    }

    /** A short description for reports: {@code sparsity exact, calibrated on DIR}. */
    String describe() {
        return "sparsity " + mode + (calibrate == null ? "" : ", calibrated on " + calibrate);
    }
}
