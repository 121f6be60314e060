package org.falconc.runtime.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.falconc.runtime.parallel.ThreadPool;

/**
 * Base class of every generated model: the model-independent parts of the public API (argument
 * checks, the Map plumbing, per-call state). A generated class supplies its signature and memory
 * plan to the constructor, loads its weights, and implements {@link #execute} as the sequence of
 * its layers.
 *
 * <p>Inputs and outputs have an element type each ({@link ElementType}: f32, i64, i32, bool) and are
 * passed as the matching Java array. {@link #runArrays} takes and returns any of them; the
 * {@code float[]} methods serve models whose inputs and outputs are all f32.
 *
 * <p>Thread safety: a model may be called from many threads at once. Each call takes a
 * {@link CallState} (arenas and execution context) that no other call uses while it runs.
 */
public abstract class CompiledModel {
    private final ThreadPool pool;
    private final List<String> inputNames;
    private final int[][] inputShapes;
    private final ElementType[] inputTypes;
    private final List<String> outputNames;
    private final int[][] outputShapes;
    private final ElementType[] outputTypes;
    private final int[] arenaLengths;
    private final ConcurrentLinkedQueue<CallState> idle = new ConcurrentLinkedQueue<>();
    private volatile List<org.falconc.runtime.profile.LayerInfo> layers;
    private volatile ModelInfo info;

    /**
     * @param threads      total parallelism of a pool of the model's own; 0 = the process-wide pool
     * @param inputTypes   element type of each input ({@link ElementType#text()})
     * @param outputTypes  element type of each output
     * @param arenaLengths elements of the f32, i64, i32 and bool arenas of one call
     */
    protected CompiledModel(int threads, String[] inputNames, int[][] inputShapes, String[] inputTypes,
                            String[] outputNames, int[][] outputShapes, String[] outputTypes, int[] arenaLengths) {
        if (inputTypes.length != inputNames.length || outputTypes.length != outputNames.length
                || inputShapes.length != inputNames.length || outputShapes.length != outputNames.length) {
            throw new IllegalArgumentException("every input and output needs a name, a shape and an element type");
        }
        this.pool = threads == 0 ? ThreadPool.shared() : ThreadPool.of(threads);
        this.inputNames = List.of(inputNames);
        this.inputShapes = deepCopy(inputShapes);
        this.inputTypes = types(inputTypes);
        this.outputNames = List.of(outputNames);
        this.outputShapes = deepCopy(outputShapes);
        this.outputTypes = types(outputTypes);
        this.arenaLengths = arenaLengths.clone();
    }

    /**
     * Runs the layers: reads {@code in[i]} (graph input i, an array of its element type), writes every
     * {@code out[j]} (allocated, of output j's element type).
     */
    protected abstract void execute(CallState state, Object[] in, Object[] out);

    /** Runs a model with one f32 input and one f32 output on {@code input} (row-major, NCHW). */
    public final float[] run(float[] input) {
        if (inputNames.size() != 1 || outputNames.size() != 1) {
            throw new IllegalArgumentException("run(float[]) needs a model with one input and one output; this one has inputs "
                    + inputNames + " and outputs " + outputNames + ": use run(Map)");
        }
        requireAllF32("run(float[])");
        return (float[]) runAll(new Object[] {checked(0, input)})[0];
    }

    /**
     * Runs a model whose inputs and outputs are all f32 on its inputs by name and returns its outputs by
     * name, in output order. Every input must be given, with exactly as many elements as its shape has.
     */
    public final Map<String, float[]> run(Map<String, float[]> inputs) {
        requireAllF32("run(Map<String, float[]>)");
        Object[] out = runAll(ordered(inputs));
        Map<String, float[]> result = new LinkedHashMap<>();
        for (int j = 0; j < out.length; j++) {
            result.put(outputNames.get(j), (float[]) out[j]);
        }
        return result;
    }

