package org.falconc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.falconc.runtime.profile.ComputeRate;
import org.falconc.runtime.profile.Flops;
import org.falconc.runtime.profile.LayerInfo;
import org.falconc.runtime.profile.MachinePeak;
import org.falconc.runtime.profile.Profile;

/**
 * The per-layer table and totals of {@code falconc profile}: for each layer its op, output, the
 * compiler's decision, for a decomposed convolution how many inferences ran sparse and the break-even
 * it decided with, dense and executed MACs, the zero fraction of its input, the capture, the time per
 * inference and, for layers with MACs, GFLOP/s and % of the machine's peak; then the totals over the
 * convolutions (theoretical and executed computation reduction, capture) and the model's rate.
 */
final class ProfileReport {
    private ProfileReport() {
    }

    /**
     * {@code peak} is null when it was not measured (no Vector API); rates are then printed without
     * the % of peak. GFLOP/s are dense-equivalent: the layer's dense MACs (from the compiler's layer
     * table) over its time, so a sparse layer that skips MACs can exceed its dense rate.
     */
    static void print(PrintWriter out, List<LayerInfo> layers, Profile p, int inferences, String what, MachinePeak peak,
                      int threads) {
        out.printf(Locale.ROOT, "profile of %s: %d inferences%n", what, inferences);
        out.printf(Locale.ROOT, "%s%s%n", peak == null ? MachinePeak.NOT_AVAILABLE : peak.describe(),
                peak == null ? "" : String.format(Locale.ROOT, "; %% peak = GFLOP/s / (%.1f x %d threads)",
                        peak.gflopsPerCore(), threads));
        out.printf(Locale.ROOT, "%3s  %-28s %-15s %-20s %-30s %9s %6s %10s %10s %6s %7s %9s %8s %6s%n", "#", "layer",
                "op", "output", "execution", "sparse", "b-even", "dense MMAC", "exec MMAC", "zeros", "capture", "time ms",
                "GFLOP/s", "% peak");
        long modelMacs = 0;
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
            modelMacs += info.denseMacs();
            ComputeRate rate = info.denseMacs() == 0 ? null
                    : ComputeRate.of((double) Flops.ofMacs(info.denseMacs()) * inferences, ns, peak, threads);
            boolean conv = d > 0;
            if (conv) {
                dense += d;
                executed += e;
                zeroOperand += z;
                convNanos += ns;
                elements += p.inputElements(i);
                zeros += p.inputZeros(i);
            }
            String decided = p.decisions(i) == 0 ? "" : p.sparseDecisions(i) + "/" + p.decisions(i);
            String breakEven = Float.isNaN(p.breakEven(i)) ? "" : pct(p.breakEven(i));
            out.printf(Locale.ROOT, "%3d  %-28s %-15s %-20s %-30s %9s %6s %10s %10s %6s %7s %9.3f %8s %6s%n", i,
                    cut(info.name(), 28), cut(info.op(), 15), cut(info.output(), 20), cut(info.detail(), 30), decided,
                    breakEven,
                    conv ? mmac(d, inferences) : "", conv ? mmac(e, inferences) : "",
                    conv && p.inputElements(i) > 0 ? pct((double) p.inputZeros(i) / p.inputElements(i)) : "",
                    conv && z > 0 ? pct((double) (d - e) / z) : "", ns / 1e6 / inferences, gflops(rate),
                    percentOfPeak(rate));
        }
        out.println();
        out.printf(Locale.ROOT, "convolutions: dense %s MMAC, executed %s MMAC per inference%n", mmac(dense, inferences),
                mmac(executed, inferences));
        out.printf(Locale.ROOT, "zero fraction of convolution inputs: %s%n",
                elements == 0 ? "n/a" : pct((double) zeros / elements));
        out.printf(Locale.ROOT, "theoretical computation reduction (MACs with a zero activation operand / conv MACs): %s%n",
                dense == 0 ? "n/a" : pct((double) zeroOperand / dense));
        out.printf(Locale.ROOT, "executed computation reduction (1 - executed / dense conv MACs): %s%n",
                dense == 0 ? "n/a" : pct(1 - (double) executed / dense));
        out.printf(Locale.ROOT, "capture (skipped MACs / MACs with a zero activation operand): %s%n",
                zeroOperand == 0 ? "n/a" : pct((double) (dense - executed) / zeroOperand));
        out.printf(Locale.ROOT, "time per inference: %.3f ms (convolutions %.3f ms)%n", allNanos / 1e6 / inferences,
                convNanos / 1e6 / inferences);
        ComputeRate model = ComputeRate.of((double) Flops.ofMacs(modelMacs) * inferences, allNanos, peak, threads);
        out.printf(Locale.ROOT, "model: %.3f GFLOP per inference (2 x dense conv and matrix-product MACs), %s GFLOP/s, "
                + "%s of peak (%d thread%s)%n", Flops.ofMacs(modelMacs) / 1e9, gflops(model),
                peak == null ? "n/a" : percentOfPeak(model) + "%", threads, threads == 1 ? "" : "s");
        out.flush();
    }

    /** Blank for layers without MACs. */
    private static String gflops(ComputeRate r) {
        return r == null ? "" : Double.isFinite(r.gflops()) ? String.format(Locale.ROOT, "%.1f", r.gflops()) : "n/a";
    }

    /** Blank for layers without MACs, "n/a" without a measured peak. */
    private static String percentOfPeak(ComputeRate r) {
        return r == null ? "" : Double.isFinite(r.fractionOfPeak())
                ? String.format(Locale.ROOT, "%.1f", r.percentOfPeak()) : "n/a";
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
