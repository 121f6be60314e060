package org.falconc.ir.ops.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.falconc.ir.DType;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.ir.ops.OpRegistry;
import org.falconc.ir.ops.OpSchema;

/**
 * The one home of the channels-last (NHWC) layout facts: the two reorder permutations, which ops
 * have a channels-last twin and which of their inputs are activations, and how a twin's types and
 * meaning follow from its channels-first (ONNX) op.
 *
 * <p>A channels-last twin (e.g. {@code MaxPoolNhwc}) takes the attributes of its base op
 * ({@code MaxPool}) and computes exactly what the base op computes, with its activation inputs
 * and outputs stored [N, H, W, C] instead of [N, C, H, W]; every other input (weights, bias) keeps
 * the base op's layout. So the twin's type inference is the base op's on the reordered shapes, and
 * its reference semantics are "reorder in, base op, reorder out".
 */
public final class ChannelsLast {
    /** The Transpose perm that turns NCHW into NHWC. */
    public static final long[] TO_NHWC = {0, 2, 3, 1};
    /** The Transpose perm that turns NHWC into NCHW. */
    public static final long[] TO_NCHW = {0, 3, 1, 2};

    /** Channels-last twin -> its base op, and the base op's activation input indices. */
    private static final Map<String, Twin> TWINS = Map.of(
            "FusedConvNhwc", new Twin("FusedConv", new int[] {0, 3}, 2, 4),
            "MaxPoolNhwc", new Twin("MaxPool", new int[] {0}, 1, 1),
            "AveragePoolNhwc", new Twin("AveragePool", new int[] {0}, 1, 1),
            "GlobalAveragePoolNhwc", new Twin("GlobalAveragePool", new int[] {0}, 1, 1),
            "GlobalMaxPoolNhwc", new Twin("GlobalMaxPool", new int[] {0}, 1, 1));

    private ChannelsLast() {
    }

    private record Twin(String base, int[] activationInputs, int minInputs, int maxInputs) {
    }

    /** The schemas of the channels-last twins (one output each). */
    public static List<OpSchema> schemas() {
        List<OpSchema> all = new ArrayList<>();
        for (Map.Entry<String, Twin> e : TWINS.entrySet()) {
            Twin t = e.getValue();
            all.add(new OpSchema(e.getKey(), t.minInputs(), t.maxInputs(), 1, 1, ChannelsLast::infer));
        }
        return all;
    }

    /** Whether {@code op} is a channels-last twin. */
    public static boolean isTwin(String op) {
        return TWINS.containsKey(op);
    }

