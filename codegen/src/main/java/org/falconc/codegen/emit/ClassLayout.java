package org.falconc.codegen.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.falconc.codegen.program.Arg;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Layer;
import org.falconc.codegen.program.Program;
import org.falconc.codegen.program.Slot;
import org.falconc.ir.DType;
import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;

/**
 * The members of a generated class, shared by both emitters so the bytecode and the Java source
 * have the same structure and names:
 *
 * <ul>
 *   <li>{@code static final int[] I<n>} / {@code float[] F<n>}: the array constants of all calls, deduplicated;
 *   <li>{@code final <type>[] w<k>}: weight k, for the weights layers read (the others are only packed);
 *   <li>{@code final <Packed> p<k>}: packed weight k;
 *   <li>layer methods {@code (ExecutionContext ctx, <arena> f32, ..., Object[] in, Object[] out)} with one
 *       arena parameter per element type the plan uses; {@code in[i]} / {@code out[j]} are arrays of the
 *       graph input's / output's element type, cast where a call reads them.
 * </ul>
 *
 * <p>Large graphs are split to stay within the class file's limits (64 KiB of code per method,
 * 65,535 methods, fields and constant-pool entries per class): beyond {@link #LAYERS_ALONE} layers,
 * consecutive layers share a static method ({@link LayerMethod}) in a nested helper class holding at most
 * {@link #LAYERS_PER_HELPER} layers (each layer's profiler index is a constant of its own); beyond {@link #EXECUTE_CALLS} layer
 * methods, {@code execute} calls chunks {@code execute$<n>} that call them; and a constructor larger
 * than {@link #CONSTRUCTOR_BUDGET} bytes moves its loading and packing into {@link LoadChunk} methods,
 * so its weight and packed fields are not final (a release fence ends the constructor instead).
 */
final class ClassLayout {
    static final String BASE = "org/falconc/runtime/model/CompiledModel";
    static final String BUILDER = "org/falconc/runtime/model/ModelBuilder";
    static final String CALL_STATE = "org/falconc/runtime/model/CallState";
    static final String WEIGHTS_FILE = "org/falconc/runtime/model/WeightsFile";

    private final Program program;
    private final Map<Arg, String> arrayConstants = new LinkedHashMap<>();
    private final boolean[] retained;
    private final List<LayerMethod> layerMethods;
    private final List<List<LayerMethod>> executeChunks;
    private final List<LoadChunk> loadChunks;

    /** Layer counts up to which every layer has its own method (named after its node, as stack traces show). */
    static final int LAYERS_ALONE = 2_000;
    /** Layers per nested helper class: their int constants and method references fit one constant pool. */
    static final int LAYERS_PER_HELPER = 10_000;
    /** Layer-method calls per {@code execute$<n>} (18 bytes each at most, so a chunk stays JIT-compilable). */
    static final int EXECUTE_CALLS = 250;
    /** Estimated constructor bytes above which loading and packing move to {@code load$<n>} methods. */
    static final int CONSTRUCTOR_BUDGET = 30_000;
    private static final int CLASS_LIMIT = 65_535;

    ClassLayout(Program program) {
        this.program = program;
        int ints = 0;
        int floats = 0;
        for (KernelCall c : program.allCalls()) {
            for (Arg a : c.args()) {
                if (a instanceof Arg.IntsArg && !arrayConstants.containsKey(a)) {
                    arrayConstants.put(a, "I" + ints++);
                } else if (a instanceof Arg.FloatsArg && !arrayConstants.containsKey(a)) {
                    arrayConstants.put(a, "F" + floats++);
                }
            }
        }
        retained = new boolean[program.weights().size()];
        for (int k = 0; k < retained.length; k++) {
            retained[k] = program.weightReadByLayers(k);
        }
        layerMethods = layerMethods(program.layers());
        executeChunks = new ArrayList<>();
        if (layerMethods.size() > EXECUTE_CALLS) {
            for (int i = 0; i < layerMethods.size(); i += EXECUTE_CALLS) {
                executeChunks.add(layerMethods.subList(i, Math.min(layerMethods.size(), i + EXECUTE_CALLS)));
            }
        }
        loadChunks = splitConstructor();
        int fields = arrayConstants.size() + program.packed().size();
        for (boolean r : retained) {
            fields += r ? 1 : 0;
        }
        int methods = layerMethods.size() + executeChunks.size() + loadChunks.size() + 6;
        if (fields >= CLASS_LIMIT || methods >= CLASS_LIMIT) {
            throw tooLarge(fields + " fields and " + methods + " methods");
        }
    }

