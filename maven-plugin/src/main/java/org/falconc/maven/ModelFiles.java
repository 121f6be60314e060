package org.falconc.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Selects the model files of the source directory with Ant-style patterns, as Maven's includes and
 * excludes read everywhere: {@code **} matches any number of folders (none included), {@code *} any
 * characters within one name, {@code ?} one character; patterns are relative to the source directory and
 * use {@code /}. A pattern ending in {@code /} stands for everything below that folder.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /** The regular files below {@code root} that an include matches and no exclude does, relative and sorted. */
    static List<Path> select(Path root, List<String> includes, List<String> excludes) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = Naming.display(root.relativize(f));
                if (matchesAny(includes, rel) && !matchesAny(excludes, rel)) {
                    out.add(root.relativize(f));
                }
            }
        }
        return out;
    }

    static boolean matchesAny(List<String> patterns, String path) {
        for (String p : patterns) {
            if (matches(p, path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the Ant-style {@code pattern} matches {@code path} (both with {@code /}). */
    static boolean matches(String pattern, String path) {
        String p = pattern.strip().replace('\\', '/');
        if (p.endsWith("/")) {
            p = p + "**";
        }
        return match(split(p), 0, split(path), 0);
    }

    private static String[] split(String s) {
        return s.replaceAll("^/+", "").split("/+");
    }

    private static boolean match(String[] pat, int i, String[] path, int j) {
        if (i == pat.length) {
            return j == path.length;
        }
        if (pat[i].equals("**")) {
            for (int k = j; k <= path.length; k++) {
                if (match(pat, i + 1, path, k)) {
                    return true;
                }
            }
            return false;
        }
        return j < path.length && segment(pat[i], path[j]) && match(pat, i + 1, path, j + 1);
    }

    private static boolean segment(String pattern, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(re.toString(), name);
    }
}
