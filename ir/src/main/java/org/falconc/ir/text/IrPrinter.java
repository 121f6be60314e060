package org.falconc.ir.text;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.falconc.ir.Attribute;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;

/**
 * Writes a graph in the textual IR (docs/ir-text.md). The output is deterministic and
 * {@link IrParser} reads it back into an equal graph, so {@code print(parse(print(g)))} equals
 * {@code print(g)}. Nodes are printed in the graph's order; the parser only accepts graphs whose
 * values are defined before they are used.
 */
public final class IrPrinter {
    /** What the lexer accepts as a digest; {@link Tensor#digest()} always has this form. */
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{16}");

    private IrPrinter() {
    }

    public static String print(Graph g) {
        return print(g, PrintOptions.defaults());
    }

    public static String print(Graph g, PrintOptions options) {
        StringBuilder sb = new StringBuilder();
        sb.append("graph ").append(IrSyntax.symbol(g.name() == null ? "" : g.name())).append('(');
        List<Value> inputs = g.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Value in = inputs.get(i);
            sb.append(IrSyntax.valueRef(in.name()));
            if (in.hasType()) {
                sb.append(": ");
                appendType(sb, in.type());
            }
        }
        sb.append(") -> (");
        List<Value> outputs = g.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i) == null) {
                throw new IrException("graph '" + g.name() + "' has a null output at position " + i);
            }
            sb.append(i > 0 ? ", " : "").append(IrSyntax.valueRef(outputs.get(i).name()));
        }
        sb.append(") {\n");
        for (Value c : g.constants()) {
            sb.append("  ").append(IrSyntax.valueRef(c.name())).append(" = const ");
            appendTensor(sb, c.constant(), options);
            sb.append('\n');
        }
        for (Node n : g.nodes()) {
            sb.append("  ");
            appendNode(sb, n, options);
            sb.append('\n');
        }
        return sb.append("}\n").toString();
    }

    private static void appendNode(StringBuilder sb, Node n, PrintOptions options) {
        List<Value> outs = n.outputs();
        for (int i = 0; i < outs.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(IrSyntax.valueRef(outs.get(i).name()));
        }
        if (!outs.isEmpty()) {
            sb.append(" = ");
        }
        sb.append(IrSyntax.symbol(n.op()));
        if (!n.name().isEmpty()) {
            sb.append(' ').append(IrSyntax.quote(n.name()));
        }
        sb.append(" (");
        List<Value> ins = n.inputs();
        for (int i = 0; i < ins.size(); i++) {
            Value in = ins.get(i);
            sb.append(i > 0 ? ", " : "").append(in == null ? "_" : IrSyntax.valueRef(in.name()));
        }
        sb.append(')');
        Map<String, Attribute> attrs = n.attrs().asMap();
        if (!attrs.isEmpty()) {
            sb.append(" {");
            boolean first = true;
            for (Map.Entry<String, Attribute> e : attrs.entrySet()) {
                sb.append(first ? "" : ", ").append(IrSyntax.symbol(e.getKey())).append(" = ");
                appendAttribute(sb, e.getValue(), options);
                first = false;
            }
            sb.append('}');
        }
        // Types are listed only when at least one is known; '?' keeps the positions of unknown ones.
        if (outs.stream().anyMatch(Value::hasType)) {
            sb.append(" : ");
            for (int i = 0; i < outs.size(); i++) {
                sb.append(i > 0 ? ", " : "");
                if (outs.get(i).hasType()) {
                    appendType(sb, outs.get(i).type());
                } else {
                    sb.append('?');
                }
            }
        }
    }

    private static void appendAttribute(StringBuilder sb, Attribute a, PrintOptions options) {
        if (a instanceof Attribute.Int i) {
            sb.append(i.value());
        } else if (a instanceof Attribute.Float f) {
            sb.append(IrSyntax.formatFloat(f.value()));
        } else if (a instanceof Attribute.Str s) {
            sb.append(IrSyntax.quote(s.value()));
        } else if (a instanceof Attribute.Ints is) {
            long[] v = is.values();
            // An empty list names its kind; a non-empty one shows it through its elements.
            sb.append(v.length == 0 ? "ints " : "").append('[');
            for (int i = 0; i < v.length; i++) {
                sb.append(i > 0 ? ", " : "").append(v[i]);
            }
            sb.append(']');
        } else if (a instanceof Attribute.Floats fs) {
            float[] v = fs.values();
            sb.append(v.length == 0 ? "floats " : "").append('[');
            for (int i = 0; i < v.length; i++) {
                sb.append(i > 0 ? ", " : "").append(IrSyntax.formatFloat(v[i]));
            }
            sb.append(']');
        } else if (a instanceof Attribute.Strs ss) {
            List<String> v = ss.values();
            sb.append(v.isEmpty() ? "strings " : "").append('[');
            for (int i = 0; i < v.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(IrSyntax.quote(v.get(i)));
            }
            sb.append(']');
        } else if (a instanceof Attribute.TensorValue t) {
            sb.append("tensor ");
            appendTensor(sb, t.value(), options);
        } else {
            throw new IllegalStateException("unhandled attribute kind " + a.kind());
        }
    }

    /** {@code f32[2,2] [1.0, 2.0, 3.0, 4.0]} or {@code f32[64,3,7,7] #digest}. */
    private static void appendTensor(StringBuilder sb, Tensor t, PrintOptions options) {
        appendType(sb, t.type());
        sb.append(' ');
        if (t.isElided() || options.elides(elementCount(t.type()))) {
            String digest = t.digest();
            if (!DIGEST.matcher(digest).matches()) {
                throw new IrException("elided tensor " + t.type() + " has digest '" + digest
                        + "', which is not 16 lowercase hex digits and cannot be printed");
            }
            sb.append('#').append(digest);
            return;
        }
        sb.append('[');
        int n = t.numElements();
        switch (t.dtype()) {
            case F32 -> {
                float[] d = t.floats();
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(IrSyntax.formatFloat(d[i]));
                }
            }
            case I64 -> {
                long[] d = t.longs();
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(d[i]);
                }
            }
            case I32 -> {
                int[] d = t.ints();
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(d[i]);
                }
            }
            case BOOL -> {
                boolean[] d = t.bools();
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(d[i]);
                }
            }
        }
        sb.append(']');
    }

    /** Saturating element count: an elided tensor's shape may be too large for Shape.numElements(). */
    private static int elementCount(TensorType type) {
        long n = 1;
        for (int d : type.shape().dims()) {
            n = Math.min(n * d, Integer.MAX_VALUE);
        }
        return (int) n;
    }

    /** {@code f32[1,3,224,224]}; {@code f32[]} for a scalar. */
    private static void appendType(StringBuilder sb, TensorType type) {
        sb.append(type.dtype().text()).append('[');
        int[] dims = type.shape().dims();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i > 0 ? "," : "").append(dims[i]);
        }
        sb.append(']');
    }
}
