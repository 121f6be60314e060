package org.falconc.codegen.emit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.codegen.program.Arg;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Program;
import org.falconc.ir.DType;

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
 */
final class ClassLayout {
    static final String BASE = "org/falconc/runtime/model/CompiledModel";
    static final String BUILDER = "org/falconc/runtime/model/ModelBuilder";
    static final String CALL_STATE = "org/falconc/runtime/model/CallState";
    static final String WEIGHTS_FILE = "org/falconc/runtime/model/WeightsFile";

    private final Program program;
    private final Map<Arg, String> arrayConstants = new LinkedHashMap<>();
    private final boolean[] retained;

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
