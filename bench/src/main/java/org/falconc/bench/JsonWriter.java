package org.falconc.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** A minimal streaming JSON writer (objects, arrays, strings, numbers), enough for the reports. */
final class JsonWriter {
    private final StringBuilder sb = new StringBuilder();
    private boolean needComma;

    JsonWriter beginObject() {
        separate();
        sb.append('{');
        needComma = false;
        return this;
    }

    JsonWriter endObject() {
        sb.append('}');
        needComma = true;
        return this;
    }

    JsonWriter beginArray() {
        separate();
        sb.append('[');
        needComma = false;
        return this;
    }

    JsonWriter endArray() {
        sb.append(']');
        needComma = true;
        return this;
    }

    /** The name of the next member of an object. */
    JsonWriter name(String name) {
        separate();
        string(name);
        sb.append(':');
        needComma = false;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        needComma = true;
        return this;
    }

    JsonWriter value(double d) {
        separate();
        // JSON has no NaN or infinity
        if (!Double.isFinite(d)) {
            sb.append("null");
        } else {
            // six significant digits, plain notation unless the number is tiny or huge
            BigDecimal b = new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros();
            double mag = Math.abs(d);
            sb.append(d == 0 || mag >= 1e-4 && mag < 1e12 ? b.toPlainString() : b.toString());
        }
        needComma = true;
        return this;
    }

    JsonWriter value(long n) {
        separate();
        sb.append(n);
        needComma = true;
        return this;
    }

    JsonWriter value(boolean b) {
        separate();
        sb.append(b);
        needComma = true;
        return this;
    }

    JsonWriter member(String name, String s) {
        return name(name).value(s);
    }

    JsonWriter member(String name, double d) {
        return name(name).value(d);
    }

    JsonWriter member(String name, long n) {
        return name(name).value(n);
    }

    JsonWriter member(String name, boolean b) {
        return name(name).value(b);
    }

    private void separate() {
        if (needComma) {
            sb.append(',');
            needComma = false;
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
