package org.falconc.codegen.lower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.falconc.codegen.program.Arg;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Slot;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.falconc.ir.Value;
import org.falconc.runtime.gemm.PackedMatrix;

/**
 * What a {@link Lowerer} sees of one node: the slots of its values, its constant inputs, and the
 * calls it emits (in order) and the weights it packs.
 */
public final class LayerBuilder {
    /** Registers load-time packing calls for the whole program; returns the packed object's index. */
    interface PackRegistry {
        int register(String type, KernelCall pack);
    }

    private static final String PACKED_MATRIX = "org/falconc/runtime/gemm/PackedMatrix";
    /** Longer int tables go to the weights file. */
    static final int MAX_INLINE_INTS = 64;

    private final Node node;
    private final BufferAssignment buffers;
    private final PackRegistry packs;
    private final List<KernelCall> calls = new ArrayList<>();

    LayerBuilder(Node node, BufferAssignment buffers, PackRegistry packs) {
        this.node = node;
        this.buffers = buffers;
        this.packs = packs;
    }

    public Node node() {
        return node;
    }

    /** The static type of input {@code i}; unsupported when the input is absent. */
    public TensorType inType(int i) {
        return required(i).type();
    }

    public TensorType outType(int i) {
        return node.output(i).type();
    }

    /** Input {@code i}'s shape as an int array. */
    public int[] inShape(int i) {
        return inType(i).shape().dims();
    }

    public int[] outShape(int i) {
        return outType(i).shape().dims();
    }

    public boolean hasInput(int i) {
        return node.input(i) != null;
    }

    /** Input {@code i}; throws unsupported when it is absent. */
    public Value required(int i) {
        Value v = node.input(i);
        if (v == null) {
            throw unsupported("input " + i + " is required");
        }
        return v;
    }

    /** Input {@code i} as a buffer argument (a constant input becomes a weight). */
    public Arg.Buffer in(int i) {
        return new Arg.Buffer(buffers.slot(required(i)));
    }

    /** Input {@code i} as a buffer, or {@code null, 0} of element type {@code dtype} when it is absent. */
    public Arg inOrNull(int i, DType dtype) {
        return hasInput(i) ? in(i) : new Arg.Null(dtype);
    }

    /** Constant input {@code i} as a whole array (a weight), or {@code null} when it is absent. */
    public Arg weightArrayOrNull(int i, DType dtype) {
        if (!hasInput(i)) {
            return new Arg.NullArray(dtype);
        }
        if (!node.input(i).isConstant()) {
            throw unsupported("input " + i + " (%" + node.input(i).name() + ") must be a constant");
        }
        return new Arg.Array(buffers.slot(node.input(i)));
    }

    public Arg.Buffer out(int i) {
        return new Arg.Buffer(buffers.slot(node.output(i)));
    }

    public Slot slot(Value v) {
        return buffers.slot(v);
    }

    /** Whether output 0 is stored over input {@code i} (in place). */
    public boolean inPlace(int i) {
        return hasInput(i) && buffers.sameBuffer(node.input(i), node.output(0));
    }

    /**
     * Elements between consecutive rows of the last axis of {@code v} (a pixel's channels, channels-last):
     * the last dimension, or the whole's row stride when the plan interleaved {@code v} into a Concat.
     */
    public int pixelStride(Value v) {
        return buffers.pixelStride(v);
    }

    /** Whether the memory plan placed {@code part} inside {@code whole}'s buffer at element {@code offset} (see {@link Partition}). */
    public boolean isPlacedAt(Value part, Value whole, int offset) {
        return buffers.isPlacedAt(part, whole, offset);
    }

    /** Whether input {@code i} is a constant (known at compile time). */
    public boolean isConstant(int i) {
        return hasInput(i) && node.input(i).isConstant();
    }

    /** The data of constant input {@code i} (shape operands: Reshape's shape, Resize's scales, ...). */
    public Tensor constant(int i, String role) {
        Value v = required(i);
        if (!v.isConstant()) {
            throw unsupported("input '" + role + "' (%" + v.name() + ") must be a constant known at compile time");
        }
        if (v.constant().isElided()) {
            throw unsupported("constant %" + v.name() + " was elided from a textual dump; its data is not available");
        }
        return v.constant();
    }

    /**
     * An {@code int[]} argument: a class constant when short, else an i32 weight (long tables would
     * overflow the class's static initializer).
     */
    public Arg intTable(String name, int[] values) {
        if (values.length <= MAX_INLINE_INTS) {
            return new Arg.IntsArg(values);
        }
        return new Arg.Array(buffers.addWeight(name, Tensor.ofInts(Shape.of(values.length), values)));
    }

    /** A float constant computed at compile time, as a new weight buffer ({@code array, offset}). */
    public Arg.Buffer floatTable(String name, Tensor data) {
        return new Arg.Buffer(buffers.addWeight(name, data));
    }

    /** A float constant computed at compile time, as a whole weight array (no offset). */
    public Arg floatArray(String name, Tensor data) {
        return new Arg.Array(buffers.addWeight(name, data));
    }

    /**
     * Constant input {@code i} as a matrix packed at compile time (element (m, k) at
     * {@code data[m * rowStride + k * colStride]} of {@code data}, by default the constant itself),
     * wrapped at load time without copying: the weights file holds the panels the GEMM reads.
     */
    public Arg.Packed prepackedMatrix(String name, Tensor data, int rows, int depth, int rowStride, int colStride) {
        float[] panels = new float[PackedMatrix.packedLength(rows, depth)];
        PackedMatrix.packInto(data.floats(), 0, rows, depth, rowStride, colStride, panels, 0);
        Arg array = floatArray(name + ".packed", Tensor.ofFloats(Shape.of(panels.length), panels));
        return pack(PACKED_MATRIX, PACKED_MATRIX, "prepacked", "W [" + rows + ", " + depth + "] packed at compile time",
                array, new Arg.IntArg(0), new Arg.IntArg(rows), new Arg.IntArg(depth));
    }

    /** Adds a call of {@code owner.method(args)} returning nothing. */
    public void call(String owner, String method, String comment, Arg... args) {
        calls.add(KernelCall.of(owner, method, Arrays.asList(args), comment));
    }

    /** Registers a load-time call {@code owner.method(args)} returning a {@code type}; the argument for kernels. */
    public Arg.Packed pack(String type, String owner, String method, String comment, Arg... args) {
        KernelCall call = new KernelCall(owner, method, Arrays.asList(args), "L" + type + ";", comment);
        return new Arg.Packed(packs.register(type, call), type);
    }

    /** An error naming this node's problem; lowering lists every such node before failing. */
    public UnsupportedNodeException unsupported(String reason) {
        return new UnsupportedNodeException(reason);
    }

    /** The element count of a shape. */
    public static int elements(int[] shape) {
        return Shape.of(shape).numElements();
    }

    List<KernelCall> calls() {
        return List.copyOf(calls);
    }
}
