package org.falconc.runtime.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The command line of a generated model jar's Main, one of:
 * <ul>
 * <li>{@code --input [NAME=]FILE.pb ... [--output-dir DIR] [--threads N]}: an input without a name binds
 * by position to the model's graph inputs (as the ONNX test data's input_N.pb do); a TensorProto's own
 * name is not used for binding. Writes {@code DIR/output_N.pb}.</li>
 * <li>{@code --image PHOTO [--output-dir DIR | --output FILE.png] [--threads N]}: a photo, preprocessed
 * for the model's one image input; prints the top classes of a classifier, writes an image output as
 * {@code DIR/output_N.png} (or FILE.png) and any other output as {@code DIR/output_N.pb}.</li>
 * </ul>
 * {@code --option=value} forms are accepted too.
 */
public final class ModelArgs {
    /** One --input: the graph input name (null: positional) and the file. */
    public record Input(String name, Path file) {
    }

    /** The most threads a model may be asked to use: more is a typo, not a machine. */
    public static final int MAX_THREADS = 1024;

    private final List<Input> inputs;
    private final Path outputDir;
    private final Path image;
    private final Path output;
    private final int threads;
    private final boolean help;

    private ModelArgs(List<Input> inputs, Path outputDir, Path image, Path output, int threads, boolean help) {
        this.inputs = Collections.unmodifiableList(inputs);
        this.outputDir = outputDir;
        this.image = image;
        this.output = output;
        this.threads = threads;
        this.help = help;
    }

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java --add-modules jdk.incubator.vector -jar Model.jar --input [NAME=]FILE.pb ... [--output-dir DIR] [--threads N]",
            "       java --add-modules jdk.incubator.vector -jar Model.jar --image PHOTO [--output-dir DIR | --output FILE.png] [--threads N]",
            "",
            "  --input [NAME=]FILE.pb  an ONNX TensorProto of the input's declared element type; without NAME=,",
            "                          inputs bind in order. Writes DIR/output_N.pb, N = graph output index.",
            "  --image PHOTO           a PNG, JPEG, BMP or GIF for a model with one image input [1, 1|3, H, W],",
            "                          preprocessed as recorded by falconc compile --preprocess NAME (else the",
            "                          preset for the input shape, named on stderr). A classifier's top 5 classes",
            "                          are printed (with the labels of --labels, softmax applied unless the scores",
            "                          are already probabilities); an image output [1, 1|3, H, W] is written as",
            "                          DIR/output_N.png (pixel = round(clamp(v / white, 0, 1) * 255), white 1 or",
            "                          255 by the preset's scale); other outputs as DIR/output_N.pb.",
            "  --output-dir DIR        where outputs go (default: the current directory); all or none are written",
            "  --output FILE.png       with --image: the PNG of a model whose one output is an image",
            "  --threads N             threads to run on, 1 to " + MAX_THREADS + " (default: the machine's cores)",
            "Exit code 0 on success, 2 on a usage or input error (one line on stderr), 1 on a failure.");

    /** The hint after a usage error: errors are one line, the usage is one option away. */
    public static final String SEE_HELP = "see java -jar Model.jar --help";

    /** Parses the arguments; throws IllegalArgumentException with a message fit for the user. */
    public static ModelArgs parse(String[] args) {
        List<Input> inputs = new ArrayList<>();
        Path outputDir = null;
        Path image = null;
        Path output = null;
        int threads = 0;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                option = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (option) {
                case "--input", "-i" -> {
                    String v = value != null ? value : valueOf(args, ++i, option);
                    int sep = v.indexOf('=');
                    inputs.add(sep > 0 ? new Input(v.substring(0, sep), Path.of(v.substring(sep + 1)))
                            : new Input(null, Path.of(v)));
                }
                case "--help", "-h" -> help = true;
                case "--image" -> {
                    String v = value != null ? value : valueOf(args, ++i, option);
                    if (v.isEmpty() || image != null) {
                        throw new IllegalArgumentException(v.isEmpty() ? "--image must not be empty"
                                : "--image given twice; the jar runs one photo at a time");
                    }
                    image = Path.of(v);
                }
                case "--output" -> {
                    String v = value != null ? value : valueOf(args, ++i, option);
                    if (!v.toLowerCase(java.util.Locale.ROOT).endsWith(".png") || v.length() == 4) {
                        throw new IllegalArgumentException("--output takes a FILE.png (other outputs go to --output-dir DIR)");
                    }
                    output = Path.of(v);
                }
                case "--output-dir", "-o" -> {
                    String v = value != null ? value : valueOf(args, ++i, option);
                    if (v.isEmpty()) {
                        throw new IllegalArgumentException(option + " must not be empty");
                    }
                    outputDir = Path.of(v);
                }
                case "--threads" -> {
                    String v = value != null ? value : valueOf(args, ++i, option);
                    try {
                        threads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--threads needs a number, got '" + v + "'");
                    }
                    if (threads < 1 || threads > MAX_THREADS) {
                        throw new IllegalArgumentException("--threads must be 1 to " + MAX_THREADS + ", got " + threads);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (image != null && !inputs.isEmpty()) {
            throw new IllegalArgumentException("give --image or --input, not both");
        }
        if (output != null && image == null) {
            throw new IllegalArgumentException("--output FILE.png is for --image; with --input use --output-dir DIR");
        }
        if (output != null && outputDir != null) {
            throw new IllegalArgumentException("give --output FILE.png or --output-dir DIR, not both");
        }
        return new ModelArgs(inputs, outputDir == null ? Path.of(".") : outputDir, image, output, threads, help);
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    public List<Input> inputs() {
        return inputs;
    }

    public Path outputDir() {
        return outputDir;
    }

    /** --image: the photo to run on, or null. */
    public Path image() {
        return image;
    }

    /** --output: the PNG to write with --image, or null (outputs go to {@link #outputDir}). */
    public Path output() {
        return output;
    }

    /** Whether --help was given: print {@link #USAGE} and do nothing else. */
    public boolean help() {
        return help;
    }

    /** --threads, or 0 when not given (use the default). */
    public int threads() {
        return threads;
    }

    /**
     * The input files in graph-input order: named inputs go to their name's position, positional
     * ones fill the remaining positions in order. Throws when a name is unknown, given twice, or an
     * input is missing.
     */
    public Path[] filesFor(List<String> graphInputs) {
        Path[] files = new Path[graphInputs.size()];
        List<Path> positional = new ArrayList<>();
        for (Input in : inputs) {
            if (in.name() == null) {
                positional.add(in.file());
                continue;
            }
            int at = graphInputs.indexOf(in.name());
            if (at < 0) {
                throw new IllegalArgumentException("model has no input '" + in.name() + "'; inputs are " + graphInputs);
            }
            if (files[at] != null) {
                throw new IllegalArgumentException("input '" + in.name() + "' given twice");
            }
            files[at] = in.file();
        }
        int next = 0;
        for (int i = 0; i < files.length && next < positional.size(); i++) {
            if (files[i] == null) {
                files[i] = positional.get(next++);
            }
        }
        if (next < positional.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs given, the model takes " + graphInputs.size()
                    + ": " + graphInputs);
        }
        for (int i = 0; i < files.length; i++) {
            if (files[i] == null) {
                throw new IllegalArgumentException("no --input for model input '" + graphInputs.get(i) + "'");
            }
        }
        return files;
    }

    /** Reads the inputs in graph-input order ({@link #filesFor}). */
    public PbTensor[] readInputs(List<String> graphInputs) throws IOException {
        Path[] files = filesFor(graphInputs);
        PbTensor[] tensors = new PbTensor[files.length];
        for (int i = 0; i < files.length; i++) {
            if (!java.nio.file.Files.isRegularFile(files[i])) {
                throw new IOException("input file not found (or not a regular file): " + files[i]);
            }
            tensors[i] = TensorProtoCodec.read(files[i]);
        }
        return tensors;
    }

    /**
     * Writes the graph outputs as {@code outputDir/output_<index>.pb} (the ONNX test-data naming), each
     * named after its output, all together or none ({@link AtomicOutputs}); returns the files.
     */
    public List<Path> writeOutputs(List<PbTensor> tensors) throws IOException {
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < tensors.size(); i++) {
            files.put("output_" + i + ".pb", TensorProtoCodec.write(tensors.get(i)));
        }
        return AtomicOutputs.write(outputDir, files);
    }
}
