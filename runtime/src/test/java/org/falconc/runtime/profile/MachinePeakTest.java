package org.falconc.runtime.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The peak loop runs (surefire adds jdk.incubator.vector) on the preferred species; its speed is not asserted. */
class MachinePeakTest {
    @Test
    void measuresOnThePreferredSpecies() {
        MachinePeak peak = MachinePeak.measure().orElseThrow();
        assertEquals(FloatVector.SPECIES_PREFERRED.toString(), peak.species());
        assertTrue(peak.gflopsPerCore() > 0 && Double.isFinite(peak.gflopsPerCore()), peak.toString());
        assertTrue(peak.describe().startsWith("fp32 FMA peak "), peak.describe());
    }

    @Test
    void countsTwoFlopsPerLanePerFma() {
        // 12 chains x lanes x 2 flops per iteration.
        assertEquals(7 * 12 * FloatVector.SPECIES_PREFERRED.length() * 2L, VectorFmaLoop.flops(7));
    }

    @Test
    void loopResultConvergesWithoutOverflow() {
        // a = a * 0.999 + 0.001 tends to 1 for every chain: the sum over 12 chains and all lanes tends to their count.
        float sum = VectorFmaLoop.run(100_000, 0f);
        assertEquals(12 * FloatVector.SPECIES_PREFERRED.length(), sum, 0.01f * 12 * FloatVector.SPECIES_PREFERRED.length());
    }
}
