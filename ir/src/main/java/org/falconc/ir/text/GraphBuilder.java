package org.falconc.ir.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.falconc.ir.Attribute;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;

/**
 * Builds a {@link Graph} from a parse tree through the public Graph API, checking what the grammar
 * cannot: every value defined once and before its uses, known element types, element counts that
 * match shapes, literals that fit their type. Each error names its line and column.
 */
final class GraphBuilder {
    private record Definition(Value value, int line) {
    }

    private final Map<String, Definition> defined = new HashMap<>();
    /** Line of the first definition of every name in the body, to tell "used too early" from "undefined". */
    private final Map<String, Integer> definitionLines = new HashMap<>();
    private Graph graph;

    Graph build(FalconIrParser.Graph_Context ctx) {
        String name = symbol(ctx.symbol());
        graph = new Graph(name);
        graph.setName(name); // the constructor turns "" into "main"; keep the name exactly as written
        for (FalconIrParser.StmtContext s : ctx.stmt()) {
            for (TerminalNode def : definedBy(s)) {
                definitionLines.putIfAbsent(valueName(def), def.getSymbol().getLine());
            }
        }
        for (FalconIrParser.ParamContext p : ctx.param()) {
            TensorType type = p.type() == null ? null : type(p.type());
            String n = valueName(p.VALUE());
            define(p.VALUE(), () -> graph.addInput(n, type));
        }
        for (FalconIrParser.StmtContext s : ctx.stmt()) {
            if (s.constStmt() != null) {
                constant(s.constStmt());
            } else {
                node(s.nodeStmt());
            }
        }
        for (TerminalNode out : ctx.VALUE()) {
            graph.addOutput(use(out));
        }
        return graph;
    }

    private static List<TerminalNode> definedBy(FalconIrParser.StmtContext s) {
        return s.constStmt() != null ? List.of(s.constStmt().VALUE()) : s.nodeStmt().VALUE();
    }

    private void constant(FalconIrParser.ConstStmtContext c) {
        Tensor data = tensor(c.type(), c.tensorBody());
        String n = valueName(c.VALUE());
        define(c.VALUE(), () -> graph.addConstant(n, data));
    }

