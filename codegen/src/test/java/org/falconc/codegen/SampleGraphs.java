package org.falconc.codegen;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small graphs that together reach every lowerer and most kernel paths (IR text, {@code random} constants). */
public final class SampleGraphs {
    private SampleGraphs() {
    }

    public static Map<String, String> all() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("ConvNet", """
                graph g(%x: f32[1,3,12,12]) -> (%p) {
                  %w1 = const f32[8,3,3,3] random
                  %b1 = const f32[8] random
                  %w2 = const f32[8,1,3,3] random
                  %w3 = const f32[16,8,1,1] random
                  %b3 = const f32[16] random
                  %fw = const f32[10,16] random
                  %fb = const f32[10] random
                  %c1 = Conv (%x, %w1, %b1) {pads = [1, 1, 1, 1], strides = [2, 2]}
                  %r1 = Relu (%c1)
                  %c2 = Conv (%r1, %w2) {group = 8, pads = [1, 1, 1, 1]}
                  %a = Add (%c2, %r1)
                  %c3 = Conv (%a, %w3, %b3)
                  %lo = const f32[] [0.0]
                  %hi = const f32[] [6.0]
                  %r3 = Clip (%c3, %lo, %hi)
                  %m = MaxPool (%r3) {kernel_shape = [2, 2], strides = [2, 2]}
                  %gp = GlobalAveragePool (%m)
                  %f = Flatten (%gp)
                  %fc = Gemm (%f, %fw, %fb) {transB = 1}
                  %p = Softmax (%fc)
                }""");
        g.put("Conv1dAndPoolNd", """
                graph g(%x: f32[2,3,16]) -> (%y, %l, %gl, %m3) {
                  %w = const f32[4,3,5] random
                  %c = Conv (%x, %w) {strides = [2], pads = [2, 1]}
                  %y = MaxPool (%c) {kernel_shape = [3], strides = [1]}
                  %l = LpPool (%c) {kernel_shape = [2], p = 3}
                  %gl = GlobalLpPool (%c) {p = 2}
                  %ax = const i64[2] [3, 4]
                  %x3 = Unsqueeze (%x, %ax)
                  %m3 = AveragePool (%x3) {kernel_shape = [3, 1, 1], pads = [1, 0, 0, 1, 0, 0]}
                }""");
        g.put("Elementwise", """
                graph g(%x: f32[2,3,4], %z: f32[3,1]) -> (%w, %mean, %e, %s, %lr, %pw, %pr) {
                  %slope = const f32[3,1] random
                  %c = Greater (%x, %z)
                  %n = Not (%c)
                  %o = Or (%n, %c)
                  %w = Where (%o, %x, %z)
                  %mean = Mean (%x, %z, %w)
                  %e = Elu (%x) {alpha = 0.5}
                  %s = Selu (%x)
                  %lr = LeakyRelu (%x) {alpha = 0.2}
                  %ax = Abs (%x)
                  %pw = Pow (%ax, %z)
                  %pr = PRelu (%x, %slope)
                }""");
        g.put("DataMovement", """
                graph g(%x: f32[1,8,4,4], %d: f32[5,3]) -> (%ds, %sd, %ex, %ti, %ga, %gi, %cat) {
                  %shape = const i64[3] [2, 5, 3]
                  %reps = const i64[2] [2, 3]
                  %idx = const i64[2] [4, -1]
                  %ds = DepthToSpace (%x) {blocksize = 2, mode = "CRD"}
                  %sd = SpaceToDepth (%x) {blocksize = 2}
                  %ex = Expand (%d, %shape)
                  %ti = Tile (%d, %reps)
                  %ga = Gather (%d, %idx) {axis = 0}
                  %am = ArgMax (%d) {axis = 1, keepdims = 0}
                  %gi = Gather (%d, %am) {axis = 1}
                  %t = Transpose (%d)
                  %cat = Concat (%t, %t, %t) {axis = 0}
                }""");
        g.put("Reductions", """
                graph g(%x: f32[2,3,4]) -> (%s, %mx, %mn, %p, %l1, %ss, %ls, %lse, %noop, %hm, %sum) {
                  %a1 = const i64[1] [1]
                  %a2 = const i64[2] [0, 2]
                  %none = const i64[0] []
                  %s = ReduceSum (%x, %a1)
                  %mx = ReduceMax (%x, %a2) {keepdims = 0}
                  %mn = ReduceMin (%x)
                  %p = ReduceProd (%x, %a1)
                  %l1 = ReduceL1 (%x, %a2)
                  %ss = ReduceSumSquare (%x, %a1)
                  %ax = Abs (%x)
                  %ls = ReduceLogSum (%ax, %a1)
                  %lse = ReduceLogSumExp (%x, %a2)
                  %noop = ReduceSum (%x, %none) {noop_with_empty_axes = 1}
                  %hm = Hardmax (%x) {axis = 1}
                  %sum = Sum (%x)
                }""");
        g.put("TransposedAnd3dConv", """
                graph g(%x: f32[1,4,5,5], %v: f32[1,2,4,5,3]) -> (%t, %u, %c3) {
                  %w = const f32[4,3,3,3] random
                  %b = const f32[3] random
                  %w2 = const f32[4,2,2,2] random
                  %w3 = const f32[3,2,3,3,2] random
                  %b3 = const f32[3] random
                  %t = ConvTranspose (%x, %w, %b) {strides = [2, 2], pads = [1, 1, 1, 1], output_padding = [1, 0]}
                  %u = ConvTranspose (%x, %w2) {group = 2, strides = [2, 2]}
                  %c3 = Conv (%v, %w3, %b3) {pads = [1, 1, 0, 1, 1, 1]}
                }""");
        return g;
    }
}
