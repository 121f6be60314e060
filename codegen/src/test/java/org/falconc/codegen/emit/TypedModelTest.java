package org.falconc.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.falconc.codegen.TestModels;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.ir.text.IrParser;
import org.falconc.runtime.model.CompiledModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models with non-f32 inputs and outputs, run-time operands (Clip bounds, Conv and ConvTranspose
 * weights, Trilu's k) and the lowerings added for them (Cast, GatherElements, Trilu, EyeLike,
 * ConstantOfShape, Dropout), compiled, run through {@code runArrays} and compared with the interpreter.
 */
class TypedModelTest {
    @TempDir
    Path dir;

    private static Object array(Tensor t) {
        return switch (t.dtype()) {
            case F32 -> t.floats();
            case I64 -> t.longs();
            case I32 -> t.ints();
            case BOOL -> t.bools();
        };
    }

    /** Random inputs of each input's type: f32 in [-2, 2), integers in [0, bound), bools. */
    private static Map<String, Tensor> inputs(Graph g, long seed, int bound) {
        Random rnd = new Random(seed);
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (Value in : g.inputs()) {
            Tensor t = Tensor.zeros(in.type());
            for (int i = 0; i < t.numElements(); i++) {
                switch (t.dtype()) {
                    case F32 -> t.floats()[i] = rnd.nextFloat() * 4 - 2;
                    case I64 -> t.longs()[i] = rnd.nextInt(bound);
                    case I32 -> t.ints()[i] = rnd.nextInt(bound);
                    case BOOL -> t.bools()[i] = rnd.nextBoolean();
                }
            }
            feeds.put(in.name(), t);
        }
        return feeds;
    }

    /** Compiles {@code g}, runs it and the interpreter on seeded inputs and compares every output exactly (f32 within 1e-5). */
    private CompiledModel check(Graph g, String name, int bound) {
        CompiledModel m = TestModels.load(g, name, dir);
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, Tensor> feeds = inputs(g, seed, bound);
            Map<String, Object> arrays = new LinkedHashMap<>();
            feeds.forEach((k, v) -> arrays.put(k, array(v)));
            Map<String, Object> actual = m.runArrays(arrays);
            Map<String, Tensor> expected = Interpreter.run(g, feeds);
            for (var e : expected.entrySet()) {
                Object a = actual.get(e.getKey());
                assertEquals(e.getValue().dtype().text(), m.outputType(e.getKey()));
                switch (e.getValue().dtype()) {
                    case F32 -> assertArrayEquals(e.getValue().floats(), (float[]) a, 1e-5f, e.getKey());
                    case I64 -> assertArrayEquals(e.getValue().longs(), (long[]) a, e.getKey());
                    case I32 -> assertArrayEquals(e.getValue().ints(), (int[]) a, e.getKey());
                    case BOOL -> assertArrayEquals(e.getValue().bools(), (boolean[]) a, e.getKey());
                }
            }
        }
        return m;
    }

    @Test
    void integerAndBoolInputsAndOutputs() {
        Graph g = TestModels.graph("""
                graph g(%x: f32[4,5], %idx: i64[3], %pad: i32[2,3]) -> (%picked, %arg, %mask, %padded, %shape) {
                  %pads = const i64[4] [1, 0, 0, 2]
                  %picked = Gather (%x, %idx) {axis = 0}
                  %arg = ArgMax (%x) {axis = 1}
                  %mask = Greater (%x, %x)
                  %padded = Pad (%pad, %pads) {mode = "edge"}
                  %shape = Shape (%x)
                }""");
        CompiledModel m = check(g, "TypedIo", 4);
        assertEquals("i64", m.inputType("idx"));
        assertEquals("i32", m.inputType("pad"));
        assertEquals("bool", m.outputType("mask"));
        assertEquals("i64", m.outputType("shape"));
        assertTrue(m.toString().contains("idx i64[3]"), m.toString());
    }

    @Test
    void runTimeOperands() {
        Graph g = TestModels.graph("""
                graph g(%x: f32[1,2,5,5], %w: f32[3,2,3,3], %wt: f32[2,2,2,2], %lo: f32[], %hi: f32[], %k: i64[],
                        %v: f32[1,2,3,4,3], %wv: f32[2,1,2,2,2]) -> (%c, %ct, %cl, %tri, %ct3) {
                  %c = Conv (%x, %w) {pads = [1, 1, 1, 1], strides = [2, 1]}
                  %ct = ConvTranspose (%x, %wt) {strides = [2, 2], output_padding = [1, 0]}
                  %cl = Clip (%x, %lo, %hi)
                  %tri = Trilu (%x, %k) {upper = 0}
                  %ct3 = ConvTranspose (%v, %wv) {group = 2, pads = [0, 1, 0, 0, 1, 0]}
                }""");
        check(g, "RunTimeOperands", 3);
    }

    @Test
    void castGatherElementsEyeLikeDropout() {
        Graph g = TestModels.graph("""
                graph g(%x: f32[3,4], %idx: i64[2,4], %r: f32[]) -> (%toInt, %toBool, %back, %ge, %eye, %y, %m) {
                  %toInt = Cast (%x) {to = 6}
                  %toBool = Cast (%toInt) {to = 9}
                  %back = Cast (%toBool) {to = 1}
                  %ge = GatherElements (%x, %idx) {axis = 0}
                  %eye = EyeLike (%x) {k = 1, dtype = 7}
                  %y, %m = Dropout (%x, %r)
                }""");
        check(g, "CastAndFriends", 3);
    }

    @Test
    void constantOfShapeTooLargeToFoldIsFilledAtRunTime() {
        // Typed by hand and lowered without the pipeline: the folder would have made this small one a constant.
        Graph g = IrParser.parse("""
                graph g(%x: f32[2,3]) -> (%y, %n) {
                  %s = const i64[2] [2, 3]
                  %c = ConstantOfShape (%s) {value = tensor f32[1] [1.5]} : f32[2,3]
                  %y = Add (%c, %x) : f32[2,3]
                  %n = ConstantOfShape (%s) {value = tensor i64[1] [7]} : i64[2,3]
                }""");
        check(g, "FilledConstant", 3);
    }
}
