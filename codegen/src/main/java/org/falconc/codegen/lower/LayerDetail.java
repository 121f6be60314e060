package org.falconc.codegen.lower;

import java.util.Locale;
import org.falconc.ir.Attributes;
import org.falconc.ir.Node;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.SparseAttrs;

/**
 * The one-line execution decision of a layer for the profile table and {@code inspect}: how a
 * convolution runs (dense, channels-last, or decomposed with the zero fraction calibration measured)
 * and its output threshold.
 */
final class LayerDetail {
    private LayerDetail() {
    }

    static String of(Node n) {
        Attributes a = n.attrs();
        StringBuilder sb = new StringBuilder();
        switch (n.op()) {
            case "DecomposedConv" -> {
                sb.append("decomposed");
                if (a.has(SparseAttrs.EXPECTED_ZEROS)) {
                    sb.append(String.format(Locale.ROOT, ", calibrated zeros %.2f", a.getFloat(SparseAttrs.EXPECTED_ZEROS, 0f)));
                }
            }
            case "Conv", "FusedConv" -> sb.append("dense");
            case "FusedConvNhwc" -> sb.append("dense, channels-last");
            default -> { }
        }
        if (Activation.named(a.getString(Activation.ATTRIBUTE, "")) == Activation.THRESHOLDED_RELU) {
            float[] p = a.getFloats(Activation.PARAMS_ATTRIBUTE, new float[0]);
            sb.append(sb.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "threshold %.4g", p.length > 0 ? p[0] : 0f));
        }
        if (n.op().equals("ThresholdedRelu")) {
            sb.append(String.format(Locale.ROOT, "threshold %.4g", a.getFloat("alpha", 1f)));
        }
        return sb.toString();
    }
}
