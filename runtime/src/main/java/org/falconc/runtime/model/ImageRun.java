package org.falconc.runtime.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.falconc.runtime.io.AtomicOutputs;
import org.falconc.runtime.io.ImageFiles;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.io.ModelArgs;
import org.falconc.runtime.io.TensorProtoCodec;

/**
 * The model jar's {@code --image PHOTO}: the photo becomes the model's one image input through the
 * recorded {@link ImagePreset} ({@code falconc compile --preprocess NAME}), or the preset
 * {@link ImagePreset#forShape} picks for the input shape (said on stderr). Each output is then shown by
 * its shape:
 * <ul>
 * <li>class scores ({@link Scores#classCount}): the top {@value #TOP} classes on stdout, after softmax
 * unless they already are probabilities ({@link Scores}), named by the recorded labels;</li>
 * <li>an image [1, 1|3, H, W] ({@link ImagePreset#isImage}): {@code DIR/output_N.png} (or
 * {@code --output FILE.png}), pixels mapped by {@link ImagePreset#image};</li>
 * <li>anything else: {@code DIR/output_N.pb} in its declared element type, as with {@code --input}.</li>
 * </ul>
 */
final class ImageRun {
    /** How many classes are printed. */
    static final int TOP = 5;

    private ImageRun() {
    }

    static void run(CompiledModel model, ModelInfo info, ModelArgs args, PrintStream out, PrintStream err)
            throws IOException {
        List<String> inputs = model.inputNames();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("--image needs a model with one image input; this one has inputs "
                    + inputs + " (use --input NAME=FILE.pb)");
        }
        String input = inputs.get(0);
        int[] shape = model.inputShape(input);
        String describedInput = "'" + input + "' " + model.inputType(input) + Scores.shape(shape);
        if (!model.inputType(input).equals("f32") || ImagePreset.forShape(shape) == null) {
            throw new IllegalArgumentException("--image needs an image input [1, 1|3, H, W] of floats; input "
                    + describedInput + " is not one (use --input FILE.pb)");
        }
        ImagePreset preset = info.preset();
        if (preset == null) {
            preset = ImagePreset.forShape(shape);
            err.println("note: no preprocessing recorded in the jar; --image uses '" + preset.text() + "' for input "
                    + describedInput + " (compile with --preprocess NAME to choose)");
        } else if (!preset.fits(shape)) {
            throw new IllegalArgumentException("the recorded preprocessing '" + preset.text() + "' does not fit input "
                    + describedInput);
        }
        Path outputPng = args.output();
        List<String> outputs = model.outputNames();
        if (outputPng != null && (outputs.size() != 1 || !isImageOutput(model, outputs.get(0)))) {
            throw new IllegalArgumentException("--output FILE.png needs a model whose one output is an image "
                    + "[1, 1|3, H, W]; use --output-dir DIR");
        }
        BufferedImage photo = ImageFiles.read(args.image());
        float[] x = DeclaredTypes.roundTo(preset.tensor(photo, shape), info.inputTypes().get(0));
        Map<String, Object> results = model.runArrays(Map.of(input, x));

        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> fileLines = new ArrayList<>();
        List<String> scoreLines = new ArrayList<>();
        for (int j = 0; j < outputs.size(); j++) {
            String name = outputs.get(j);
            int[] outShape = model.outputShape(name);
            Object data = results.get(name);
            if (isImageOutput(model, name)) {
                String file = outputPng != null ? outputPng.getFileName().toString() : "output_" + j + ".png";
                files.put(file, ImageFiles.png(preset.image((float[]) data, outShape)));
                fileLines.add(name + " " + outShape[3] + "x" + outShape[2] + " " + (outShape[1] == 1 ? "grey" : "colour")
                        + " PNG");
            } else if (data instanceof float[] scores && Scores.classCount(outShape) > 0) {
                scoreLines.addAll(top(name, scores, info.labels()));
            } else {
                files.put("output_" + j + ".pb", TensorProtoCodec.write(
                        DeclaredTypes.output(name, outShape, data, info.outputTypes().get(j))));
                fileLines.add(ModelMain.describeOutput(model, info, j));
            }
        }
        Path dir = outputPng != null ? parentOf(outputPng) : args.outputDir();
        List<Path> written = files.isEmpty() ? List.of() : AtomicOutputs.write(dir, files);
        for (String line : scoreLines) {
            out.println(line);
        }
        for (int k = 0; k < written.size(); k++) {
            out.println((outputPng != null ? outputPng : written.get(k)) + "  " + fileLines.get(k));
        }
    }

    private static boolean isImageOutput(CompiledModel model, String name) {
        return model.outputType(name).equals("f32") && ImagePreset.isImage(model.outputShape(name));
    }

    /**
     * The lines of a classifier output: a header, then one line per class, highest first:
     * {@code 0.5321  285  n02124075 Egyptian cat} (score to 4 decimals, class index, label when the labels
     * name exactly as many classes as the output has).
     */
    static List<String> top(String name, float[] scores, List<String> labels) {
        boolean probabilities = Scores.isProbabilities(scores);
        float[] p = probabilities ? scores : Scores.softmax(scores);
        int[] best = Scores.top(p, TOP);
        boolean named = labels.size() == p.length;
        List<String> lines = new ArrayList<>();
        lines.add(name + ": top " + best.length + " of " + p.length + " classes"
                + (probabilities ? "" : " (softmax applied: the scores were not probabilities)")
                + (named || labels.isEmpty() ? "" : " (the " + labels.size() + " labels do not fit)"));
        int width = String.valueOf(p.length - 1).length();
        for (int c : best) {
            lines.add(String.format(Locale.ROOT, "%.4f  %" + width + "d  %s", p[c], c, named ? labels.get(c) : "").stripTrailing());
        }
        return lines;
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
