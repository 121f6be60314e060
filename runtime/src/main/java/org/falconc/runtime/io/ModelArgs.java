package org.falconc.runtime.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The command line of a generated model jar's Main:
 * {@code --input [NAME=]FILE.pb ... [--output-dir DIR] [--threads N]}. An input without a name
 * binds by position to the model's graph inputs (as the ONNX test data's input_N.pb do); a
 * TensorProto's own name is not used for binding. {@code --input=...} forms are accepted too.
 */
public final class ModelArgs {
    /** One --input: the graph input name (null: positional) and the file. */
    public record Input(String name, Path file) {
    }

    /** The most threads a model may be asked to use: more is a typo, not a machine. */
    public static final int MAX_THREADS = 1024;

    private final List<Input> inputs;
    private final Path outputDir;
    private final int threads;
    private final boolean help;

    private ModelArgs(List<Input> inputs, Path outputDir, int threads, boolean help) {
        this.inputs = Collections.unmodifiableList(inputs);
        this.outputDir = outputDir;
        this.threads = threads;
        this.help = help;
    }

    public static final String USAGE = "usage: java -jar Model.jar --input [NAME=]FILE.pb ... [--output-dir DIR] [--threads N]";

    /** The hint after a usage error: errors are one line, the usage is one option away. */
    public static final String SEE_HELP = "see java -jar Model.jar --help";

    /** Parses the arguments; throws IllegalArgumentException with a message fit for the user. */
    public static ModelArgs parse(String[] args) {
        List<Input> inputs = new ArrayList<>();
        Path outputDir = Path.of(".");
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
        return new ModelArgs(inputs, outputDir, threads, help);
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
