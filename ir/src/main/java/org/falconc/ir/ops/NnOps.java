package org.falconc.ir.ops;

import java.util.function.Consumer;
import org.falconc.ir.ops.nn.BatchNormInference;
import org.falconc.ir.ops.nn.ConvInference;
import org.falconc.ir.ops.nn.ConvTransposeInference;
import org.falconc.ir.ops.nn.DepthSpaceInference;
import org.falconc.ir.ops.nn.GemmInference;
import org.falconc.ir.ops.nn.GlobalPoolInference;
import org.falconc.ir.ops.nn.InstanceNormInference;
import org.falconc.ir.ops.nn.LrnInference;
import org.falconc.ir.ops.nn.MatMulInference;
import org.falconc.ir.ops.nn.PadInference;
import org.falconc.ir.ops.nn.PoolInference;
import org.falconc.ir.ops.nn.ResizeInference;

/** Schemas of the neural-network ops: convolutions, pooling, normalisations, Gemm/MatMul, Resize, Pad. */
final class NnOps {
    private NnOps() {
    }

    static void registerAll(Consumer<OpSchema> r) {
        r.accept(new OpSchema("Conv", 2, 3, 1, 1, ConvInference::infer));
        r.accept(new OpSchema("ConvTranspose", 2, 3, 1, 1, ConvTransposeInference::infer));
        r.accept(new OpSchema("MaxPool", 1, 1, 1, 2, PoolInference::infer));
        r.accept(new OpSchema("AveragePool", 1, 1, 1, 1, PoolInference::infer));
        r.accept(new OpSchema("LpPool", 1, 1, 1, 1, PoolInference::infer));
        r.accept(new OpSchema("GlobalAveragePool", 1, 1, 1, 1, GlobalPoolInference::infer));
        r.accept(new OpSchema("GlobalMaxPool", 1, 1, 1, 1, GlobalPoolInference::infer));
        r.accept(new OpSchema("GlobalLpPool", 1, 1, 1, 1, GlobalPoolInference::infer));
        r.accept(new OpSchema("BatchNormalization", 5, 5, 1, 3, BatchNormInference::infer));
        r.accept(new OpSchema("InstanceNormalization", 3, 3, 1, 1, InstanceNormInference::infer));
        r.accept(new OpSchema("LRN", 1, 1, 1, 1, LrnInference::infer));
        r.accept(new OpSchema("Gemm", 2, 3, 1, 1, GemmInference::infer));
        r.accept(new OpSchema("MatMul", 2, 2, 1, 1, MatMulInference::infer));
        r.accept(new OpSchema("Resize", 1, 4, 1, 1, ResizeInference::infer).withShapeOperands(1, 2, 3));
        r.accept(new OpSchema("Pad", 2, 4, 1, 1, PadInference::infer).withShapeOperands(1, 3));
        r.accept(new OpSchema("DepthToSpace", 1, 1, 1, 1, DepthSpaceInference::infer));
        r.accept(new OpSchema("SpaceToDepth", 1, 1, 1, 1, DepthSpaceInference::infer));
    }
}
