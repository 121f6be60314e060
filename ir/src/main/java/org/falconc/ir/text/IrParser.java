package org.falconc.ir.text;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;

/**
 * Reads the textual IR (docs/ir-text.md) back into a {@link Graph}. Every error, syntactic or not
 * (undefined or duplicate values, unknown element types, wrong element counts), is an
 * {@link IrException} whose message starts with {@code line L:C:} (both counted from 1).
 * The graph is built through the public Graph API but not verified: callers run the Verifier.
 */
public final class IrParser {
    private static final int MAX_MESSAGE = 160;

    private IrParser() {
    }

    public static Graph parse(String text) {
        FalconIrLexer lexer = new FalconIrLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(SyntaxErrorListener.INSTANCE);
        FalconIrParser parser = new FalconIrParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(SyntaxErrorListener.INSTANCE);
        return new GraphBuilder().build(parser.graph_());
    }

    /** The message of an error at ANTLR's 0-based {@code charPositionInLine}, shown 1-based. */
    static String at(int line, int charPositionInLine, String message) {
        String m = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
        return "line " + line + ":" + (charPositionInLine + 1) + ": " + m;
    }
}