    /**
     * Runs the model on inputs of any element type: each value is the array of the input's type
     * ({@link #inputType}: float[], long[], int[] or boolean[]); returns each output as the array of its
     * type, by name, in output order.
     */
    public final Map<String, Object> runArrays(Map<String, ?> inputs) {
        Object[] out = runAll(ordered(inputs));
        Map<String, Object> result = new LinkedHashMap<>();
        for (int j = 0; j < out.length; j++) {
            result.put(outputNames.get(j), out[j]);
        }
        return result;
    }

    /**
     * {@link #runArrays(Map)} with per-layer counters: {@code profile} is attached for this call and
     * accumulates each layer's time and, for convolutions, units and MACs ({@link #layers()} says
     * what layer i is).
     */
    public final Map<String, Object> runArrays(Map<String, ?> inputs, org.falconc.runtime.profile.Profile profile) {
        Object[] out = runAll(ordered(inputs), profile);
        Map<String, Object> result = new LinkedHashMap<>();
        for (int j = 0; j < out.length; j++) {
            result.put(outputNames.get(j), out[j]);
        }
        return result;
    }

    /** What the compiler recorded about each layer (empty when the class has no layer table). */
    public final List<org.falconc.runtime.profile.LayerInfo> layers() {
        List<org.falconc.runtime.profile.LayerInfo> l = layers;
        if (l == null) {
            l = org.falconc.runtime.profile.LayerTable.load(getClass());
            layers = l;
        }
        return l;
    }

    /**
     * What the compiler recorded about the model ({@link ModelInfo}): the ONNX element types of its inputs
     * and outputs, the preprocessing for photos and the class labels; {@link ModelInfo#defaults} when the
     * class has no such record. UncheckedIOException when the record is damaged or does not match the class.
     */
    public final ModelInfo info() {
        ModelInfo i = info;
        if (i == null) {
            i = ModelInfo.load(getClass());
            if (i == null) {
                i = ModelInfo.defaults(this);
            } else {
                requireMatches(i);
            }
            info = i;
        }
        return i;
    }

    private void requireMatches(ModelInfo i) {
        boolean ok = i.inputTypes().size() == inputTypes.length && i.outputTypes().size() == outputTypes.length;
        for (int k = 0; ok && k < inputTypes.length; k++) {
            ok = inputTypes[k].holds(i.inputTypes().get(k));
        }
        for (int k = 0; ok && k < outputTypes.length; k++) {
            ok = outputTypes[k].holds(i.outputTypes().get(k));
        }
        if (!ok) {
            String msg = "damaged model info of " + getClass().getName() + ": its element types " + i.inputTypes()
                    + " -> " + i.outputTypes() + " do not fit " + this;
            throw new java.io.UncheckedIOException(msg, new java.io.IOException(msg));
        }
    }

    private Object[] ordered(Map<String, ?> inputs) {
        for (String name : inputs.keySet()) {
            if (!inputNames.contains(name)) {
                throw new IllegalArgumentException("unknown input '" + name + "'; the model's inputs are " + inputNames);
            }
        }
        Object[] in = new Object[inputNames.size()];
        for (int i = 0; i < in.length; i++) {
            Object data = inputs.get(inputNames.get(i));
            if (data == null) {
                throw new IllegalArgumentException("missing input '" + inputNames.get(i) + "' " + inputTypes[i]
                        + shapeText(inputShapes[i]) + "; the model's inputs are " + inputNames);
            }
            in[i] = checked(i, data);
        }
        return in;
    }

    private void requireAllF32(String method) {
        for (int i = 0; i < inputTypes.length; i++) {
            if (inputTypes[i] != ElementType.F32) {
                throw new IllegalArgumentException(method + " needs f32 inputs and outputs; input '" + inputNames.get(i)
                        + "' is " + inputTypes[i] + ": use runArrays(Map)");
            }
        }
        for (int j = 0; j < outputTypes.length; j++) {
            if (outputTypes[j] != ElementType.F32) {
                throw new IllegalArgumentException(method + " needs f32 inputs and outputs; output '" + outputNames.get(j)
                        + "' is " + outputTypes[j] + ": use runArrays(Map)");
            }
        }
    }

