package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DumpSpecTest {
    @Test
    void afterAllDumpsEveryPass() {
        DumpSpec spec = DumpSpec.parse("after:all");
        assertTrue(spec.isEnabled());
        assertTrue(spec.isAll());
        assertTrue(spec.dumpsAfter("fold-constants"));
        assertTrue(spec.dumpsAfter("anything"));
        assertEquals(Set.of(), spec.passNames());
        assertEquals("after:all", spec.toString());
    }

    @Test
    void afterNamesDumpsOnlyThose() {
        DumpSpec spec = DumpSpec.parse("after:fold-constants,infer-shapes");
        assertTrue(spec.isEnabled());
        assertFalse(spec.isAll());
        assertTrue(spec.dumpsAfter("fold-constants"));
        assertTrue(spec.dumpsAfter("infer-shapes"));
        assertFalse(spec.dumpsAfter("remove-noops"));
        assertEquals(List.of("fold-constants", "infer-shapes"), List.copyOf(spec.passNames()));
        assertEquals("after:fold-constants,infer-shapes", spec.toString());
        assertEquals(spec, DumpSpec.parse(spec.toString()));
    }

    @Test
    void noneDumpsNothing() {
        assertFalse(DumpSpec.NONE.isEnabled());
        assertFalse(DumpSpec.NONE.dumpsAfter("fold-constants"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "all", "after:", "before:fold-constants", "after:a,,b", "after:a,", "fold-constants"})
    void malformedSpecsAreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DumpSpec.parse(text));
        assertTrue(e.getMessage().contains("after:all or after:NAME") || e.getMessage().contains("empty pass name"),
                e.getMessage());
    }
}
