package org.falconc.cli.report;

/**
 * Text for the report's HTML: escaped so that any name (layer, op, file) reads as text in HTML5 and
 * in XML alike (the page is XHTML-compatible HTML5, and the chart is inline SVG).
 */
final class Html {
    private Html() {
    }

    /**
     * {@code s} as element text or a double- or single-quoted attribute value: {@code & < > " '}
     * become references, and characters XML does not allow (controls other than tab, newline and
     * carriage return, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF' || c >= 0x7F && c <= 0x9F) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
