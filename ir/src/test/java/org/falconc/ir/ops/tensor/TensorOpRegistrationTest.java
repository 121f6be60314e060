package org.falconc.ir.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.falconc.ir.ops.OpRegistry;
import org.junit.jupiter.api.Test;

class TensorOpRegistrationTest {
    /** The tensor-op family as specified; a missing registration fails here rather than at import time. */
    static final List<String> OPS = List.of(
            "Relu", "LeakyRelu", "PRelu", "Elu", "Selu", "Celu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh",
            "Softplus", "Softsign", "Mish", "Erf", "Exp", "Log", "Sqrt", "Reciprocal", "Neg", "Abs", "Floor",
            "Ceil", "Round", "Sin", "Cos", "ThresholdedRelu", "Gelu", "Sign", "Clip", "Add", "Sub", "Mul", "Div",
            "Pow", "Mod", "Max", "Min", "Sum", "Mean", "Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual",
            "And", "Or", "Xor", "Not", "Where", "Softmax", "LogSoftmax", "Hardmax", "ReduceMean", "ReduceSum",
            "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSumExp",
            "ReduceLogSum", "ArgMax", "ArgMin", "Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze", "Concat",
            "Split", "Slice", "Gather", "GatherElements", "Expand", "Tile", "Shape", "Size", "ConstantOfShape",
            "Range", "Identity", "Dropout", "Cast", "CastLike", "EyeLike", "Trilu");

    @Test
    void everyTensorOpHasASchema() {
        for (String op : OPS) {
            assertNotNull(OpRegistry.find(op), op);
        }
    }
}
