package org.falconc.compiler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.falconc.frontend.TensorFiles;
import org.falconc.ir.Graph;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.runtime.io.ImagePreset;

/**
 * The samples of a calibration directory, as inputs of a graph: every photo (png, jpg, bmp, gif)
 * preprocessed for the graph's single image input, and every {@code .pb} tensor (named after an input,
 * or unnamed for a single-input graph). Files are read in name order, at most {@link #MAX_SAMPLES}.
 */
final class CalibrationInputs {
    static final int MAX_SAMPLES = 256;

    private CalibrationInputs() {
    }

    static List<Map<String, Tensor>> read(Path dir, Graph graph, String preprocess) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserException("--calibrate: not a directory: " + dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<Map<String, Tensor>> samples = new ArrayList<>();
        for (Path f : files) {
            if (samples.size() == MAX_SAMPLES) {
                break;
            }
            String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".pb")) {
                samples.add(tensorSample(f, graph));
            } else if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp")
                    || name.endsWith(".gif")) {
                BufferedImage img = ImageIO.read(f.toFile());
                if (img != null) {
                    samples.add(imageSample(img, graph, preprocess, f));
                }
            }
        }
        if (samples.isEmpty()) {
            throw new UserException("--calibrate: no photos or .pb tensors in " + dir);
        }
        return samples;
    }

    private static Map<String, Tensor> tensorSample(Path f, Graph graph) throws IOException {
        var read = TensorFiles.read(f);
        Tensor t = read.tensor();
        Value in = null;
        for (Value v : graph.inputs()) {
            if (v.name().equals(read.name())) {
                in = v;
            }
        }
        if (in == null) {
            if (graph.inputs().size() != 1) {
                throw new UserException("--calibrate: " + f + " names '" + read.name() + "', not one of the inputs "
                        + graph.inputs().stream().map(Value::name).toList());
            }
            in = graph.inputs().get(0);
        }
        if (!t.type().equals(in.type())) {
            throw new UserException("--calibrate: " + f + " is " + t.type() + ", input '" + in.name() + "' is " + in.type());
        }
        Map<String, Tensor> sample = new LinkedHashMap<>();
        sample.put(in.name(), t);
        return sample;
    }

    private static Map<String, Tensor> imageSample(BufferedImage img, Graph graph, String preprocess, Path f) {
        if (graph.inputs().size() != 1) {
            throw new UserException("--calibrate: photos need a model with one input; this one has "
                    + graph.inputs().stream().map(Value::name).toList() + " (use .pb tensors)");
        }
        Value in = graph.inputs().get(0);
        int[] shape = in.type().shape().dims();
        ImagePreset preset;
        try {
            preset = preprocess != null ? ImagePreset.parse(preprocess) : ImagePreset.forShape(shape);
        } catch (IllegalArgumentException e) {
            throw new UserException("--preprocess: " + e.getMessage());
        }
        if (preset == null || !preset.fits(shape)) {
            throw new UserException("--calibrate: input '" + in.name() + "' " + in.type() + " is not an image input that "
                    + (preset == null ? "a preset" : "--preprocess " + preset.text()) + " can fill (" + f + ")");
        }
        Map<String, Tensor> sample = new LinkedHashMap<>();
        sample.put(in.name(), Tensor.ofFloats(Shape.of(shape), preset.tensor(img, shape)));
        return sample;
    }
}
