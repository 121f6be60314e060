package org.falconc.compiler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --input-shape NAME=1x3x224x224} options. */
public final class InputShapes {
    private InputShapes() {
    }

    public static Map<String, int[]> parse(List<String> specs) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UserException("--input-shape '" + spec + "' must look like NAME=1x3x224x224");
            }
            String name = spec.substring(0, eq);
            // -1 keeps trailing empty parts, so '1x3x8x8x' is refused rather than read as 1x3x8x8.
            String[] parts = spec.substring(eq + 1).split("[x,]", -1);
            int[] dims = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    dims[i] = parts[i].matches("[0-9]+") ? Integer.parseInt(parts[i]) : -1;
                } catch (NumberFormatException e) {
                    dims[i] = -1;
                }
                if (dims[i] <= 0) {
                    throw new UserException("--input-shape '" + spec + "': dimension '" + parts[i]
                            + "' is not a positive integer");
                }
            }
            if (shapes.put(name, dims) != null) {
                throw new UserException("--input-shape given twice for input '" + name + "'");
            }
        }
        return shapes;
    }
}
