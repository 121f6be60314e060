package org.falconc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.falconc.ir.Graph;
import org.junit.jupiter.api.Test;

/** print(parse(print(g))) == print(g), and the parsed graph equals g, over many random graphs. */
class IrTextPropertyTest {
    private static final int GRAPHS = 400;

    @Test
    void defaultDumpsRoundTrip() {
        for (long seed = 0; seed < GRAPHS; seed++) {
            roundTrip(seed, PrintOptions.defaults());
        }
    }

    /** With every constant written out, the parsed constants must be content-equal to the originals. */
    @Test
    void fullDumpsRoundTripWithEqualConstants() {
        for (long seed = 0; seed < GRAPHS; seed++) {
            roundTrip(seed, PrintOptions.full());
        }
    }

    @Test
    void otherThresholdsRoundTrip() {
        for (long seed = 0; seed < GRAPHS; seed++) {
            roundTrip(seed, new PrintOptions((int) (seed % 7), false));
        }
    }

    private static void roundTrip(long seed, PrintOptions options) {
        Graph g = RandomGraphs.generate(seed);
        String text = IrPrinter.print(g, options);
        Graph parsed;
        try {
            parsed = IrParser.parse(text);
        } catch (RuntimeException e) {
            fail("seed " + seed + ": " + e.getMessage() + "\n" + text, e);
            return;
        }
        assertEquals(text, IrPrinter.print(parsed, options), "seed " + seed);
        try {
            GraphAssertions.assertSameGraph(g, parsed, options);
        } catch (AssertionError e) {
            fail("seed " + seed + ": " + e.getMessage() + "\n" + text, e);
        }
    }
}