    private Object checked(int index, Object data) {
        String name = inputNames.get(index);
        if (data == null) {
            throw new IllegalArgumentException("input '" + name + "' is null");
        }
        ElementType type = inputTypes[index];
        if (!type.arrayClass().isInstance(data)) {
            ElementType given = ElementType.ofArray(data);
            throw new IllegalArgumentException("input '" + name + "' is " + type + ", so it takes a "
                    + type.arrayClass().getSimpleName() + ", got " + (given == null ? data.getClass().getName()
                    : "a " + given.arrayClass().getSimpleName()));
        }
        int expected = elements(inputShapes[index]);
        int length = java.lang.reflect.Array.getLength(data);
        if (length != expected) {
            throw new IllegalArgumentException("input '" + name + "' must have " + expected
                    + " elements (shape " + shapeText(inputShapes[index]) + "), got " + length);
        }
        return data;
    }

    private Object[] runAll(Object[] in) {
        return runAll(in, null);
    }

    private Object[] runAll(Object[] in, org.falconc.runtime.profile.Profile profile) {
        Object[] out = new Object[outputShapes.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = outputTypes[j].newArray(elements(outputShapes[j]));
        }
        CallState state = idle.poll();
        if (state == null) {
            state = new CallState(pool, arenaLengths[0], arenaLengths[1], arenaLengths[2], arenaLengths[3]);
        }
        state.ctx.setProfile(profile);
        try {
            execute(state, in, out);
        } finally {
            state.ctx.setProfile(null);
            idle.add(state);
        }
        return out;
    }

    public final List<String> inputNames() {
        return inputNames;
    }

    public final List<String> outputNames() {
        return outputNames;
    }

    /** The shape of the named input (a copy). */
    public final int[] inputShape(String name) {
        return inputShapes[indexOf(inputNames, name, "input")].clone();
    }

    /** The shape of the named output (a copy). */
    public final int[] outputShape(String name) {
        return outputShapes[indexOf(outputNames, name, "output")].clone();
    }

    /** The element type of the named input: {@code f32}, {@code i64}, {@code i32} or {@code bool}. */
    public final String inputType(String name) {
        return inputTypes[indexOf(inputNames, name, "input")].text();
    }

    /** The element type of the named output: {@code f32}, {@code i64}, {@code i32} or {@code bool}. */
    public final String outputType(String name) {
        return outputTypes[indexOf(outputNames, name, "output")].text();
    }

    /** Total parallelism of the thread pool the model runs on. */
    public final int threads() {
        return pool.threads();
    }

    private static int indexOf(List<String> names, String name, String kind) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; the model's " + kind + "s are " + names);
        }
        return i;
    }

    private static ElementType[] types(String[] texts) {
        ElementType[] t = new ElementType[texts.length];
        for (int i = 0; i < texts.length; i++) {
            t[i] = ElementType.of(texts[i]);
        }
        return t;
    }

    private static int elements(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static String shapeText(int[] shape) {
        return Arrays.toString(shape);
    }

    private static int[][] deepCopy(int[][] shapes) {
        int[][] c = new int[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            c[i] = shapes[i].clone();
        }
        return c;
    }

    /** {@code Name(a[2, 2], b[4]) -> (y[4])}, with the element type before the shape when it is not f32. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < inputShapes.length; i++) {
            parts.add(inputNames.get(i) + typePrefix(inputTypes[i]) + shapeText(inputShapes[i]));
        }
        List<String> outs = new ArrayList<>();
        for (int j = 0; j < outputShapes.length; j++) {
            outs.add(outputNames.get(j) + typePrefix(outputTypes[j]) + shapeText(outputShapes[j]));
        }
        return getClass().getSimpleName() + "(" + String.join(", ", parts) + ") -> (" + String.join(", ", outs) + ")";
    }

    private static String typePrefix(ElementType t) {
        return t == ElementType.F32 ? "" : " " + t;
    }
}
