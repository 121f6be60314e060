package org.falconc.interp.tensor;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.falconc.interp.KernelRegistry;
import org.falconc.ir.ops.OpRegistry;
import org.junit.jupiter.api.Test;

class KernelCoverageTest {
    private static final List<String> OPS = List.of(
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
    void everyTensorOpHasASchemaAndAKernel() {
        for (String op : OPS) {
            assertNotNull(OpRegistry.find(op), "schema of " + op);
            assertNotNull(KernelRegistry.find(op), "kernel of " + op);
        }
    }
}