    /** The channels-last twin of a base op, or null when it has none. */
    public static String twinOf(String baseOp) {
        for (Map.Entry<String, Twin> e : TWINS.entrySet()) {
            if (e.getValue().base().equals(baseOp)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The base (channels-first) op of a twin. */
    public static String baseOf(String twinOp) {
        Twin t = TWINS.get(twinOp);
        if (t == null) {
            throw new IllegalArgumentException(twinOp + " is not a channels-last op");
        }
        return t.base();
    }

    /** Whether input {@code i} of a twin (or of its base op) is an activation, stored NHWC by the twin. */
    public static boolean isActivationInput(String op, int i) {
        for (Twin t : TWINS.values()) {
            if (t.base().equals(op) || TWINS.get(op) == t) {
                for (int a : t.activationInputs()) {
                    if (a == i) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** [N, C, H, W] -> [N, H, W, C] (rank 4). */
    public static Shape toNhwc(Shape nchw) {
        return permute(nchw, TO_NHWC);
    }

    /** [N, H, W, C] -> [N, C, H, W] (rank 4). */
    public static Shape toNchw(Shape nhwc) {
        return permute(nhwc, TO_NCHW);
    }

    /** The shape a Transpose with {@code perm} gives: dim i of the result is dim perm[i] of the input. */
    public static Shape permute(Shape s, long[] perm) {
        int[] d = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            d[i] = s.dim((int) perm[i]);
        }
        return Shape.of(d);
    }

    /** Whether a Transpose with {@code perm} on shape {@code s} only moves size-1 axes (so it is a reshape). */
    public static boolean movesOnlyUnitAxes(Shape s, long[] perm) {
        int last = -1;
        for (long p : perm) {
            if (s.dim((int) p) == 1) {
                continue;
            }
            if (p < last) {
                return false;
            }
            last = (int) p;
        }
        return true;
    }

    /** The NHWC axis holding NCHW axis {@code axis} (0..3). */
    public static int nhwcAxis(int nchwAxis) {
        for (int i = 0; i < 4; i++) {
            if (TO_NHWC[i] == nchwAxis) {
                return i;
            }
        }
        throw new IllegalArgumentException("axis " + nchwAxis + " of a rank-4 tensor");
    }

    /** A rank-4 tensor's elements reordered by {@code perm} (any element type). */
    public static Tensor permute(Tensor t, long[] perm) {
        Shape in = t.shape();
        Shape out = permute(in, perm);
        int[] inStrides = in.strides();
        int n = in.numElements();
        int[] src = new int[n];
        int[] od = out.dims();
        int[] idx = new int[od.length];
        for (int o = 0; o < n; o++) {
            int at = 0;
            for (int i = 0; i < od.length; i++) {
                at += idx[i] * inStrides[(int) perm[i]];
            }
            src[o] = at;
            for (int i = od.length - 1; i >= 0; i--) {
                if (++idx[i] < od[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return switch (t.dtype()) {
            case F32 -> {
                float[] d = t.floats();
                float[] r = new float[n];
                for (int o = 0; o < n; o++) {
                    r[o] = d[src[o]];
                }
                yield Tensor.ofFloats(out, r);
            }
            case I64 -> {
                long[] d = t.longs();
                long[] r = new long[n];
                for (int o = 0; o < n; o++) {
                    r[o] = d[src[o]];
                }
                yield Tensor.ofLongs(out, r);
            }
            case I32 -> {
                int[] d = t.ints();
                int[] r = new int[n];
                for (int o = 0; o < n; o++) {
                    r[o] = d[src[o]];
                }
                yield Tensor.ofInts(out, r);
            }
            case BOOL -> {
                boolean[] d = t.bools();
                boolean[] r = new boolean[n];
                for (int o = 0; o < n; o++) {
                    r[o] = d[src[o]];
                }
                yield Tensor.ofBools(out, r);
            }
            default -> throw new IllegalArgumentException("cannot reorder a " + t.dtype() + " tensor");
        };
    }

    /**
     * The base-op node a twin stands for, in a scratch graph: its activation inputs typed NCHW (and
     * constants stay constants), its other inputs as they are, the same attributes, its output typed
     * by the base op's inference. Used for type inference and by the interpreter.
     */
    public static Node baseNode(Node twin) {
        String base = baseOf(twin.op());
        Graph scratch = new Graph("channels-last");
        List<Value> ins = new ArrayList<>();
        for (int i = 0; i < twin.numInputs(); i++) {
            if (!twin.hasInput(i)) {
                ins.add(null);
                continue;
            }
            Value v = twin.input(i);
            TensorType t = v.type();
            if (isActivationInput(twin.op(), i)) {
                if (t.rank() != 4) {
                    throw IrException.atNode(twin, "input " + i + " must be a rank-4 NHWC tensor, got " + t);
                }
                t = new TensorType(t.dtype(), toNchw(t.shape()));
            }
            String name = "in" + i;
            if (v.isConstant()) {
                ins.add(scratch.addConstant(name, v.constant()));
            } else {
                ins.add(scratch.addInput(name, t));
            }
        }
        Node node = scratch.addNode(base, twin.name(), ins, List.of("out"), twin.attrs().copy());
        List<TensorType> types = OpRegistry.of(node).inference().infer(node);
        node.output(0).setType(types.get(0));
        return node;
    }

    /**
     * The output type {@code twinOp} would give a node with the first {@code inputs} inputs and the
     * attributes of {@code node} (an op that extends a twin with inputs of its own, e.g.
     * DecomposedConv: FusedConvNhwc's inputs plus a bitmap).
     */
    public static TensorType inferAs(String twinOp, Node node, int inputs) {
        Graph scratch = new Graph("channels-last");
        List<Value> ins = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            Value v = node.hasInput(i) ? node.input(i) : null;
            ins.add(v == null ? null : v.isConstant() ? scratch.addConstant("in" + i, v.constant())
                    : scratch.addInput("in" + i, v.type()));
        }
        Node twin = scratch.addNode(twinOp, node.name(), ins, List.of("out"), node.attrs().copy());
        try {
            return infer(twin).get(0);
        } catch (IrException e) {
            // The scratch node stands for this one: name it in the message.
            String at = twin.describe() + ": ";
            String base = baseOf(twinOp);
            String baseAt = at.replaceFirst("^" + twinOp, base);
            String m = e.getMessage();
            m = m.startsWith(at) ? m.substring(at.length()) : m.startsWith(baseAt) ? m.substring(baseAt.length()) : m;
            throw IrException.atNode(node, m);
        }
    }

    private static List<TensorType> infer(Node twin) {
        Node base = baseNode(twin);
        List<TensorType> out = new ArrayList<>();
        for (Value v : base.outputs()) {
            TensorType t = v.type();
            if (t.rank() != 4 || t.dtype() != DType.F32) {
                throw IrException.atNode(twin, "channels-last output must be a rank-4 f32 tensor, got " + t);
            }
            out.add(new TensorType(t.dtype(), toNhwc(t.shape())));
        }
        return out;
    }
}
