package org.falconc.cli.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's chart, as inline SVG (no script): one row per layer, in run order, with the layer's
 * name, its dense MACs per inference as a light bar with the executed MACs as a dark bar over it
 * (the gap is what sparse execution skipped), and its time per inference as a bar on a scale of its
 * own. Each row is a {@code <g class="layer">} whose {@code <title>} (the tooltip) gives the figures.
 */
final class MacChart {
    static final String DENSE = "#b7d4ea";
    static final String EXECUTED = "#1f5f9e";
    static final String TIME = "#e6550d";

    private static final int WIDTH = 980;
    private static final int LABEL_X = 4;
    private static final int MAC_X = 270;
    private static final int MAC_WIDTH = 420;
    private static final int TIME_X = 730;
    private static final int TIME_WIDTH = 230;
    private static final int TOP = 44;
    private static final int ROW = 16;
    private static final int BAR = 11;
    private static final int LABEL_CHARS = 40;

    private MacChart() {
    }

    /** The chart of {@code facts}. */
    static String svg(ProfileFacts facts) {
        List<ProfileFacts.Row> rows = facts.rows();
        int n = facts.inferences();
        double maxMacs = 0;
        double maxNanos = 0;
        for (ProfileFacts.Row r : rows) {
            maxMacs = Math.max(maxMacs, facts.perInference(r.denseMacs()));
            maxNanos = Math.max(maxNanos, facts.perInference(r.nanos()));
        }
        int height = TOP + rows.size() * ROW + 34;
        StringBuilder sb = new StringBuilder();
        sb.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"sans-serif\" "
                + "font-size=\"11\">\n", WIDTH, height, WIDTH, height));
        sb.append("<title id=\"chart-title\">Dense and executed MACs and time per inference, per layer</title>\n");
        sb.append(f("<text x=\"%d\" y=\"14\" font-weight=\"bold\">MMAC per inference: dense (light), executed (dark)"
                + "</text>\n", MAC_X));
        sb.append(f("<text x=\"%d\" y=\"14\" font-weight=\"bold\">time, ms per inference</text>\n", TIME_X));
        axis(sb, MAC_X, MAC_WIDTH, maxMacs / 1e6, "%.1f", height);
        axis(sb, TIME_X, TIME_WIDTH, maxNanos / 1e6, "%.2f", height);
        for (int i = 0; i < rows.size(); i++) {
            ProfileFacts.Row r = rows.get(i);
            int y = TOP + i * ROW;
            double dense = facts.perInference(r.denseMacs());
            double executed = facts.perInference(r.executedMacs());
            double nanos = facts.perInference(r.nanos());
            String name = r.info().name();
            sb.append(f("<g class=\"layer\" id=\"chart-layer-%d\">", r.info().index()));
            sb.append("<title>").append(Html.escape("#" + r.info().index() + " " + name + " (" + r.info().op() + "): "
                    + (r.conv() ? "dense " + Numbers.mmac(r.denseMacs(), n) + " MMAC, executed "
                    + Numbers.mmac(r.executedMacs(), n) + " MMAC, " : "") + Numbers.ms(r.nanos(), n) + " ms"))
                    .append("</title>");
            if (i % 2 == 1) {
                sb.append(f("<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f3f3f3\"/>", y - 2, WIDTH, ROW));
            }
            String label = name.length() <= LABEL_CHARS ? name : name.substring(0, LABEL_CHARS - 1) + "\u2026";
            sb.append(f("<text x=\"%d\" y=\"%d\">", LABEL_X, y + BAR - 1)).append(Html.escape(r.info().index() + " "
                    + label)).append("</text>");
            if (r.conv()) {
                sb.append(f("<rect class=\"dense\" x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>", MAC_X, y,
                        bar(dense, maxMacs, MAC_WIDTH), BAR, DENSE));
                sb.append(f("<rect class=\"executed\" x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>", MAC_X,
                        y + 2, bar(executed, maxMacs, MAC_WIDTH), BAR - 4, EXECUTED));
            }
            sb.append(f("<rect class=\"time\" x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"/>", TIME_X, y,
                    bar(nanos, maxNanos, TIME_WIDTH), BAR, TIME));
            sb.append("</g>\n");
        }
        int legend = height - 14;
        sb.append(f("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">dense MACs"
                + "</text>\n", MAC_X, legend - 9, DENSE, MAC_X + 16, legend));
        sb.append(f("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">executed "
                + "MACs</text>\n", MAC_X + 100, legend - 9, EXECUTED, MAC_X + 116, legend));
        sb.append(f("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">time</text>\n",
                TIME_X, legend - 9, TIME, TIME_X + 16, legend));
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Gridlines at 0, 1/2 and 1 of the scale, labelled with their values. */
    private static void axis(StringBuilder sb, int x, int width, double max, String format, int height) {
        for (int k = 0; k <= 2; k++) {
            double gx = x + width * k / 2.0;
            sb.append(f("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>", gx, gx, TOP - 8,
                    height - 30));
            sb.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" fill=\"#555\">%s</text>\n", gx, TOP - 12,
                    k == 0 ? "start" : k == 1 ? "middle" : "end", f(format, max * k / 2)));
        }
    }

    private static double bar(double value, double max, int width) {
        return max > 0 ? width * value / max : 0;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
