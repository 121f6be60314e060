package org.falconc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.falconc.runtime.io.ImagePreset;
import org.junit.jupiter.api.Test;

/** Statistics, JSON numbers and preset choice: the small parts the reports are made of. */
class ReportPiecesTest {
    @Test
    void percentilesInterpolateBetweenRanks() {
        LatencyStats s = LatencyStats.of(new long[] {4_000_000, 1_000_000, 3_000_000, 2_000_000, 5_000_000});
        assertEquals(3.0, s.medianMs(), 1e-9);
        assertEquals(1.4, s.p10Ms(), 1e-9);
        assertEquals(4.6, s.p90Ms(), 1e-9);
        assertEquals(5 * 1000.0 / 15, s.throughput(), 1e-9);
    }

    @Test
    void medianRatioIsPerRound() {
        // A is twice as slow in every round, though the machine slows down over the rounds.
        AlternatingRounds r = new AlternatingRounds(new long[] {2, 20, 200}, new long[] {1, 10, 100});
        assertEquals(2.0, r.medianRatio(), 1e-12);
    }

    @Test
    void jsonNumbersAreValidAndShort() {
        String json = new JsonWriter().beginObject().member("a", 100000.0).member("b", 12.5).member("c", 1e-7)
                .member("d", Double.NaN).member("e", 0.0).member("s", "q\"\n").name("l").beginArray().value(1).value(2)
                .endArray().endObject().toString();
        assertEquals("{\"a\":100000,\"b\":12.5,\"c\":1E-7,\"d\":null,\"e\":0,\"s\":\"q\\\"\\n\",\"l\":[1,2]}", json);
    }

    @Test
    void presetsFollowTheInputShape() {
        assertEquals(ImagePreset.IMAGENET, ImagePreset.forShape(new int[] {1, 3, 224, 224}));
        assertEquals(ImagePreset.MNIST, ImagePreset.forShape(new int[] {1, 1, 28, 28}));
        assertEquals(ImagePreset.CIFAR, ImagePreset.forShape(new int[] {1, 3, 32, 32}));
        assertEquals(ImagePreset.ULTRAFACE, ImagePreset.forShape(new int[] {1, 3, 240, 320}));
        assertEquals(ImagePreset.LUMA, ImagePreset.forShape(new int[] {1, 1, 224, 224}));
        assertEquals(ImagePreset.RGB, ImagePreset.forShape(new int[] {1, 3, 100, 60}));
        assertNull(ImagePreset.forShape(new int[] {1, 10}));
        assertEquals(ImagePreset.CAFFE2, ImagePreset.parse("Caffe2"));
        assertThrows(IllegalArgumentException.class, () -> ImagePreset.parse("jpeg"));
    }
}
