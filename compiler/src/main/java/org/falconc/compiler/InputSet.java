package org.falconc.compiler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.falconc.runtime.io.ImagePreset;

/**
 * The inputs both engines run on: one or more samples (round r uses sample r mod count), each a value
 * per model input.
 *
 * @param samples     each sample's inputs by name, in the model's input order
 * @param description where they came from, for the report
 */
public record InputSet(List<Map<String, float[]>> samples, String description) {
    /** At most this many images are read from a directory (each round cycles through them). */
    static final int MAX_IMAGES = 16;
    private static final long SEED = 42;

    public InputSet {
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no input samples");
        }
    }

    public Map<String, float[]> sample(int round) {
        return samples.get(round % samples.size());
    }

    /**
     * Real images when {@code images} is given (the model must have one image input), else one
     * deterministic random sample (uniform in [0, 1)).
     *
     * @param inputs the model's inputs by name, in order, with their shapes
     * @param preset the preprocessing, or null to choose it from the input shape
     */
    public static InputSet create(Map<String, int[]> inputs, Path images, ImagePreset preset) throws IOException {
        if (images == null) {
            return random(inputs);
        }
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("--images needs a model with one input; this one has " + inputs.keySet());
        }
        var input = inputs.entrySet().iterator().next();
        int[] shape = input.getValue();
        ImagePreset chosen = preset != null ? preset : ImagePreset.forShape(shape);
        if (chosen == null || !chosen.fits(shape)) {
            throw new IllegalArgumentException("input '" + input.getKey() + "' " + java.util.Arrays.toString(shape)
                    + " is not an image [1, 1|3, H, W] that --preprocess " + (chosen == null ? "" : chosen.text()
                    + " ") + "can fill");
        }
        List<Map<String, float[]>> samples = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path file : imageFiles(images)) {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                continue; // not an image format ImageIO reads
            }
            samples.add(Map.of(input.getKey(), chosen.tensor(img, shape)));
            names.add(file.getFileName().toString());
            if (samples.size() == MAX_IMAGES) {
                break;
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no readable images (png, jpg, bmp, gif) in " + images);
        }
        return new InputSet(samples, samples.size() + " images from " + images + " (preprocessing " + chosen.text()
                + "): " + String.join(", ", names));
    }

    static InputSet random(Map<String, int[]> inputs) {
        Random rnd = new Random(SEED);
        Map<String, float[]> sample = new LinkedHashMap<>();
        for (var e : inputs.entrySet()) {
            int n = 1;
            for (int d : e.getValue()) {
                n *= d;
            }
            float[] data = new float[n];
            for (int i = 0; i < n; i++) {
                data[i] = rnd.nextFloat();
            }
            sample.put(e.getKey(), data);
        }
        return new InputSet(List.of(sample), "random data, uniform in [0, 1), seed " + SEED);
    }

    private static List<Path> imageFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--images: not a directory: " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