    private void node(FalconIrParser.NodeStmtContext ctx) {
        List<Value> inputs = new ArrayList<>();
        for (FalconIrParser.OperandContext o : ctx.operand()) {
            inputs.add(o.VALUE() == null ? null : use(o.VALUE()));
        }
        Attributes attrs = attributes(ctx.attrDict());
        List<String> outNames = new ArrayList<>();
        for (TerminalNode out : ctx.VALUE()) {
            requireFresh(out);
            if (outNames.contains(valueName(out))) {
                throw error(out.getSymbol(), IrSyntax.valueRef(valueName(out)) + " is defined twice by the same node");
            }
            outNames.add(valueName(out));
        }
        String nodeName = ctx.nodeName == null ? "" : IrSyntax.unquote(ctx.nodeName.getText());
        Token opToken = ctx.op.getStart();
        Node n = guarded(opToken, () -> graph.addNode(symbol(ctx.op), nodeName, inputs, outNames, attrs));
        for (int i = 0; i < n.numOutputs(); i++) {
            defined.put(outNames.get(i), new Definition(n.output(i), ctx.VALUE(i).getSymbol().getLine()));
        }
        List<FalconIrParser.OptTypeContext> types = ctx.optType();
        if (!types.isEmpty() && types.size() != n.numOutputs()) {
            throw error(types.get(0).getStart(), "node has " + n.numOutputs() + " outputs but "
                    + types.size() + " types are listed");
        }
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).type() != null) {
                TensorType t = type(types.get(i).type());
                Value out = n.output(i);
                guarded(types.get(i).getStart(), () -> {
                    out.setType(t);
                    return out;
                });
            }
        }
    }

    private Attributes attributes(FalconIrParser.AttrDictContext ctx) {
        Attributes attrs = new Attributes();
        if (ctx == null) {
            return attrs;
        }
        for (FalconIrParser.AttrContext a : ctx.attr()) {
            String name = symbol(a.symbol());
            if (attrs.has(name)) {
                throw error(a.getStart(), "attribute " + IrSyntax.symbol(name) + " is given twice");
            }
            attrs.set(name, attributeValue(a.attrValue()));
        }
        return attrs;
    }

    private Attribute attributeValue(FalconIrParser.AttrValueContext v) {
        if (v instanceof FalconIrParser.IntAttrContext i) {
            return new Attribute.Int(parseLong(i.INT().getSymbol()));
        } else if (v instanceof FalconIrParser.FloatAttrContext f) {
            return new Attribute.Float(parseFloat(f.FLOAT().getSymbol()));
        } else if (v instanceof FalconIrParser.StringAttrContext s) {
            return new Attribute.Str(IrSyntax.unquote(s.STRING().getText()));
        } else if (v instanceof FalconIrParser.ListAttrContext l) {
            return list(l);
        } else {
            FalconIrParser.TensorAttrContext t = (FalconIrParser.TensorAttrContext) v;
            return new Attribute.TensorValue(tensor(t.type(), t.tensorBody()));
        }
    }

    /** An ints, floats or strings attribute: kind as written, else from the elements (floats if any is one). */
    private Attribute list(FalconIrParser.ListAttrContext l) {
        List<FalconIrParser.LiteralContext> elems = l.literal();
        String kind;
        if (l.kind != null) {
            kind = l.kind.getText();
            if (!kind.equals("ints") && !kind.equals("floats") && !kind.equals("strings")) {
                throw error(l.kind, "unknown list kind '" + kind + "' (expected ints, floats or strings)");
            }
        } else if (elems.isEmpty()) {
            throw error(l.getStart(), "an empty list must name its kind: ints [], floats [] or strings []");
        } else if (elems.get(0).STRING() != null) {
            kind = "strings";
        } else {
            kind = elems.stream().anyMatch(e -> e.FLOAT() != null) ? "floats" : "ints";
        }
        switch (kind) {
            case "ints" -> {
                long[] v = new long[elems.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = parseLong(literal(elems.get(i), FalconIrLexer.INT, "an integer"));
                }
                return new Attribute.Ints(v);
            }
            case "floats" -> {
                float[] v = new float[elems.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = parseFloat(literal(elems.get(i), FalconIrLexer.FLOAT, FalconIrLexer.INT, "a number"));
                }
                return new Attribute.Floats(v);
            }
            default -> {
                List<String> v = new ArrayList<>(elems.size());
                for (FalconIrParser.LiteralContext e : elems) {
                    v.add(IrSyntax.unquote(literal(e, FalconIrLexer.STRING, "a string").getText()));
                }
                return new Attribute.Strs(v);
            }
        }
    }

    /** Inline data (flat, row-major) or a digest, for a constant or a tensor attribute. */
    private Tensor tensor(FalconIrParser.TypeContext typeCtx, FalconIrParser.TensorBodyContext body) {
        TensorType type = type(typeCtx);
        if (body.DIGEST() != null) {
            return Tensor.elided(type, body.DIGEST().getText().substring(1));
        }
        List<FalconIrParser.LiteralContext> elems = body.literal();
        long expected = 1;
        for (int d : type.shape().dims()) {
            expected = Math.min(expected * d, Integer.MAX_VALUE + 1L);
        }
        if (expected != elems.size()) {
            throw error(body.getStart(), "tensor " + type + " needs " + expected + " elements, got " + elems.size());
        }
        Shape shape = type.shape();
        int n = elems.size();
        switch (type.dtype()) {
            case F32 -> {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) {
                    d[i] = parseFloat(literal(elems.get(i), FalconIrLexer.FLOAT, FalconIrLexer.INT, "an f32 number"));
                }
                return Tensor.ofFloats(shape, d);
            }
            case I64 -> {
                long[] d = new long[n];
                for (int i = 0; i < n; i++) {
                    d[i] = parseLong(literal(elems.get(i), FalconIrLexer.INT, "an i64 integer"));
                }
                return Tensor.ofLongs(shape, d);
            }
            case I32 -> {
                int[] d = new int[n];
                for (int i = 0; i < n; i++) {
                    Token t = literal(elems.get(i), FalconIrLexer.INT, "an i32 integer");
                    long v = parseLong(t);
                    if (v != (int) v) {
                        throw error(t, "integer " + v + " is out of range for i32");
                    }
                    d[i] = (int) v;
                }
                return Tensor.ofInts(shape, d);
            }
            default -> {
                boolean[] d = new boolean[n];
                for (int i = 0; i < n; i++) {
                    d[i] = literal(elems.get(i), FalconIrLexer.TRUE, FalconIrLexer.FALSE, "true or false").getType()
                            == FalconIrLexer.TRUE;
                }
                return Tensor.ofBools(shape, d);
            }
        }
    }

    private TensorType type(FalconIrParser.TypeContext ctx) {
        DType dtype;
        try {
            dtype = DType.fromText(ctx.IDENT().getText());
        } catch (IllegalArgumentException e) {
            throw error(ctx.IDENT().getSymbol(), e.getMessage());
        }
        int[] dims = new int[ctx.INT().size()];
        for (int i = 0; i < dims.length; i++) {
            Token t = ctx.INT(i).getSymbol();
            long d = parseLong(t);
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw error(t, "dimension " + d + " is out of range");
            }
            dims[i] = (int) d;
        }
        return new TensorType(dtype, Shape.of(dims));
    }

    /** The literal's token if it is of {@code tokenType}, else an error saying what was expected. */
    private Token literal(FalconIrParser.LiteralContext e, int tokenType, String expected) {
        return literal(e, tokenType, tokenType, expected);
    }

    private Token literal(FalconIrParser.LiteralContext e, int tokenType, int orType, String expected) {
        Token t = e.getStart();
        if (t.getType() != tokenType && t.getType() != orType) {
            throw error(t, "expected " + expected + ", got " + t.getText());
        }
        return t;
    }

    private long parseLong(Token t) {
        try {
            return Long.parseLong(t.getText());
        } catch (NumberFormatException e) {
            throw error(t, "integer " + t.getText() + " is out of range for i64");
        }
    }

    private float parseFloat(Token t) {
        try {
            return IrSyntax.parseFloat(t.getText());
        } catch (IllegalArgumentException e) {
            throw error(t, e.getMessage());
        }
    }

    private void requireFresh(TerminalNode def) {
        if (valueName(def).isEmpty()) {
            throw error(def.getSymbol(), "value names must not be empty");
        }
        Definition d = defined.get(valueName(def));
        if (d != null) {
            throw error(def.getSymbol(), def.getText() + " is already defined on line " + d.line());
        }
    }

    /** Checks the name is new, then adds the value through the Graph API. */
    private void define(TerminalNode def, Supplier<Value> add) {
        requireFresh(def);
        Value v = guarded(def.getSymbol(), add);
        defined.put(v.name(), new Definition(v, def.getSymbol().getLine()));
    }

    private Value use(TerminalNode ref) {
        String name = valueName(ref);
        Definition d = defined.get(name);
        if (d != null) {
            return d.value();
        }
        Integer later = definitionLines.get(name);
        throw error(ref.getSymbol(), ref.getText() + (later != null
                ? " used before it is defined (defined on line " + later + ")"
                : " is not defined"));
    }

    /** Runs a Graph API call, giving the location to any error it reports. */
    private <T> T guarded(Token at, Supplier<T> call) {
        try {
            return call.get();
        } catch (IrException | IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private static String valueName(TerminalNode valueToken) {
        return IrSyntax.valueName(valueToken.getText());
    }

    private static String symbol(FalconIrParser.SymbolContext ctx) {
        return ctx.IDENT() != null ? ctx.IDENT().getText() : IrSyntax.unquote(ctx.STRING().getText());
    }

    private static IrException error(Token at, String message) {
        return new IrException(IrParser.at(at.getLine(), at.getCharPositionInLine(), message));
    }
}
