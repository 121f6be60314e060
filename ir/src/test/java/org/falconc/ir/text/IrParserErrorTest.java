package org.falconc.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.falconc.ir.IrException;
import org.junit.jupiter.api.Test;

/** Bad input gives one IrException naming line and column (both from 1), and nothing on the console. */
class IrParserErrorTest {
    private static String error(String text) {
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        IrException e;
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            e = assertThrows(IrException.class, () -> IrParser.parse(text));
        } finally {
            System.setErr(err);
        }
        assertEquals("", console.toString(StandardCharsets.UTF_8), "ANTLR must not print to the console");
        assertNull(e.getCause(), "no ANTLR exception behind the message");
        return e.getMessage();
    }

    private static void assertError(String expectedPrefix, String text) {
        String message = error(text);
        assertTrue(message.startsWith(expectedPrefix), "expected '" + expectedPrefix + "...', got: " + message);
        assertTrue(message.length() < 240, "short message: " + message);
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        assertError("line 2:17: unexpected '{', expecting {',', ')'}", """
                graph main(%x: f32[2]) -> (%y) {
                  %y = Relu (%x {alpha = 1.0}
                }
                """);
        assertError("line 1:1: missing 'graph' at 'grph'", "grph main() -> () {}");
        assertError("line 2:1: unexpected end of input, expecting {'}', %value, string, identifier}", "graph main() -> () {\n");
        assertError("line 1:16: unexpected ')', expecting identifier", "graph main(%x: ) -> () {}");
        // Grammar token names in the expected set are spelled out, but never in the quoted input.
        assertError("line 2:19: missing '=' at 'STRING'", "graph main(%x) -> () {\n  Op (%x) {STRING STRING}\n}");
        assertError("line 1:20: unexpected 'IDENT', expecting {')', %value}", "graph main(%x) -> (IDENT) {}");
    }

    @Test
    void lexerErrorsNameLineAndColumn() {
        assertError("line 2:8: token recognition error at: '$'", "graph main() -> () {\n  %y = $Op ()\n}");
        assertError("line 1:7: token recognition error at: '\"ma", "graph \"main() -> () {}");
    }

    @Test
    void undefinedValues() {
        assertError("line 2:13: %q is not defined", """
                graph main(%x: f32[2]) -> () {
                  %y = Add (%q, %x)
                }
                """);
        assertError("line 1:28: %\"no such\" is not defined", "graph main(%x: f32[2]) -> (%\"no such\") {}");
    }

    @Test
    void useBeforeDefinition() {
        assertError("line 2:13: %b used before it is defined (defined on line 3)", """
                graph main(%x: f32[2]) -> () {
                  %a = Add (%b, %x)
                  %b = Relu (%x)
                }
                """);
        assertError("line 2:13: %a used before it is defined (defined on line 2)", """
                graph main() -> () {
                  %a = Add (%a)
                }
                """);
    }

    @Test
    void duplicateDefinitions() {
        assertError("line 2:3: %x is already defined on line 1", """
                graph main(%x: f32[2]) -> () {
                  %x = const f32[] [1.0]
                }
                """);
        assertError("line 1:20: %x is already defined on line 1", "graph main(%x, %y, %x) -> () {}");
        assertError("line 3:3: %y is already defined on line 2", """
                graph main(%x: f32[2]) -> () {
                  %y = Relu (%x)
                  %y, %z = Split (%x)
                }
                """);
        assertError("line 2:7: %y is defined twice by the same node", """
                graph main(%x: f32[2]) -> () {
                  %y, %y = Split (%x)
                }
                """);
    }

    @Test
    void unknownElementType() {
        assertError("line 1:16: unknown element type 'f16' (expected f32, i64, i32 or bool)",
                "graph main(%x: f16[2]) -> () {}");
        assertError("line 2:14: unknown element type 'float'", """
                graph main() -> () {
                  %c = const float[1] [1.0]
                }
                """);
    }

    @Test
    void tensorLiteralsMustMatchTheirType() {
        assertError("line 2:23: tensor f32[2,2] needs 4 elements, got 3",
                "graph main() -> () {\n  %c = const f32[2,2] [1.0, 2.0, 3.0]\n}");
        assertError("line 2:29: expected true or false, got 1",
                "graph main() -> () {\n  %c = const bool[2] [true, 1]\n}");
        assertError("line 2:22: expected an i64 integer, got 1.5",
                "graph main() -> () {\n  %c = const i64[1] [1.5]\n}");
        assertError("line 2:22: integer 2147483648 is out of range for i32",
                "graph main() -> () {\n  %c = const i32[1] [2147483648]\n}");
        assertError("line 2:22: integer 9223372036854775808 is out of range for i64",
                "graph main() -> () {\n  %c = const i64[1] [9223372036854775808]\n}");
        assertError("line 2:22: nan(0x3f800000) is not the bit pattern of a NaN",
                "graph main() -> () {\n  %c = const f32[1] [nan(0x3f800000)]\n}");
        assertError("line 2:18: dimension -1 is out of range",
                "graph main() -> () {\n  %c = const f32[-1] []\n}");
    }

    @Test
    void attributeErrors() {
        String head = "graph main(%x: f32[2]) -> () {\n  %y = Op (%x) ";
        assertError("line 2:31: attribute a is given twice", head + "{a = 1, b = 2, a = 3}\n}");
        assertError("line 2:21: an empty list must name its kind", head + "{a = []}\n}");
        assertError("line 2:21: unknown list kind 'longs'", head + "{a = longs [1]}\n}");
        assertError("line 2:27: expected a string, got 2", head + "{a = [\"x\", 2]}\n}");
        assertError("line 2:22: expected an integer, got true", head + "{a = [true]}\n}");
    }

    @Test
    void outputTypeCountMustMatchOutputs() {
        assertError("line 2:25: node has 2 outputs but 1 types are listed", """
                graph main(%x: f32[2]) -> () {
                  %a, %b = Split (%x) : f32[1]
                }
                """);
    }

    @Test
    void emptyValueNamesAreRejected() {
        assertError("line 1:12: value names must not be empty", "graph main(%\"\": f32[2]) -> () {}");
        assertError("line 2:7: value names must not be empty", "graph main(%x) -> () {\n  %a, %\"\" = Split (%x)\n}");
    }

    @Test
    void digestNeedsSixteenLowercaseHexDigits() {
        // Fifteen digits: the '#' starts a comment, so the constant has no body.
        assertError("line 3:1: unexpected '}', expecting {'[', #digest}", """
                graph main() -> () {
                  %c = const f32[20] #0123456789abcde
                }
                """);
    }
}
