package org.falconc.runtime.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <Class>.layers.tsv} resource of a generated model: one {@link LayerInfo} per line,
 * tab-separated in record order (tabs and newlines in fields are replaced by spaces).
 */
public final class LayerTable {

    /** Resource suffix next to the model class. */
    public static final String SUFFIX = ".layers.tsv";

    private LayerTable() {
    }

    public static String format(List<LayerInfo> layers) {
        StringBuilder sb = new StringBuilder();
        for (LayerInfo l : layers) {
            sb.append(l.index()).append('\t').append(clean(l.name())).append('\t').append(clean(l.op())).append('\t')
                    .append(clean(l.inputs())).append('\t').append(clean(l.output())).append('\t').append(l.denseMacs())
                    .append('\t').append(clean(l.detail())).append('\t').append(clean(l.value())).append('\n');
        }
        return sb.toString();
    }

    public static List<LayerInfo> parse(String text) {
        List<LayerInfo> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 8) {
                throw new IllegalArgumentException("malformed layer table line: " + line);
            }
            out.add(new LayerInfo(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4], Long.parseLong(f[5]), f[6], f[7]));
        }
        return out;
    }

    /** The table of a generated model class, or an empty list when the resource is absent. */
    public static List<LayerInfo> load(Class<?> modelClass) {
        try (InputStream in = modelClass.getResourceAsStream(modelClass.getSimpleName() + SUFFIX)) {
            if (in == null) {
                return List.of();
            }
            StringBuilder sb = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    sb.append(line).append('\n');
                }
            }
            return parse(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the layer table of " + modelClass.getName(), e);
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
