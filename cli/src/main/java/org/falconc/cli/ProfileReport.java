package org.falconc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.Profile;

/**
 * The per-layer table and totals of {@code falconc profile}: for each layer its op, output, the
 * compiler's decision, live unit fraction, dense and executed MACs, the zero fraction of its input,
 * the capture and the time per inference; then the totals over the convolutions.
 */
final class ProfileReport {
    private ProfileReport() {
    }

    static void print(PrintWriter out, List<LayerInfo> layers, Profile p, int inferences, String what) {
        out.printf(Locale.ROOT, "profile of %s: %d inferences%n", what, inferences);
        out.printf(Locale.ROOT, "%3s  %-28s %-15s %-20s %-44s %6s %10s %10s %6s %7s %9s%n", "#", "layer", "op", "output",
                "execution", "live", "dense MMAC", "exec MMAC", "zeros", "capture", "time ms");
        long dense = 0;
        long executed = 0;
        long zeroOperand = 0;
        long convNanos = 0;
        long allNanos = 0;
        long elements = 0;
        long zeros = 0;
        for (int i = 0; i < Math.max(layers.size(), p.layers()); i++) {
            LayerInfo info = i < layers.size() ? layers.get(i) : new LayerInfo(i, "layer " + i, "?", "", "", 0, "", "");
            long d = p.denseMacs(i);
            long e = p.executedMacs(i);
            long z = p.zeroOperandMacs(i);
            long ns = p.nanos(i);
            allNanos += ns;
            boolean conv = d > 0;
            if (conv) {
                dense += d;
                executed += e;
                zeroOperand += z;
                convNanos += ns;
                elements += p.inputElements(i);
                zeros += p.inputZeros(i);
            }
            String live = p.unitsTotal(i) == 0 ? "" : pct((double) p.unitsLive(i) / p.unitsTotal(i));
            out.printf(Locale.ROOT, "%3d  %-28s %-15s %-20s %-44s %6s %10s %10s %6s %7s %9.3f%n", i, cut(info.name(), 28),
                    cut(info.op(), 15), cut(info.output(), 20), cut(info.detail(), 44), live,
                    conv ? mmac(d, inferences) : "", conv ? mmac(e, inferences) : "",
                    conv && p.inputElements(i) > 0 ? pct((double) p.inputZeros(i) / p.inputElements(i)) : "",
                    conv && z > 0 ? pct((double) (d - e) / z) : "", ns / 1e6 / inferences);
        }
        out.println();
        out.printf(Locale.ROOT, "convolutions: dense %s MMAC, executed %s MMAC per inference%n", mmac(dense, inferences),
                mmac(executed, inferences));
        out.printf(Locale.ROOT, "zero fraction of convolution inputs: %s%n",
                elements == 0 ? "n/a" : pct((double) zeros / elements));
        out.printf(Locale.ROOT, "theoretical computation reduction (1 - executed / dense conv MACs): %s%n",
                dense == 0 ? "n/a" : pct(1 - (double) executed / dense));
        out.printf(Locale.ROOT, "capture (skipped MACs / MACs with a zero activation operand): %s%n",
                zeroOperand == 0 ? "n/a" : pct((double) (dense - executed) / zeroOperand));
        out.printf(Locale.ROOT, "time per inference: %.3f ms (convolutions %.3f ms)%n", allNanos / 1e6 / inferences,
                convNanos / 1e6 / inferences);
        out.flush();
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * f);
    }

    private static String mmac(long macs, int inferences) {
        return String.format(Locale.ROOT, "%.2f", macs / 1e6 / inferences);
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
