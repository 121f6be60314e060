package org.falconc.cli.report;

import java.util.Locale;
import org.falconc.runtime.profile.ComputeRate;

/** The report's number formats: those of the text table of {@code falconc profile}, so both show the same figures. */
public final class Numbers {
    private Numbers() {
    }

    /** A fraction as a percentage with one decimal ("39.0%"); "n/a" for NaN. */
    public static String pct(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** Millions of MACs per inference of {@code macs} over {@code inferences}, two decimals. */
    public static String mmac(long macs, int inferences) {
        return String.format(Locale.ROOT, "%.2f", macs / 1e6 / inferences);
    }

    /** Milliseconds per inference of {@code nanos} over {@code inferences}, three decimals. */
    public static String ms(long nanos, int inferences) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6 / inferences);
    }

    /** GFLOP/s with one decimal; blank for layers without MACs (null), "n/a" without a time. */
    public static String gflops(ComputeRate r) {
        return r == null ? "" : Double.isFinite(r.gflops()) ? String.format(Locale.ROOT, "%.1f", r.gflops()) : "n/a";
    }

    /** % of peak with one decimal; blank for layers without MACs (null), "n/a" without a measured peak. */
    public static String percentOfPeak(ComputeRate r) {
        return r == null ? "" : Double.isFinite(r.fractionOfPeak())
                ? String.format(Locale.ROOT, "%.1f", r.percentOfPeak()) : "n/a";
    }
}
