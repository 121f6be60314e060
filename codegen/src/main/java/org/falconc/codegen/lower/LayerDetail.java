package org.falconc.codegen.lower;

import java.util.Locale;
import org.falconc.ir.Attributes;
import org.falconc.ir.Node;

/**
 * The one-line execution decision of a layer for the profile table and {@code inspect}: how a
 * convolution runs (dense, or sparse with its unit and the scheduler's expectation) and whether the
 * layer writes a mask for sparse consumers.
 */
final class LayerDetail {
    private LayerDetail() {
    }

    static String of(Node n) {
        Attributes a = n.attrs();
        StringBuilder sb = new StringBuilder();
        switch (n.op()) {
            case "DecomposedConv" -> {
                sb.append("sparse unit ").append(a.getInt("unit_channels", 0)).append("ch x ")
                        .append(a.getInt("unit_pixels", 0)).append("px");
                if (a.has("expected_live")) {
                    sb.append(String.format(Locale.ROOT, ", expected live %.2f", a.getFloat("expected_live", 1f)));
                }
            }
            case "Conv", "FusedConv" -> sb.append("dense");
            case "FusedConvNhwc" -> sb.append("dense, channels-last");
            default -> { }
        }
        String act = a.getString("activation", "");
        if (act.equals("ThresholdedRelu")) {
            float[] p = a.getFloats("activation_params", new float[0]);
            sb.append(sb.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "threshold %.4g", p.length > 0 ? p[0] : 0f));
        }
        if (n.op().equals("ThresholdedRelu")) {
            sb.append(String.format(Locale.ROOT, "threshold %.4g", a.getFloat("alpha", 1f)));
        }
        if (a.getInt("mask_block", 0) > 0 || n.op().equals("ActivationMask")) {
            sb.append(sb.length() > 0 ? ", " : "").append("writes mask");
        }
        return sb.toString();
    }
}
