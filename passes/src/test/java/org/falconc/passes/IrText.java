package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.falconc.ir.Graph;
import org.falconc.ir.Verifier;
import org.falconc.ir.text.IrParser;
import org.falconc.ir.text.IrPrinter;
import org.falconc.ir.text.PrintOptions;

/** Parsing and printing for pass tests; every tensor is printed inline so data differences show. */
final class IrText {
    private IrText() {
    }

    /** Parses and verifies {@code text}. */
    static Graph parse(String text) {
        Graph g = IrParser.parse(text);
        Verifier.verify(g);
        return g;
    }

    static String print(Graph g) {
        return IrPrinter.print(g, PrintOptions.full());
    }

    /** The printer's spelling of {@code text}: expected graphs are written by hand, layout may differ. */
    static String canonical(String text) {
        return print(IrParser.parse(text));
    }

    /** Asserts that {@code g} prints exactly as {@code expectedText} does once parsed. */
    static void assertGraph(String expectedText, Graph g) {
        assertEquals(canonical(expectedText), print(g));
    }

    static void assertGraph(String expectedText, Graph g, String message) {
        assertEquals(canonical(expectedText), print(g), message);
    }

    static PassContext context(Pass pass) {
        return new PassContext(PassOptions.defaults(), pass.name());
    }

    static PassContext context(Pass pass, PassOptions options) {
        return new PassContext(options, pass.name());
    }
}
