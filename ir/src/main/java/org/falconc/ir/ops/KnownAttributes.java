package org.falconc.ir.ops;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.falconc.ir.ops.fused.Activation;
import org.falconc.ir.ops.fused.ActivationBitsInference;
import org.falconc.ir.ops.fused.DecomposedConvInference;
import org.falconc.ir.ops.fused.FusedConvInference;
import org.falconc.ir.ops.fused.FusedGemmInference;
import org.falconc.ir.ops.fused.SparseAttrs;

/**
 * The attributes each op takes, by name, with their kinds as {@link org.falconc.ir.Attribute#kind()} spells
 * them (null: any kind, for falconc's own bookkeeping attributes). The ONNX ops' follow the newest
 * definition (opset 25; the frontend's adapters rewrite older forms). The verifier refuses a name not in
 * the table ({@code padq}, {@code kernel_chape}) and a known name of another kind, as ONNX's checker does,
 * so every engine sees the same validated node. falconc's fused ops take their base op's attributes plus
 * their own.
 */
final class KnownAttributes {
    private static final String INT = "int";
    private static final String FLOAT = "float";
    private static final String STRING = "string";
    private static final String INTS = "ints";
    private static final String TENSOR = "tensor";
    private static final String ANY = null;

    private static final Map<String, Map<String, String>> TABLE = new HashMap<>();

    static {
        Map<String, String> conv = of("auto_pad", STRING, "dilations", INTS, "group", INT, "kernel_shape", INTS,
                "pads", INTS, "strides", INTS);
        put("Conv", conv);
        put("ConvTranspose", with(conv, "output_padding", INTS, "output_shape", INTS));
        Map<String, String> window = of("auto_pad", STRING, "ceil_mode", INT, "dilations", INTS, "kernel_shape", INTS,
                "pads", INTS, "strides", INTS);
        put("MaxPool", with(window, "storage_order", INT));
        put("AveragePool", with(window, "count_include_pad", INT));
        put("LpPool", with(window, "p", INT));
        put("GlobalLpPool", of("p", INT));
        put("BatchNormalization", of("epsilon", FLOAT, "momentum", FLOAT, "training_mode", INT));
        put("InstanceNormalization", of("epsilon", FLOAT));
        put("LRN", of("alpha", FLOAT, "beta", FLOAT, "bias", FLOAT, "size", INT));
        Map<String, String> gemm = of("alpha", FLOAT, "beta", FLOAT, "transA", INT, "transB", INT);
        put("Gemm", gemm);
        put("Resize", of("antialias", INT, "axes", INTS, "coordinate_transformation_mode", STRING, "cubic_coeff_a",
                FLOAT, "exclude_outside", INT, "extrapolation_value", FLOAT, "keep_aspect_ratio_policy", STRING,
                "mode", STRING, "nearest_mode", STRING));
        put("Pad", of("mode", STRING));
        put("DepthToSpace", of("blocksize", INT, "mode", STRING));
        put("SpaceToDepth", of("blocksize", INT));
        for (String op : new String[] {"LeakyRelu", "Elu", "Celu", "ThresholdedRelu"}) {
            put(op, of("alpha", FLOAT));
        }
        put("Selu", of("alpha", FLOAT, "gamma", FLOAT));
        put("HardSigmoid", of("alpha", FLOAT, "beta", FLOAT));
        put("Gelu", of("approximate", STRING));
        put("Mod", of("fmod", INT));
        for (String op : new String[] {"Softmax", "LogSoftmax", "Hardmax", "Flatten", "Concat", "Gather",
            "GatherElements"}) {
            put(op, of("axis", INT));
        }
        for (String op : new String[] {"ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd",
            "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare"}) {
            put(op, of("keepdims", INT, "noop_with_empty_axes", INT));
        }
        for (String op : new String[] {"ArgMax", "ArgMin"}) {
            put(op, of("axis", INT, "keepdims", INT, "select_last_index", INT));
        }
        put("Reshape", of("allowzero", INT));
        put("Transpose", of("perm", INTS));
        put("Split", of("axis", INT, "num_outputs", INT));
        put("Shape", of("end", INT, "start", INT));
        put("ConstantOfShape", of("value", TENSOR));
        put("Dropout", of("seed", INT));
        put("Cast", of("round_mode", STRING, "saturate", INT, "to", INT));
        put("CastLike", of("round_mode", STRING, "saturate", INT));
        put("EyeLike", of("dtype", INT, "k", INT));
        put("Trilu", of("upper", INT));

        // falconc's own ops: the base op's attributes, the fused activation, the sparse-execution plan.
        Map<String, String> epilogue = of(Activation.ATTRIBUTE, STRING, Activation.PARAMS_ATTRIBUTE, ANY,
                "alpha", FLOAT, "beta", FLOAT);
        Map<String, String> sparse = of(SparseAttrs.BREAK_EVEN, FLOAT, SparseAttrs.EXPECTED_ZEROS, FLOAT);
        Map<String, String> fusedConv = with(conv, epilogue);
        put(FusedConvInference.OP, fusedConv);
        put("FusedConvNhwc", fusedConv);
        put(DecomposedConvInference.OP, with(fusedConv, sparse));
        put(FusedGemmInference.OP, with(gemm, epilogue));
        put(ActivationBitsInference.OP, Map.of());
        put("MaxPoolNhwc", TABLE.get("MaxPool"));
        put("AveragePoolNhwc", TABLE.get("AveragePool"));
    }

    private KnownAttributes() {
    }

    /** The attributes {@code op} takes (name to kind, null kind: any); empty for ops without attributes. */
    static Map<String, String> of(String op) {
        return TABLE.getOrDefault(op, Map.of());
    }

    private static void put(String op, Map<String, String> attributes) {
        TABLE.put(op, attributes);
    }

    private static Map<String, String> of(String... nameKind) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameKind.length; i += 2) {
            m.put(nameKind[i], nameKind[i + 1]);
        }
        return m;
    }

    private static Map<String, String> with(Map<String, String> base, String... nameKind) {
        return with(base, of(nameKind));
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.putAll(more);
        return m;
    }
}
