package org.falconc.ir.text;

import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.falconc.ir.IrException;

/**
 * Turns the first lexer or parser error into an {@link IrException} that says where it is, replacing
 * ANTLR's console listener (which would print and carry on).
 */
final class SyntaxErrorListener extends BaseErrorListener {
    static final SyntaxErrorListener INSTANCE = new SyntaxErrorListener();
    private static final Map<String, String> TOKEN_WORDS = Map.of(
            "VALUE", "%value", "IDENT", "identifier", "STRING", "string", "DIGEST", "#digest",
            "INT", "integer", "FLOAT", "float");

    private SyntaxErrorListener() {
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        throw new IrException(IrParser.at(line, charPositionInLine, plain(msg)));
    }

    /**
     * ANTLR's wording made plainer: "unexpected 'x', expecting ...", "end of input" for '<EOF>', and
     * what a token looks like instead of its grammar name (only outside the quoted input).
     */
    static String plain(String msg) {
        String m = msg.replaceFirst("^(mismatched|extraneous) input ('.*?') expecting ", "unexpected $2, expecting ");
        m = m.replace("'<EOF>'", "end of input");
        int expecting = m.lastIndexOf(" expecting ");
        if (expecting >= 0) {
            return m.substring(0, expecting) + tokenWords(m.substring(expecting));
        }
        int at = m.indexOf(" at ");
        if (m.startsWith("missing ") && at > 0) {
            return tokenWords(m.substring(0, at)) + m.substring(at);
        }
        return m;
    }

    private static String tokenWords(String s) {
        for (Map.Entry<String, String> e : TOKEN_WORDS.entrySet()) {
            s = s.replaceAll("\\b" + e.getKey() + "\\b", e.getValue());
        }
        return s;
    }
}
