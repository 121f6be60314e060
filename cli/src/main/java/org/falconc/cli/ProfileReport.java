package org.falconc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.falconc.cli.report.Numbers;
import org.falconc.cli.report.ProfileFacts;
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
        print(out, ProfileFacts.of(layers, p, inferences, what, peak, threads));
    }

    /** The table and totals of {@code facts} (the figures the HTML report shows too). */
    static void print(PrintWriter out, ProfileFacts facts) {
        int inferences = facts.inferences();
        MachinePeak peak = facts.peak();
        out.printf(Locale.ROOT, "profile of %s: %d inferences%n", facts.what(), inferences);
        out.printf(Locale.ROOT, "%s%s%n", peak == null ? MachinePeak.NOT_AVAILABLE : peak.describe(),
                peak == null ? "" : String.format(Locale.ROOT, "; %% peak = GFLOP/s / (%.1f x %d threads)",
                        peak.gflopsPerCore(), facts.threads()));
        out.printf(Locale.ROOT, "%3s  %-28s %-15s %-20s %-30s %9s %6s %10s %10s %6s %7s %9s %8s %6s%n", "#", "layer",
                "op", "output", "execution", "sparse", "b-even", "dense MMAC", "exec MMAC", "zeros", "capture", "time ms",
                "GFLOP/s", "% peak");
        for (ProfileFacts.Row r : facts.rows()) {
            LayerInfo info = r.info();
            boolean conv = r.conv();
            String decided = r.decisions() == 0 ? "" : r.sparseDecisions() + "/" + r.decisions();
            String breakEven = Float.isNaN(r.breakEven()) ? "" : Numbers.pct(r.breakEven());
            out.printf(Locale.ROOT, "%3d  %-28s %-15s %-20s %-30s %9s %6s %10s %10s %6s %7s %9s %8s %6s%n", info.index(),
                    cut(info.name(), 28), cut(info.op(), 15), cut(info.output(), 20), cut(info.detail(), 30), decided,
                    breakEven,
                    conv ? Numbers.mmac(r.denseMacs(), inferences) : "", conv ? Numbers.mmac(r.executedMacs(), inferences) : "",
                    blankIfNaN(r.zeroFraction()), blankIfNaN(r.capture()), Numbers.ms(r.nanos(), inferences),
                    Numbers.gflops(r.rate()), Numbers.percentOfPeak(r.rate()));
        }
        out.println();
        out.printf(Locale.ROOT, "convolutions: dense %s MMAC, executed %s MMAC per inference%n",
                Numbers.mmac(facts.denseMacs(), inferences), Numbers.mmac(facts.executedMacs(), inferences));
        out.printf(Locale.ROOT, "zero fraction of convolution inputs: %s%n", Numbers.pct(facts.zeroFraction()));
        out.printf(Locale.ROOT, "theoretical computation reduction (MACs with a zero activation operand / conv MACs): %s%n",
                Numbers.pct(facts.theoreticalReduction()));
        out.printf(Locale.ROOT, "executed computation reduction (1 - executed / dense conv MACs): %s%n",
                Numbers.pct(facts.executedReduction()));
        out.printf(Locale.ROOT, "capture (skipped MACs / MACs with a zero activation operand): %s%n",
                Numbers.pct(facts.capture()));
        out.printf(Locale.ROOT, "time per inference: %s ms (convolutions %s ms)%n", Numbers.ms(facts.nanos(), inferences),
                Numbers.ms(facts.convNanos(), inferences));
        ComputeRate model = facts.modelRate();
        out.printf(Locale.ROOT, "model: %.3f GFLOP per inference (2 x dense conv and matrix-product MACs), %s GFLOP/s, "
                + "%s of peak (%d thread%s)%n", Flops.ofMacs(facts.modelMacs()) / 1e9, Numbers.gflops(model),
                peak == null ? "n/a" : Numbers.percentOfPeak(model) + "%", facts.threads(), facts.threads() == 1 ? "" : "s");
        out.flush();
    }

    private static String blankIfNaN(double fraction) {
        return Double.isNaN(fraction) ? "" : Numbers.pct(fraction);
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
