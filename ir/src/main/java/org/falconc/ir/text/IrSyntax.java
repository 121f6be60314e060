package org.falconc.ir.text;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lexical conventions of the textual IR shared by {@link IrPrinter} and {@link IrParser}: when a
 * name may be written bare, how strings are escaped and how f32 values are spelled. They must agree
 * with the tokens of FalconIr.g4.
 */
final class IrSyntax {
    /** Value names written without quotes after '%'; the last character may not be ':' (see FalconIr.g4). */
    private static final Pattern BARE_VALUE = Pattern.compile("[A-Za-z0-9_./:-]*[A-Za-z0-9_./-]");
    /** Graph names, op types and attribute names written without quotes. */
    private static final Pattern BARE_SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    /** Words the lexer turns into other tokens, so a symbol spelled like one must be quoted. */
    private static final Set<String> RESERVED = Set.of("graph", "const", "tensor", "true", "false", "nan", "inf", "_");
    private static final int CANONICAL_NAN = Float.floatToRawIntBits(Float.NaN);

    private IrSyntax() {
    }

    /** {@code %name}, or {@code %"name"} when the name has characters outside the bare set. */
    static String valueRef(String name) {
        return "%" + (BARE_VALUE.matcher(name).matches() ? name : quote(name));
    }

    /** A graph name, op type or attribute name: bare when it is a non-reserved identifier. */
    static String symbol(String name) {
        return BARE_SYMBOL.matcher(name).matches() && !RESERVED.contains(name) ? name : quote(name);
    }

    /**
     * A double-quoted string. Quotes, backslashes and line breaks get C-style escapes; other control
     * characters, unpaired surrogates and Unicode line separators get {@code \}{@code uXXXX}, so the text
     * survives editors and UTF-8 files. Everything else is written as is.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isISOControl(c) || Character.isSurrogate(c)
                            || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The contents of a quoted token (including its quotes), with escapes resolved. The lexer has checked them. */
    static String unquote(String token) {
        StringBuilder sb = new StringBuilder(token.length());
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = token.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(token.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e); // \" and \\
            }
        }
        return sb.toString();
    }

    /** The name in a VALUE token ({@code %name} or {@code %"name"}). */
    static String valueName(String token) {
        return token.charAt(1) == '"' ? unquote(token.substring(1)) : token.substring(1);
    }

    /**
     * An f32 spelled so that {@link #parseFloat} gives back the same bits: Java's shortest
     * round-tripping decimal, {@code inf}/{@code -inf}, {@code nan} for the canonical NaN and
     * {@code nan(0x7fc00001)} for any other NaN bit pattern.
     */
    static String formatFloat(float f) {
        if (Float.isNaN(f)) {
            int bits = Float.floatToRawIntBits(f);
            return bits == CANONICAL_NAN ? "nan" : String.format("nan(0x%08x)", bits);
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "inf" : "-inf";
        }
        return Float.toString(f);
    }

    /** Parses a FLOAT or INT token; throws IllegalArgumentException for a nan(...) that is not a NaN. */
    static float parseFloat(String token) {
        switch (token) {
            case "nan":
                return Float.NaN;
            case "inf":
                return Float.POSITIVE_INFINITY;
            case "-inf":
                return Float.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (token.startsWith("nan(")) {
            String hex = token.substring("nan(0x".length(), token.length() - 1);
            float f = hex.length() <= 8 ? Float.intBitsToFloat(Integer.parseUnsignedInt(hex, 16)) : 0f;
            if (!Float.isNaN(f)) {
                throw new IllegalArgumentException(token + " is not the bit pattern of a NaN");
            }
            return f;
        }
        return Float.parseFloat(token);
    }
}
