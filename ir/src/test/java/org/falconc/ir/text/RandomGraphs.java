package org.falconc.ir.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.falconc.ir.Attributes;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;

/**
 * Random graphs that stress the text form: names with characters that need quoting, every attribute
 * kind, special floats, inline and elided tensors, unknown types, absent inputs, any number of
 * outputs. They are structurally valid (values defined before use) but not semantically: op types
 * are arbitrary, as the printer and parser do not care.
 */
final class RandomGraphs {
    /** Names that exercise the quoting rules, mixed with random ones. */
    private static final List<String> ODD_NAMES = List.of(
            "x", "1", "0", "data:0", "gpu_0/conv1_w_0", "a b", "q\"uote", "back\\slash", "new\nline", "tab\there",
            "x:", ":", "-", "-1", "1.5", ".", "%", "%x", "#", "#0123456789abcdef", "{", "}", "(", ")", ",", "=",
            "_", "?", "const", "graph", "nan", "inf", "true", "tensor", "f32", "ints", "é", "名字", "\uD83D\uDE00",
            "lone\uD800", "\uDC00", "ctl\u0001\u007f\u0085", "\u2028", "\uFEFF", "  ", "'", "a,b", "[0]", "a->b");
    private static final String PLAIN = "abcxyzABZ019_./:-";
    private static final String ANY = PLAIN + " \"\\\n\t#%{}()[],=?'é名\u0000\u0007\uD83D\uDE00\uD800";
    private static final float[] SPECIAL_FLOATS = {
        Float.NaN, Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001),
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, Float.intBitsToFloat(0x007fffff), Float.MAX_VALUE, -Float.MAX_VALUE, 1.0f, -1.0f, 0.1f,
        1e-10f, 3.4e38f, 16777217f, 1.0e7f, 1.0e-3f,
    };

    private final Random rnd;
    private final Set<String> usedNames = new HashSet<>();
    private final List<Value> defined = new ArrayList<>();

    private RandomGraphs(long seed) {
        this.rnd = new Random(seed);
    }

    static Graph generate(long seed) {
        return new RandomGraphs(seed).graph();
    }

    private Graph graph() {
        Graph g = new Graph("main");
        g.setName(rnd.nextInt(4) == 0 ? "main" : name());
        for (int i = rnd.nextInt(4); i > 0; i--) {
            defined.add(g.addInput(freshName(), rnd.nextInt(4) == 0 ? null : type(3, 4)));
        }
        for (int i = rnd.nextInt(5); i > 0; i--) {
            defined.add(g.addConstant(freshName(), tensor()));
        }
        for (int i = rnd.nextInt(7); i > 0; i--) {
            node(g);
        }
        for (int i = rnd.nextInt(4); i > 0 && !defined.isEmpty(); i--) {
            g.addOutput(pick(defined));
        }
        return g;
    }

    private void node(Graph g) {
        List<Value> inputs = new ArrayList<>();
        for (int i = rnd.nextInt(5); i > 0; i--) {
            // Absent inputs anywhere, trailing ones included: the Graph API keeps what it is given.
            inputs.add(defined.isEmpty() || rnd.nextInt(5) == 0 ? null : pick(defined));
        }
        List<String> outs = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            outs.add(freshName());
        }
        Attributes attrs = new Attributes();
        for (int i = rnd.nextInt(5); i > 0; i--) {
            String name = rnd.nextBoolean() ? pick(List.of("axis", "pads", "alpha", "value", "mode", "kernel_shape")) : name();
            attr(attrs, name);
        }
        String op = rnd.nextInt(3) == 0 ? name() : pick(List.of("Conv", "Relu", "Split", "com.ms.Fused", "Add"));
        String nodeName = rnd.nextBoolean() ? "" : name();
        Node n = g.addNode(op, nodeName, inputs, outs, attrs);
        for (Value out : n.outputs()) {
            if (rnd.nextBoolean()) {
                out.setType(type(4, 5));
            }
            defined.add(out);
        }
    }

    private void attr(Attributes attrs, String name) {
        switch (rnd.nextInt(7)) {
            case 0 -> attrs.setInt(name, longValue());
            case 1 -> attrs.setFloat(name, floatValue());
            case 2 -> attrs.setString(name, name());
            case 3 -> {
                long[] v = new long[rnd.nextInt(5)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = longValue();
                }
                attrs.setInts(name, v);
            }
            case 4 -> {
                float[] v = new float[rnd.nextInt(5)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = floatValue();
                }
                attrs.setFloats(name, v);
            }
            case 5 -> {
                List<String> v = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    v.add(name());
                }
                attrs.setStrings(name, v);
            }
            default -> attrs.setTensor(name, tensor());
        }
    }

    private Tensor tensor() {
        TensorType type = type(3, 5);
        if (rnd.nextInt(6) == 0) {
            return Tensor.elided(type, hex16());
        }
        int n = type.shape().numElements();
        Shape s = type.shape();
        switch (type.dtype()) {
            case F32 -> {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) {
                    d[i] = floatValue();
                }
                return Tensor.ofFloats(s, d);
            }
            case I64 -> {
                long[] d = new long[n];
                for (int i = 0; i < n; i++) {
                    d[i] = longValue();
                }
                return Tensor.ofLongs(s, d);
            }
            case I32 -> {
                int[] d = new int[n];
                for (int i = 0; i < n; i++) {
                    d[i] = (int) longValue();
                }
                return Tensor.ofInts(s, d);
            }
            default -> {
                boolean[] d = new boolean[n];
                for (int i = 0; i < n; i++) {
                    d[i] = rnd.nextBoolean();
                }
                return Tensor.ofBools(s, d);
            }
        }
    }

    private TensorType type(int maxRank, int maxDim) {
        int[] dims = new int[rnd.nextInt(maxRank + 1)];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = rnd.nextInt(maxDim + 1);
        }
        return new TensorType(pick(List.of(DType.values())), Shape.of(dims));
    }

    private float floatValue() {
        return switch (rnd.nextInt(3)) {
            case 0 -> SPECIAL_FLOATS[rnd.nextInt(SPECIAL_FLOATS.length)];
            case 1 -> Float.intBitsToFloat(rnd.nextInt());
            default -> (float) rnd.nextGaussian();
        };
    }

    private long longValue() {
        return switch (rnd.nextInt(4)) {
            case 0 -> pick(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE));
            case 1 -> rnd.nextLong();
            default -> rnd.nextInt(21) - 10;
        };
    }

    private String freshName() {
        String n;
        do {
            n = name();
        } while (n.isEmpty() || !usedNames.add(n));
        return n;
    }

    /** A name from the odd list, a random bare-looking one, or random characters (possibly empty). */
    private String name() {
        return switch (rnd.nextInt(3)) {
            case 0 -> pick(ODD_NAMES);
            case 1 -> randomString(PLAIN, 1 + rnd.nextInt(8));
            default -> randomString(ANY, rnd.nextInt(8));
        };
    }

    private String randomString(String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private String hex16() {
        return randomString("0123456789abcdef", 16);
    }

    private <T> T pick(List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }
}
