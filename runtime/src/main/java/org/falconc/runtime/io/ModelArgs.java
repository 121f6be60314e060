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

    private final List<Input> inputs;
    private final Path outputDir;
    private final int threads;

    private ModelArgs(List<Input> inputs, Path outputDir, int threads) {
        this.inputs = Collections.unmodifiableList(inputs);
        this.outputDir = outputDir;
        this.threads = threads;
    }

    public static final String USAGE = "usage: java -jar Model.jar --input [NAME=]FILE.pb ... [--output-dir DIR] [--threads N]";

    /** Parses the arguments; throws IllegalArgumentException with a message fit for the user. */
    public static ModelArgs parse(String[] args) {
        List<Input> inputs = new ArrayList<>();
        Path outputDir = Path.of(".");
        int threads = 0;
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
                case "--output-dir", "-o" -> outputDir = Path.of(value != null ? value : valueOf(args, ++i, option));
                case "--threads" -> {
                    String v = value != null ? value : valueOf(args, ++i, option);
                    try {
                        threads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--threads needs a number, got '" + v + "'");
                    }
                    if (threads < 1) {
                        throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no --input given\n" + USAGE);
        }
        return new ModelArgs(inputs, outputDir, threads);
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    public List<Input> inputs() {
        return inputs;
    }

    public Path outputDir() {
        return outputDir;
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
            tensors[i] = TensorProtoCodec.read(files[i]);
        }
        return tensors;
    }

    /**
     * Writes one graph output as {@code outputDir/output_<index>.pb} (the ONNX test-data naming),
     * named after the output, creating the directory; returns the file.
     */
    public Path writeOutput(int index, PbTensor tensor) throws IOException {
        java.nio.file.Files.createDirectories(outputDir);
        Path file = outputDir.resolve("output_" + index + ".pb");
        TensorProtoCodec.write(tensor, file);
        return file;
    }
}
