package org.falconc.runtime.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FLOP counts from the layer table, GFLOP/s and the share of the peak, on fixed numbers. */
class ComputeRateTest {
    @Test
    void denseFlopsAreTwicePerMacOverAllLayers() {
        List<LayerInfo> layers = List.of(
                new LayerInfo(0, "conv", "Conv", "", "", 1_000, "dense", "a"),
                new LayerInfo(1, "relu", "Relu", "", "", 0, "", "b"),
                new LayerInfo(2, "fc", "Gemm", "", "", 500, "", "c"));
        assertEquals(3_000, Flops.denseFlops(layers));
        assertEquals(0, Flops.denseFlops(List.of()));
    }

    @Test
    void gflopsAreFlopsPerNanosecond() {
        assertEquals(2.0, Flops.gflops(4e9, 2e9), 1e-12);
        assertTrue(Double.isNaN(Flops.gflops(1, 0)));
    }

    @Test
    void shareOfPeakScalesThePerCorePeakByThreads() {
        MachinePeak peak = new MachinePeak(100, "S");
        assertEquals(400, peak.gflops(4), 1e-12);
        // 3 GFLOP per inference in 20 ms = 150 GFLOP/s; on 2 threads that is 150 / 200 of the peak.
        ComputeRate r = ComputeRate.ofLatency(3_000_000_000L, 20, peak, 2);
        assertEquals(150, r.gflops(), 1e-9);
        assertEquals(0.75, r.fractionOfPeak(), 1e-12);
        assertEquals(75, r.percentOfPeak(), 1e-9);
        assertEquals(1.5, ComputeRate.of(3e9, 2e9, peak, 1).fractionOfPeak() * 100, 1e-9);
    }

    @Test
    void withoutAPeakOnlyTheRateIsKnown() {
        ComputeRate r = ComputeRate.ofLatency(1_000_000, 1, null, 1);
        assertEquals(1, r.gflops(), 1e-12);
        assertTrue(Double.isNaN(r.fractionOfPeak()));
    }
}
