package org.falconc.codegen.lower.ops;

import org.falconc.ir.DType;

/** Internal names of the runtime classes lowerers call, and per-element-type method names. */
final class Runtime {
    static final String UNARY = "org/falconc/runtime/ops/Unary";
    static final String BINARY = "org/falconc/runtime/ops/Binary";
    static final String SOFTMAX = "org/falconc/runtime/ops/Softmax";
    static final String POOL_2D = "org/falconc/runtime/ops/Pool2d";
    static final String POOL_ND = "org/falconc/runtime/ops/PoolNd";
    static final String CONCAT = "org/falconc/runtime/ops/Concat";
    static final String SPLIT = "org/falconc/runtime/ops/Split";
    static final String SLICE = "org/falconc/runtime/ops/Slice";
    static final String TRANSPOSE = "org/falconc/runtime/ops/Transpose";
    static final String GATHER = "org/falconc/runtime/ops/Gather";
    static final String PAD = "org/falconc/runtime/ops/Pad";
    static final String WHERE = "org/falconc/runtime/ops/Where";
    static final String EXPAND = "org/falconc/runtime/ops/Expand";
    static final String TILE = "org/falconc/runtime/ops/Tile";
    static final String REDUCE = "org/falconc/runtime/ops/Reduce";
    static final String ARG_REDUCE = "org/falconc/runtime/ops/ArgReduce";
    static final String BATCH_NORM = "org/falconc/runtime/ops/BatchNorm";
    static final String INSTANCE_NORM = "org/falconc/runtime/ops/InstanceNorm";
    static final String LRN = "org/falconc/runtime/ops/Lrn";
    static final String MATMUL = "org/falconc/runtime/ops/MatMul";
    static final String RESIZE = "org/falconc/runtime/ops/Resize";
    static final String DEPTH_SPACE = "org/falconc/runtime/ops/DepthSpace";
    static final String CLIP_TENSOR = "org/falconc/runtime/ops/ClipTensor";
    static final String FILL = "org/falconc/runtime/ops/Fill";
    static final String CAST = "org/falconc/runtime/ops/Cast";
    static final String GATHER_ELEMENTS = "org/falconc/runtime/ops/GatherElements";
    static final String TRILU = "org/falconc/runtime/ops/Trilu";
    static final String EYE_LIKE = "org/falconc/runtime/ops/EyeLike";
    static final String CONV_TRANSPOSE_ND = "org/falconc/runtime/ops/ConvTransposeNd";
    static final String GEMM = "org/falconc/runtime/gemm/Gemm";

    private Runtime() {
    }

    /** {@code floats}, {@code longs}, {@code ints}, {@code bools}: the per-element-type method of Fill, EyeLike. */
    static String anyTypeMethod(DType dtype) {
        return dtype == DType.BOOL ? "bools" : typedMethod(dtype);
    }

    /** {@code floats}, {@code longs}, {@code ints}: the per-element-type method of Unary, Binary, Reduce. */
    static String typedMethod(DType dtype) {
        return switch (dtype) {
            case F32 -> "floats";
            case I64 -> "longs";
            case I32 -> "ints";
            case BOOL -> throw new IllegalArgumentException("no numeric kernel for bool");
        };
    }
}
