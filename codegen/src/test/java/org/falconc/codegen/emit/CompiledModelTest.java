package org.falconc.codegen.emit;

import static org.falconc.codegen.TestModels.checkAgainstInterpreter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.falconc.runtime.model.CompiledModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled models agree with the reference interpreter. */
class CompiledModelTest {
    @TempDir
    Path dir;

    @Test
    void reluAndResidualAdd() {
        CompiledModel m = checkAgainstInterpreter("""
                graph g(%x: f32[2,3,4]) -> (%y) {
                  %r = Relu (%x)
                  %s = Sigmoid (%r)
                  %y = Add (%s, %x)
                }""", "Residual", dir);
        assertEquals(List.of("x"), m.inputNames());
        assertEquals(List.of("y"), m.outputNames());
        assertArrayEquals(new int[] {2, 3, 4}, m.outputShape("y"));
    }

    @Test
    void broadcastingArithmeticWithConstants() {
        checkAgainstInterpreter("""
                graph g(%x: f32[2,3,4,5]) -> (%y) {
                  %c = const f32[3,1,1] random
                  %d = const f32[5] random
                  %a = Mul (%x, %c)
                  %b = Sub (%d, %a)
                  %e = Div (%b, %c)
                  %y = Max (%e, %x, %a)
                }""", "Broadcast", dir);
    }

    @Test
    void convolutionsWithAndWithoutBiasStridesPadsGroups() {
        checkAgainstInterpreter("""
                graph g(%x: f32[1,4,9,9]) -> (%y) {
                  %w1 = const f32[8,4,3,3] random
                  %b1 = const f32[8] random
                  %w2 = const f32[8,2,3,3] random
                  %w3 = const f32[8,1,3,3] random
                  %b3 = const f32[8] random
                  %w4 = const f32[6,8,1,1] random
                  %c1 = Conv (%x, %w1, %b1) {pads = [1, 1, 1, 1]}
                  %r1 = Relu (%c1)
                  %c2 = Conv (%r1, %w2) {group = 4, strides = [2, 2], pads = [1, 0, 1, 0]}
                  %c3 = Conv (%c2, %w3, %b3) {group = 8, pads = [1, 1, 1, 1], dilations = [1, 1]}
                  %y = Conv (%c3, %w4)
                }""", "Convs", dir);
    }

    @Test
    void autoPadAndDilation() {
        checkAgainstInterpreter("""
                graph g(%x: f32[2,3,10,7]) -> (%y) {
                  %w = const f32[5,3,3,2] random
                  %w2 = const f32[4,5,3,3] random
                  %c = Conv (%x, %w) {auto_pad = "SAME_UPPER", strides = [2, 1]}
                  %y = Conv (%c, %w2) {dilations = [2, 1], auto_pad = "VALID"}
                }""", "AutoPad", dir);
    }

    @Test
    void poolingAndGlobalPooling() {
        checkAgainstInterpreter("""
                graph g(%x: f32[1,3,11,11]) -> (%m, %a, %ga, %gm, %c) {
                  %m = MaxPool (%x) {kernel_shape = [3, 3], strides = [2, 2], ceil_mode = 1}
                  %a = AveragePool (%x) {kernel_shape = [2, 3], pads = [1, 1, 0, 1], count_include_pad = 1}
                  %ga = GlobalAveragePool (%m)
                  %gm = GlobalMaxPool (%a)
                  %c = AveragePool (%x) {kernel_shape = [3, 3], auto_pad = "SAME_LOWER"}
                }""", "Pools", dir);
    }

    @Test
    void fireModuleConcat() {
        checkAgainstInterpreter("""
                graph g(%x: f32[1,8,6,6]) -> (%y) {
                  %ws = const f32[4,8,1,1] random
                  %we1 = const f32[6,4,1,1] random
                  %we3 = const f32[6,4,3,3] random
                  %s = Conv (%x, %ws)
                  %sr = Relu (%s)
                  %e1 = Conv (%sr, %we1)
                  %e3 = Conv (%sr, %we3) {pads = [1, 1, 1, 1]}
                  %r1 = Relu (%e1)
                  %r3 = Relu (%e3)
                  %y = Concat (%r1, %r3) {axis = 1}
                }""", "Fire", dir);
    }