    /** The user error for a graph whose class would exceed a class-file limit. */
    static FalconcException tooLarge(String what) {
        return new FalconcException(ErrorKind.UNSUPPORTED, "the model is too large for one Java class ("
                + what + "; the class-file format allows 65,535 methods, fields and constants, 64 KiB of code per method)");
    }

    private static List<LayerMethod> layerMethods(List<Layer> layers) {
        List<LayerMethod> methods = new ArrayList<>();
        if (layers.size() <= LAYERS_ALONE) {
            for (Layer l : layers) {
                methods.add(new LayerMethod(l.methodName(), List.of(l), -1));
            }
            return methods;
        }
        List<Layer> group = new ArrayList<>();
        int bytes = 0;
        int helper = 0;
        int helperLayers = 0;
        for (Layer l : layers) {
            int size = 0;
            for (KernelCall c : l.calls()) {
                size += CodeSize.of(c);
            }
            boolean helperFull = helperLayers + group.size() >= LAYERS_PER_HELPER;
            if (!group.isEmpty() && (bytes + size > CodeSize.METHOD_BUDGET || helperFull)) {
                methods.add(new LayerMethod("layers$" + methods.size(), group, helper));
                helperLayers += group.size();
                if (helperFull) {
                    helper++;
                    helperLayers = 0;
                }
                group = new ArrayList<>();
                bytes = 0;
            }
            group.add(l);
            bytes += size;
        }
        if (!group.isEmpty()) {
            methods.add(new LayerMethod("layers$" + methods.size(), group, helper));
        }
        return methods;
    }

    /** Empty when the constructor loads and packs everything itself. */
    private List<LoadChunk> splitConstructor() {
        // Per weight: aload, push index, invokevirtual, astore, and for a field aload_0, aload, putfield.
        final int weightBytes = 17;
        int total = retained.length * weightBytes;
        for (var p : program.packed()) {
            total += CodeSize.of(p.pack()) + 5;
        }
        List<LoadChunk> chunks = new ArrayList<>();
        if (total <= CONSTRUCTOR_BUDGET) {
            return chunks;
        }
        List<Integer> chunkRetained = new ArrayList<>();
        List<Integer> chunkPacked = new ArrayList<>();
        TreeSet<Integer> locals = new TreeSet<>();
        int bytes = 0;
        for (int step = 0; step < retained.length + program.packed().size(); step++) {
            boolean pack = step >= retained.length;
            int k = pack ? step - retained.length : step;
            if (!pack && !retained[k]) {
                continue;
            }
            List<Integer> reads = pack ? weightsRead(program.packed().get(k).pack()) : List.of(k);
            int size = pack ? CodeSize.of(program.packed().get(k).pack()) + 5 + weightBytes * reads.size() : weightBytes;
            if (bytes > 0 && bytes + size > CodeSize.METHOD_BUDGET) {
                chunks.add(new LoadChunk(chunkRetained, chunkPacked, List.copyOf(locals)));
                chunkRetained.clear();
                chunkPacked.clear();
                locals.clear();
                bytes = 0;
            }
            (pack ? chunkPacked : chunkRetained).add(k);
            locals.addAll(reads);
            bytes += size;
        }
        if (bytes > 0) {
            chunks.add(new LoadChunk(chunkRetained, chunkPacked, List.copyOf(locals)));
        }
        return chunks;
    }

    private static List<Integer> weightsRead(KernelCall c) {
        List<Integer> reads = new ArrayList<>();
        for (Arg a : c.args()) {
            Slot s = a instanceof Arg.Buffer b ? b.slot() : a instanceof Arg.Array arr ? arr.slot() : null;
            if (s instanceof Slot.Weight w && !reads.contains(w.index())) {
                reads.add(w.index());
            }
        }
        return reads;
    }

    /** The layer methods in execution order. */
    List<LayerMethod> layerMethods() {
        return layerMethods;
    }

