package org.falconc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The threshold guard's verdicts, with hand-computed cases: the --max-drop promise in numbers. */
class AgreementTest {
    private static Map<String, Object> scores(float... v) {
        return Map.of("prob", v);
    }

    /** 10 inputs; the candidate changes the top-1 class of the first {@code changed}. */
    private static List<List<Map<String, Object>>> classified(int changed) {
        List<Map<String, Object>> ref = new ArrayList<>();
        List<Map<String, Object>> got = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ref.add(scores(0.1f, 0.7f, 0.2f));
            got.add(i < changed ? scores(0.5f, 0.3f, 0.2f) : scores(0.2f, 0.6f, 0.2f));
        }
        return List.of(ref, got);
    }

    @Test
    void aClassifierMayChangeAtMostTheGivenShareOfTopOneClasses() {
        var one = classified(1);
        assertTrue(Agreement.within(true, one.get(0), one.get(1), 0.1)); // 1 of 10 = 0.1
        assertFalse(Agreement.within(true, one.get(0), one.get(1), 0.09));
        var none = classified(0);
        assertTrue(Agreement.within(true, none.get(0), none.get(1), 0)); // scores moved, classes kept
        var three = classified(3);
        assertFalse(Agreement.within(true, three.get(0), three.get(1), 0.2));
        assertEquals("top-1 class kept on 7 of 10 inputs", Agreement.describe(true, three.get(0), three.get(1)));
    }

    @Test
    void otherModelsBoundTheRelativeL2ErrorOfEveryInput() {
        // reference (3, 4): |ref| = 5; candidate (3, 4.5): error 0.5, relative 0.1
        List<Map<String, Object>> ref = List.of(Map.of("y", new float[] {3, 4}), Map.of("y", new float[] {3, 4}));
        List<Map<String, Object>> got = List.of(Map.of("y", new float[] {3, 4}), Map.of("y", new float[] {3, 4.5f}));
        assertTrue(Agreement.within(false, ref, got, 0.1 + 1e-9));
        assertFalse(Agreement.within(false, ref, got, 0.099)); // one input is enough to fail
        assertEquals(0.05, Agreement.change(ref, got), 1e-7); // mean over inputs: (0 + 0.1) / 2
        assertEquals("largest relative L2 error 0.100 on 2 inputs", Agreement.describe(false, ref, got));
    }

    @Test
    void argmaxTakesTheFirstOfEqualScores() {
        assertEquals(1, Agreement.argmax(new float[] {0, 2, 2, 1}));
        assertEquals(0, Agreement.argmax(new float[] {5}));
    }
}
