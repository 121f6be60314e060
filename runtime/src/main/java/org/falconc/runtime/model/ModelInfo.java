package org.falconc.runtime.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.falconc.runtime.io.BoundedFiles;
import org.falconc.runtime.io.DataType;
import org.falconc.runtime.io.ImagePreset;

/**
 * What falconc records about a model besides its code and weights: the ONNX element type of each
 * graph input and output as the model declares it, how a photo becomes its input, and the names of its
 * classes. {@code falconc compile} writes it (codegen), the jar's {@link ModelMain} and
 * {@link CompiledModel#info()} read it; this class is the one definition of the format.
 *
 * <p>Two resources next to the model class (in the jar, or beside the class files and source):
 * <ul>
 * <li>{@code <Class>.info.properties}, UTF-8 {@code key=value} lines ({@link Properties} syntax; {@code #}
 * starts a comment):
 * <pre>
 * format=1
 * input-types=float16              ONNX element type names of the graph inputs, in order, comma-separated
 * output-types=float16             the same for the outputs
 * preprocess=caffe2                optional: the {@link ImagePreset} for --image
 * labels=1000                      optional: the number of lines of &lt;Class&gt;.labels.txt
 * </pre>
 * Type names are {@link DataType#name}'s ({@code float}, {@code float16}, {@code double}, {@code int64},
 * {@code uint8}, {@code bool}, ...). The compiled class holds float16 and double values as f32 and
 * narrower integers as i32 or i64 ({@link ElementType#holds}); the jar reads and writes {@code .pb} files
 * in the declared types, as ONNX Runtime and {@code falconc run} do. A declared type that the runtime
 * cannot write (bfloat16) is recorded as the compiled type's own ({@code float}).</li>
 * <li>{@code <Class>.labels.txt}: the class labels, one per line (UTF-8, lines end in \n), line i naming class i; present
 * only with a {@code labels} count.</li>
 * </ul>
 * A class without the resources (compiled before they existed, or loaded by hand) gets
 * {@link #defaults}: its compiled types, no preprocessing, no labels.
 *
 * @param inputTypes  ONNX data type of each graph input, in order
 * @param outputTypes ONNX data type of each graph output, in order
 * @param preprocess  the {@link ImagePreset#text()} name for photos, or null
 * @param labels      class labels (empty: none)
 */
public record ModelInfo(List<Integer> inputTypes, List<Integer> outputTypes, String preprocess, List<String> labels) {
    /** Resource suffix of the properties, next to the model class. */
    public static final String SUFFIX = ".info.properties";
    /** Resource suffix of the labels, next to the model class. */
    public static final String LABELS_SUFFIX = ".labels.txt";
    /** The format version written, the only one read. */
    public static final String FORMAT = "1";
    /** The largest labels file read ({@link #readLabels}): 16 MiB, far above ImageNet-21k's names. */
    public static final long MAX_LABELS_BYTES = 16L << 20;

    public ModelInfo {
        inputTypes = List.copyOf(inputTypes);
        outputTypes = List.copyOf(outputTypes);
        labels = labels == null ? List.of() : List.copyOf(labels);
        for (int t : inputTypes) {
            requireSupported(t);
        }
        for (int t : outputTypes) {
            requireSupported(t);
        }
        if (preprocess != null) {
            preprocess = ImagePreset.parse(preprocess).text();
        }
        for (String l : labels) {
            if (l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a label must be one line: '" + l + "'");
            }
        }
    }

    /** What a class without recorded info gets: the ONNX types of its compiled types, nothing else. */
    public static ModelInfo defaults(CompiledModel model) {
        List<Integer> in = new ArrayList<>();
        for (String name : model.inputNames()) {
            in.add(ElementType.of(model.inputType(name)).onnxType());
        }
        List<Integer> out = new ArrayList<>();
        for (String name : model.outputNames()) {
            out.add(ElementType.of(model.outputType(name)).onnxType());
        }
        return new ModelInfo(in, out, null, List.of());
    }

    /** The preset of {@link #preprocess}, or null when none is recorded. */
    public ImagePreset preset() {
        return preprocess == null ? null : ImagePreset.parse(preprocess);
    }

    public ModelInfo withPreprocess(String name) {
        return new ModelInfo(inputTypes, outputTypes, name, labels);
    }

    public ModelInfo withLabels(List<String> names) {
        return new ModelInfo(inputTypes, outputTypes, preprocess, names);
    }

