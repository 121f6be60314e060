package org.falconc.frontend;

import static org.falconc.frontend.AttributesToInputs.Kind.F32_SCALAR;
import static org.falconc.frontend.AttributesToInputs.Kind.I64_SINGLETON;
import static org.falconc.frontend.AttributesToInputs.Kind.I64_VECTOR;
import static org.falconc.frontend.AttributesToInputs.move;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which adapter converts each ONNX op of the default domain; ops not listed are copied as they are. */
final class OpAdapters {
    private static final Map<String, OpAdapter> ADAPTERS = new HashMap<>();

    static {
        ADAPTERS.put("Clip", AttributesToInputs.of(move("min", 1, F32_SCALAR), move("max", 2, F32_SCALAR)));
        // Pad-1 called the pads "paddings".
        ADAPTERS.put("Pad", AttributesToInputs.of(move("pads", 1, I64_VECTOR), move("paddings", 1, I64_VECTOR),
                move("value", 2, F32_SCALAR)));
        ADAPTERS.put("Reshape", AttributesToInputs.of(move("shape", 1, I64_VECTOR)));
        ADAPTERS.put("Squeeze", AttributesToInputs.of(move("axes", 1, I64_VECTOR)));
        ADAPTERS.put("Unsqueeze", AttributesToInputs.of(move("axes", 1, I64_VECTOR)));
        ADAPTERS.put("Slice", AttributesToInputs.of(
                move("starts", 1, I64_VECTOR), move("ends", 2, I64_VECTOR), move("axes", 3, I64_VECTOR)));
        ADAPTERS.put("TopK", AttributesToInputs.of(move("k", 1, I64_SINGLETON)));
        ADAPTERS.put("Dropout", new AttributesToInputs(List.of(move("ratio", 1, F32_SCALAR)), List.of("is_test")));
        for (String reduce : List.of("ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1",
                "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare")) {
            ADAPTERS.put(reduce, AttributesToInputs.of(move("axes", 1, I64_VECTOR)));
        }
        ADAPTERS.put("Split", new SplitAdapter());
        ADAPTERS.put("Upsample", new ResizeAdapter());
        ADAPTERS.put("Resize", new ResizeAdapter());
        for (String normalise : List.of("Softmax", "LogSoftmax", "Hardmax")) {
            ADAPTERS.put(normalise, new SoftmaxAdapter());
        }
        ADAPTERS.put("BatchNormalization", new BatchNormAdapter());
        ADAPTERS.put("Constant", new ConstantAdapter());
        ADAPTERS.put("Concat", new LegacyConcatAxisAdapter());
        ADAPTERS.put("PRelu", new LegacyPReluAdapter());
        ADAPTERS.put("LpPool", new LegacyLpPoolAdapter());
        ADAPTERS.put("GlobalLpPool", new LegacyLpPoolAdapter());
        // Deprecated and experimental ops of older exporters, canonicalised into IR ops.
        ADAPTERS.put("ImageScaler", new ImageScalerAdapter());
        ADAPTERS.put("Crop", new CropAdapter());
        ADAPTERS.put("Scale", ScaledActivationAdapter.scale());
        ADAPTERS.put("Affine", ScaledActivationAdapter.affine());
        ADAPTERS.put("ScaledTanh", ScaledActivationAdapter.scaledTanh());
        ADAPTERS.put("ParametricSoftplus", ScaledActivationAdapter.parametricSoftplus());
        ADAPTERS.put("MeanVarianceNormalization", new MeanVarianceNormalizationAdapter());
        ADAPTERS.put("Cast", new CastAdapter());
        for (String binary : List.of("Add", "Sub", "Mul", "Div", "Pow", "And", "Or", "Xor", "Equal", "Greater",
                "Less", "Gemm")) {
            ADAPTERS.put(binary, new LegacyBroadcastAdapter());
        }
    }

    private OpAdapters() {
    }

    static OpAdapter forOp(String opType) {
        return ADAPTERS.getOrDefault(opType, PassThroughAdapter.INSTANCE);
    }
}
