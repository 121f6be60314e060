package org.falconc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which outputs are class scores, when softmax is applied, and how the top classes are printed. */
class ScoresTest {
    @Test
    void classScoreShapesHaveOneDimensionAboveOne() {
        assertEquals(1000, Scores.classCount(new int[] {1, 1000, 1, 1}));
        assertEquals(10, Scores.classCount(new int[] {1, 10}));
        assertEquals(3, Scores.classCount(new int[] {3}));
        assertEquals(0, Scores.classCount(new int[] {1, 1}));
        assertEquals(0, Scores.classCount(new int[] {2, 10}));
        assertEquals(0, Scores.classCount(new int[] {1, 1, 64, 64}));
        assertEquals(0, Scores.classCount(new int[] {}));
    }

    @Test
    void softmaxIsAppliedOnlyToWhatIsNotAProbabilityVector() {
        assertTrue(Scores.isProbabilities(new float[] {0.25f, 0.75f}));
        assertTrue(Scores.isProbabilities(new float[] {0.5f, 0.495f}), "within 0.01 of 1");
        assertFalse(Scores.isProbabilities(new float[] {0.5f, 0.3f}), "sums to 0.8");
        assertFalse(Scores.isProbabilities(new float[] {1.5f, -0.5f}), "sums to 1 but leaves [0, 1]");
        assertFalse(Scores.isProbabilities(new float[] {Float.NaN, 1f}));
        float[] probs = {0.1f, 0.9f};
        assertTrue(Scores.probabilities(probs) == probs, "probabilities are shown as they are");
        float[] p = Scores.probabilities(new float[] {0f, (float) Math.log(3)});
        assertArrayEquals(new float[] {0.25f, 0.75f}, p, 1e-7f);
        float[] huge = Scores.softmax(new float[] {1000f, 1000f, -1000f});
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, huge, 0f);
    }

    @Test
    void topIsHighestFirstTiesByIndex() {
        assertArrayEquals(new int[] {3, 1, 2}, Scores.top(new float[] {0.1f, 0.3f, 0.3f, 0.4f}, 3));
        assertArrayEquals(new int[] {1, 0}, Scores.top(new float[] {0.2f, 0.8f}, 5));
    }

    @Test
    void linesNameTheClassesWhenTheLabelsFit() {
        assertEquals(List.of("y: top 2 of 2 classes", "0.8000  1  dog", "0.2000  0  cat"),
                ImageRun.top("y", new float[] {0.2f, 0.8f}, List.of("cat", "dog")));
        assertEquals(List.of("y: top 2 of 2 classes (softmax applied: the scores were not probabilities)",
                        "0.7311  0", "0.2689  1"),
                ImageRun.top("y", new float[] {3f, 2f}, List.of()));
        List<String> twelve = ImageRun.top("y", new float[12], List.of("a", "b"));
        assertEquals("y: top 5 of 12 classes (softmax applied: the scores were not probabilities) (the 2 labels do not fit)",
                twelve.get(0));
        assertEquals("0.0833   0", twelve.get(1), "indices are padded to the widest");
    }
}