    /** The {@code <Class>.info.properties} text. */
    public String properties() {
        StringBuilder sb = new StringBuilder();
        sb.append("# falconc model info (org.falconc.runtime.model.ModelInfo)\n");
        sb.append("format=").append(FORMAT).append('\n');
        sb.append("input-types=").append(typeNames(inputTypes)).append('\n');
        sb.append("output-types=").append(typeNames(outputTypes)).append('\n');
        if (preprocess != null) {
            sb.append("preprocess=").append(preprocess).append('\n');
        }
        if (!labels.isEmpty()) {
            sb.append("labels=").append(labels.size()).append('\n');
        }
        return sb.toString();
    }

    /** The {@code <Class>.labels.txt} text: one label per line. */
    public String labelsText() {
        StringBuilder sb = new StringBuilder();
        for (String l : labels) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** The resources to write next to class {@code simpleName}: resource name to content. */
    public Map<String, byte[]> resources(String simpleName) {
        Map<String, byte[]> r = new LinkedHashMap<>();
        r.put(simpleName + SUFFIX, properties().getBytes(StandardCharsets.UTF_8));
        if (!labels.isEmpty()) {
            r.put(simpleName + LABELS_SUFFIX, labelsText().getBytes(StandardCharsets.UTF_8));
        }
        return r;
    }

    /**
     * Parses the resources' texts ({@code labelsText} null when absent); IllegalArgumentException saying
     * what is wrong.
     */
    public static ModelInfo parse(String propertiesText, String labelsText) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(propertiesText));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed model info: " + e.getMessage());
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("model info format '" + p.getProperty("format") + "' is not " + FORMAT
                    + " (written by another falconc version?)");
        }
        List<Integer> in = types(p, "input-types");
        List<Integer> out = types(p, "output-types");
        String count = p.getProperty("labels");
        List<String> labels = List.of();
        if (count != null) {
            int n;
            try {
                n = Integer.parseInt(count.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model info: labels=" + count + " is not a number");
            }
            if (labelsText == null) {
                throw new IllegalArgumentException("model info names " + n + " labels, the labels resource is missing");
            }
            labels = lines(labelsText);
            if (labels.size() != n) {
                throw new IllegalArgumentException("model info names " + n + " labels, the labels resource has "
                        + labels.size());
            }
        }
        String preprocess = p.getProperty("preprocess");
        return new ModelInfo(in, out, preprocess == null ? null : preprocess.trim(), labels);
    }

    /**
     * The info recorded next to {@code modelClass}, or null when it has none. UncheckedIOException when
     * the resources cannot be read or are malformed (a damaged jar).
     */
    public static ModelInfo load(Class<?> modelClass) {
        String base = modelClass.getSimpleName();
        try {
            String props = resource(modelClass, base + SUFFIX);
            if (props == null) {
                return null;
            }
            return parse(props, resource(modelClass, base + LABELS_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model info of " + modelClass.getName() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException("damaged model info of " + modelClass.getName() + ": " + e.getMessage(),
                    new IOException(e));
        }
    }

    /**
     * Reads a labels file: UTF-8, one label per line, line i naming class i; lines end in \n, \r\n or
     * \r; a byte-order mark and trailing empty lines are dropped. IOException when the file is missing, larger than
     * {@link #MAX_LABELS_BYTES}, not UTF-8 text, or holds no label.
     */
    public static List<String> readLabels(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("labels file not found (or not a regular file): " + file);
        }
        byte[] bytes = BoundedFiles.readAll(file, MAX_LABELS_BYTES, "a labels file");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text (a labels file has one class name per line)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IOException(file + " is not a text file (a labels file has one class name per line)");
        }
        List<String> labels = lines(text);
        if (labels.isEmpty()) {
            throw new IOException(file + " holds no labels (one class name per line)");
        }
        return labels;
    }

    private static List<String> lines(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> out = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String resource(Class<?> c, String name) throws IOException {
        try (InputStream in = c.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Integer> types(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("model info has no " + key);
        }
        List<Integer> out = new ArrayList<>();
        if (v.isBlank()) {
            return out;
        }
        for (String name : v.split(",")) {
            out.add(DataType.parse(name.trim()));
        }
        return out;
    }

    private static String typeNames(List<Integer> types) {
        List<String> names = new ArrayList<>();
        for (int t : types) {
            names.add(DataType.name(t));
        }
        return String.join(",", names);
    }

    private static void requireSupported(int type) {
        if (!DataType.isSupported(type)) {
            throw new IllegalArgumentException("element type " + DataType.name(type) + " cannot be read or written");
        }
    }
}