    /** The layer methods each {@code execute$<n>} calls; empty when {@code execute} calls them itself. */
    List<List<LayerMethod>> executeChunks() {
        return executeChunks;
    }

    /** Number of nested helper classes. */
    int helpers() {
        return layerMethods.isEmpty() ? 0 : layerMethods.get(layerMethods.size() - 1).helper() + 1;
    }

    /** Simple name of nested helper class {@code n}. */
    static String helperName(int n) {
        return "Layers$" + n;
    }

    /** Internal name of nested helper class {@code n}. */
    String helperInternalName(int n) {
        return program.internalName() + "$" + helperName(n);
    }

    /** Descriptor of helper methods: the layer descriptor with the model first. */
    String helperDescriptor() {
        return "(L" + program.internalName() + ";" + layerDescriptor().substring(1);
    }

    static String executeChunkName(int n) {
        return "execute$" + n;
    }

    /** The constructor's {@code load$<n>} methods; empty when it loads and packs everything itself. */
    List<LoadChunk> loadChunks() {
        return loadChunks;
    }

    static String loadChunkName(int n) {
        return "load$" + n;
    }

    /** Whether weight and packed fields are final: only when the constructor assigns them itself. */
    boolean finalWeightFields() {
        return loadChunks.isEmpty();
    }

    Program program() {
        return program;
    }

    /** Array constants (IntsArg / FloatsArg) and their field names, in first-use order. */
    Map<Arg, String> arrayConstants() {
        return arrayConstants;
    }

    String constantField(Arg a) {
        String name = arrayConstants.get(a);
        if (name == null) {
            throw new IllegalArgumentException("no constant field for " + a);
        }
        return name;
    }

    /** Whether weight {@code k} is kept in a field after construction. */
    boolean retained(int k) {
        return retained[k];
    }

    static String weightField(int k) {
        return "w" + k;
    }

    static String packedField(int k) {
        return "p" + k;
    }

    List<DType> arenaTypes() {
        return program.arenaTypes();
    }

    /** Parameter name of the arena of {@code dtype} in layer methods. */
    static String arenaName(DType dtype) {
        return dtype.text();
    }

    /** The {@code CallState} field and {@code WeightsFile} getter of an element type. */
    static String weightsGetter(DType dtype) {
        return switch (dtype) {
            case F32 -> "floats";
            case I64 -> "longs";
            case I32 -> "ints";
            case BOOL -> "bools";
        };
    }

    /** {@code [F} etc. */
    static String arrayDescriptor(DType dtype) {
        return switch (dtype) {
            case F32 -> "[F";
            case I64 -> "[J";
            case I32 -> "[I";
            case BOOL -> "[Z";
        };
    }

    /** Descriptor of the graph input and output arrays: {@code Object[]}. */
    static final String IO_ARRAYS = "[Ljava/lang/Object;";

    /** Descriptor of layer methods: {@code (LExecutionContext;[F...[Ljava/lang/Object;[Ljava/lang/Object;)V}. */
    String layerDescriptor() {
        StringBuilder sb = new StringBuilder("(L").append(Arg.EXECUTION_CONTEXT).append(';');
        for (DType t : arenaTypes()) {
            sb.append(arrayDescriptor(t));
        }
        return sb.append(IO_ARRAYS).append(IO_ARRAYS).append(")V").toString();
    }

    /** The per-call arena lengths, indexed as {@code CompiledModel}'s constructor expects: f32, i64, i32, bool. */
    int[] arenaLengths() {
        return new int[] {program.arenaLength(DType.F32), program.arenaLength(DType.I64),
            program.arenaLength(DType.I32), program.arenaLength(DType.BOOL)};
    }

    static List<String> names(List<org.falconc.codegen.program.TensorSpec> specs) {
        List<String> names = new ArrayList<>();
        for (var s : specs) {
            names.add(s.name());
        }
        return names;
    }

    /** The element type names ({@code f32}, ...) {@code CompiledModel} takes. */
    static List<String> types(List<org.falconc.codegen.program.TensorSpec> specs) {
        List<String> types = new ArrayList<>();
        for (var s : specs) {
            types.add(s.dtype().text());
        }
        return types;
    }
}
