package org.falconc.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.falconc.codegen.TestModels;
import org.falconc.codegen.program.Program;
import org.falconc.codegen.program.Slot;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;
import org.falconc.ir.Value;
import org.falconc.runtime.model.CompiledModel;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random DAGs of elementwise ops, views, concats and splits: by brute force, no two values that are
 * live at the same step share arena memory (unless the plan made them one buffer, or placed one inside
 * the other as a Concat or Split part), the peak is at most the sum of all values, and the compiled
 * model still computes what the interpreter does.
 */
class RandomGraphPlanTest {
    @TempDir
    Path dir;

    @RepeatedTest(25)
    void liveValuesNeverOverlapAndResultsMatch(RepetitionInfo rep) {
        Random random = new Random(rep.getCurrentRepetition() * 7919L);
        Graph g = TestModels.graph(randomGraph(random));
        BufferAssignment buffers = BufferAssignment.assign(g, n -> LowererRegistry.standard().find(n.op()));
        List<Value> values = new ArrayList<>();
        Map<Value, int[]> live = new IdentityHashMap<>();
        List<Node> nodes = g.nodes();
        for (int step = 0; step < nodes.size(); step++) {
            for (Value out : nodes.get(step).outputs()) {
                values.add(out);
                live.put(out, new int[] {step, step});
            }
            for (Value in : nodes.get(step).inputs()) {
                if (live.containsKey(in)) {
                    live.get(in)[1] = step;
                }
            }
        }
        for (Value out : g.outputs()) {
            if (live.containsKey(out)) {
                live.get(out)[1] = nodes.size();
            }
        }
        long sum = 0;
        for (Value a : values) {
            sum += a.type().shape().numElements() * 4L;
            for (Value b : values) {
                if (a == b || buffers.sameBuffer(a, b) || buffers.liesInside(a, b) || buffers.liesInside(b, a)) {
                    continue;
                }
                int[] la = live.get(a);
                int[] lb = live.get(b);
                if (la[0] <= lb[1] && lb[0] <= la[1]
                        && buffers.slot(a) instanceof Slot.Arena sa && buffers.slot(b) instanceof Slot.Arena sb) {
                    assertFalse(sa.offset() < sb.offset() + sb.length() && sb.offset() < sa.offset() + sa.length(),
                            "%" + a.name() + " " + sa + " and %" + b.name() + " " + sb + " are live together");
                }
            }
        }
        Program p = Lowering.lower(g, "rnd", "R" + rep.getCurrentRepetition());
        assertTrue(p.peakActivationBytes() <= sum + 64L * values.size(), p.peakActivationBytes() + " > " + sum);
        CompiledModel m = TestModels.load(g, "R" + rep.getCurrentRepetition(), dir);
        Map<String, float[]> in = TestModels.randomInputs(g, rep.getCurrentRepetition());
        TestModels.assertClose(TestModels.reference(g, in), m.run(in));
    }

    /** IR text of a random DAG over f32[2,3,4] values (plus [2,6,4] concats folded back by Slice-free views). */
    private static String randomGraph(Random random) {
        StringBuilder sb = new StringBuilder();
        List<String> pool = new ArrayList<>(List.of("x0", "x1"));
        List<String> body = new ArrayList<>();
        int count = 6 + random.nextInt(14);
        body.add("  %flat = const i64[2] [2, 12]");
        body.add("  %back = const i64[3] [2, 3, 4]");
        for (int i = 0; i < count; i++) {
            String a = pool.get(random.nextInt(pool.size()));
            String b = pool.get(random.nextInt(pool.size()));
            String v = "v" + i;
            switch (random.nextInt(9)) {
                case 0 -> body.add("  %" + v + " = Relu (%" + a + ")");
                case 1 -> body.add("  %" + v + " = Neg (%" + a + ")");
                case 2 -> body.add("  %" + v + " = Add (%" + a + ", %" + b + ")");
                case 3 -> body.add("  %" + v + " = Mul (%" + a + ", %" + b + ")");
                case 4 -> {
                    body.add("  %" + v + "f = Reshape (%" + a + ", %flat)");
                    body.add("  %" + v + " = Reshape (%" + v + "f, %back)");
                }
                case 5 -> body.add("  %" + v + " = Softmax (%" + a + ")");
                case 6 -> {
                    // axis 0: contiguous parts (placed in place); axis 1: strided (copied)
                    int axis = random.nextInt(2);
                    body.add("  %" + v + "c = Concat (%" + a + ", %" + b + ") {axis = " + axis + "}");
                    body.add("  %" + v + ", %" + v + "s = Split (%" + v + "c) {axis = " + axis + ", num_outputs = 2}");
                    pool.add(v + "s");
                }
                case 7 -> {
                    body.add("  %" + v + "c = Concat (%" + a + ", %" + b + ") {axis = 0}");
                    body.add("  %" + v + "r = Relu (%" + v + "c)");
                    body.add("  %" + v + ", %" + v + "s = Split (%" + v + "r) {axis = 0, num_outputs = 2}");
                    pool.add(v + "s");
                }
                default -> body.add("  %" + v + " = Sum (%" + a + ", %" + b + ", %" + pool.get(random.nextInt(pool.size())) + ")");
            }
            pool.add(v);
        }
        List<String> outputs = new ArrayList<>();
        outputs.add("%v" + (count - 1));
        for (int i = 0; i < 2; i++) {
            outputs.add("%" + pool.get(random.nextInt(pool.size())));
        }
        sb.append("graph g(%x0: f32[2,3,4], %x1: f32[2,3,4]) -> (").append(String.join(", ", outputs)).append(") {\n");
        for (String line : body) {
            sb.append(line).append('\n');
        }
        return sb.append("}\n").toString();
    }
}
