package org.falconc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The GEMM comparison on small shapes: both engines compute the same product, and the report adds up. */
class GemmBenchmarkTest {
    @Test
    void comparesTheSameProduct() throws Exception {
        OrtAvailability.assumeOrtLoads();
        List<GemmShape> shapes = List.of(new GemmShape(16, 40, 70), new GemmShape(24, 33, 3));
        GemmReport r = GemmBenchmark.run(shapes, List.of(1, 2), 1, 0, 3, false, stage -> { });

        assertEquals(4, r.results().size());
        for (GemmResult g : r.results()) {
            assertTrue(g.agreement().maxRelativeDiff() < 1e-5, g.shape() + ": " + g.agreement());
            assertTrue(g.falconcGflops() > 0 && g.ortGflops() > 0 && g.ratio() > 0, g.toString());
        }
        assertTrue(r.medianRatio(2) > 0);
        assertTrue(Double.isNaN(r.medianRatio(3)));
        assertTrue(MarkdownReport.of(r).contains("| 16x40x70 | 2 | "));
    }
}
