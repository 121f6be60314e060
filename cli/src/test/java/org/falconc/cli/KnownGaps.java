package org.falconc.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a known-gaps list: one {@code suite/case  reason} per line, # comments. */
final class KnownGaps {
    private KnownGaps() {
    }

    static Map<String, String> load(String resource) throws IOException {
        Map<String, String> gaps = new LinkedHashMap<>();
        try (InputStream in = KnownGaps.class.getResourceAsStream(resource)) {
            if (in == null) {
                return gaps;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+", 2);
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalStateException(resource + ": '" + t + "' needs a reason");
                }
                gaps.put(parts[0], parts[1]);
            }
        }
        return gaps;
    }
}
