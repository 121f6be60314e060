package org.falconc.cli.report;

import java.util.Locale;

/**
 * The heat maps' colour scale: viridis (matplotlib's perceptually uniform map, readable in grey and by
 * most colour-blind readers), dark purple for 0 (no zero channel) to yellow for 1 (every channel
 * zero), linear in sRGB between eleven stops. The legend is an SVG gradient with the same stops, so
 * it interpolates exactly as the PNGs do.
 */
final class ColourScale {
    /** Viridis at 0, 0.1, ..., 1 (0xRRGGBB). */
    private static final int[] STOPS = {
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725,
    };

    private ColourScale() {
    }

    /** The colour (0xRRGGBB) of a share in [0, 1] (clamped). */
    static int rgb(double share) {
        double t = Math.max(0, Math.min(1, share)) * (STOPS.length - 1);
        int i = Math.min((int) t, STOPS.length - 2);
        double f = t - i;
        int a = STOPS[i];
        int b = STOPS[i + 1];
        return channel(a >> 16, b >> 16, f) << 16 | channel(a >> 8, b >> 8, f) << 8 | channel(a, b, f);
    }

    private static int channel(int a, int b, double f) {
        int x = a & 0xff;
        int y = b & 0xff;
        return (int) Math.round(x + (y - x) * f);
    }

    /** "#rrggbb" of a colour. */
    static String css(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    /**
     * The legend: a horizontal bar of the scale, ticks at 0, 25, 50, 75 and 100% of the channels zero,
     * as an inline SVG of {@code width} x 46 px whose gradient has the id {@code id}.
     */
    static String legendSvg(String id, int width) {
        int bar = width - 20;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"legend\" width=\"%d\" "
                + "height=\"46\" viewBox=\"0 0 %d 46\" role=\"img\" aria-label=\"colour scale: share of zero channels "
                + "per pixel, 0%% to 100%%\">\n", width, width));
        sb.append("<defs><linearGradient id=\"").append(Html.escape(id)).append("\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">\n");
        for (int i = 0; i < STOPS.length; i++) {
            sb.append(String.format(Locale.ROOT, "<stop offset=\"%.1f\" stop-color=\"%s\"/>\n",
                    (double) i / (STOPS.length - 1), css(STOPS[i])));
        }
        sb.append("</linearGradient></defs>\n");
        sb.append(String.format(Locale.ROOT, "<rect x=\"10\" y=\"4\" width=\"%d\" height=\"18\" fill=\"url(#%s)\" "
                + "stroke=\"#555\" stroke-width=\"0.5\"/>\n", bar, Html.escape(id)));
        for (int pct = 0; pct <= 100; pct += 25) {
            double x = 10 + bar * pct / 100.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"22\" y2=\"27\" stroke=\"#333\"/>"
                    + "<text x=\"%.1f\" y=\"40\" text-anchor=\"middle\" font-size=\"11\">%d%%</text>\n", x, x, x, pct));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }
}