    @Test
    void gemmHeadWithSoftmax() {
        checkAgainstInterpreter("""
                graph g(%x: f32[1,4,5,5]) -> (%p) {
                  %w = const f32[10,4] random
                  %b = const f32[10] random
                  %w2 = const f32[10,7] random
                  %pool = GlobalAveragePool (%x)
                  %f = Flatten (%pool) {axis = 1}
                  %fc = Gemm (%f, %w, %b) {transB = 1}
                  %r = Relu (%fc)
                  %g2 = Gemm (%r, %w2) {alpha = 0.5}
                  %p = Softmax (%g2) {axis = 1}
                }""", "Head", dir);
    }

    @Test
    void gemmBatchAndMatMul() {
        checkAgainstInterpreter("""
                graph g(%x: f32[6,8], %z: f32[2,8,3]) -> (%y, %m, %b) {
                  %w = const f32[5,8] random
                  %c = const f32[6,5] random
                  %k = const f32[8,4] random
                  %y = Gemm (%x, %w, %c) {transB = 1, beta = 0.5}
                  %m = MatMul (%x, %k)
                  %b = MatMul (%x, %z)
                }""", "Products", dir);
    }

    @Test
    void reshapesAreViewsAndOutputsThatAreInputsAreCopied() {
        CompiledModel m = checkAgainstInterpreter("""
                graph g(%x: f32[2,6]) -> (%y, %x, %v, %v2) {
                  %shape = const i64[3] [3, 2, 2]
                  %axes = const i64[1] [0]
                  %t = Relu (%x)
                  %v = Reshape (%t, %shape)
                  %u = Unsqueeze (%v, %axes)
                  %v2 = Squeeze (%u, %axes)
                  %y = Neg (%v)
                }""", "Views", dir);
        assertArrayEquals(new int[] {3, 2, 2}, m.outputShape("v"));
    }

    @Test
    void transposeSliceSplitPadAndResize() {
        checkAgainstInterpreter("""
                graph g(%x: f32[1,4,6,6]) -> (%t, %s, %a, %b, %p, %r) {
                  %starts = const i64[2] [1, 0]
                  %ends = const i64[2] [4, 6]
                  %axes = const i64[2] [1, 3]
                  %steps = const i64[2] [2, 2]
                  %pads = const i64[8] [0, 0, 1, 2, 0, 0, 2, 1]
                  %scales = const f32[4] [1.0, 1.0, 2.0, 1.5]
                  %t = Transpose (%x) {perm = [0, 2, 3, 1]}
                  %s = Slice (%x, %starts, %ends, %axes, %steps)
                  %a, %b = Split (%x) {axis = 1, num_outputs = 2}
                  %p = Pad (%x, %pads) {mode = "reflect"}
                  %r = Resize (%x, _, %scales) {mode = "linear"}
                }""", "DataMovement", dir);
    }

    @Test
    void reductionsAndNormalisations() {
        checkAgainstInterpreter("""
                graph g(%x: f32[2,4,3,3]) -> (%m, %l, %bn, %in, %lrn, %ls) {
                  %axes = const i64[2] [2, 3]
                  %scale = const f32[4] random
                  %bias = const f32[4] random
                  %mean = const f32[4] random
                  %var = const f32[4] [0.5, 1.0, 2.0, 0.25]
                  %m = ReduceMean (%x, %axes) {keepdims = 1}
                  %l = ReduceL2 (%x, %axes) {keepdims = 0}
                  %bn = BatchNormalization (%x, %scale, %bias, %mean, %var) {epsilon = 0.001}
                  %in = InstanceNormalization (%x, %scale, %bias)
                  %lrn = LRN (%x) {size = 3}
                  %ls = LogSoftmax (%x) {axis = 1}
                }""", "Norms", dir);
    }

    @Test
    void singleInputApiChecksTheLength() {
        CompiledModel m = checkAgainstInterpreter("""
                graph g(%x: f32[1,2,3]) -> (%y) {
                  %y = Relu (%x)
                }""", "Small", dir);
        float[] y = m.run(new float[] {-1, 2, -3, 4, -5, 6});
        assertArrayEquals(new float[] {0, 2, 0, 4, 0, 6}, y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.run(new float[5]));
        assertTrue(e.getMessage().contains("must have 6 elements"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> m.run(Map.of("x", new float[6], "z", new float[1])));
        assertTrue(unknown.getMessage().contains("unknown input 'z'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.inputShape("nope"));
    }
}
