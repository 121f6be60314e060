package org.falconc.cli.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.model.CompiledModel;

/**
 * The input the heat maps were captured on (the first sample of {@code falconc profile}) and its
 * picture as the model saw it: the photo, when the sample is the first photo of {@code --images}
 * (checked: its preprocessing gives exactly the sample), resized to the input's width x height as
 * preprocessing resizes it; else an image-shaped input tensor [N, 1|3, H, W] (its first image),
 * min-max scaled to grey or RGB levels; else no picture.
 */
public final class ChosenInput {
    private final String description;
    private final BufferedImage picture;

    ChosenInput(String description, BufferedImage picture) {
        this.description = description;
        this.picture = picture;
    }

    /** What the input is, for the page ("photo dog.jpg from DIR, ..."). */
    public String description() {
        return description;
    }

    /** The picture at the input's width x height, or null when the input is not an image. */
    public BufferedImage picture() {
        return picture;
    }

    /**
     * The first sample of a profile run on {@code model}.
     *
     * @param images     the {@code --images} directory, or null
     * @param preprocess the {@code --preprocess} preset name, or null for the one the input shape implies
     */
    public static ChosenInput of(CompiledModel model, Map<String, ?> sample, Path images, String preprocess)
            throws IOException {
        String name = null;
        for (String n : model.inputNames()) {
            int[] shape = model.inputShape(n);
            if (sample.get(n) instanceof float[] && shape.length == 4 && (shape[1] == 1 || shape[1] == 3)) {
                name = n;
                break;
            }
        }
        if (name == null) {
            return new ChosenInput("the first input sample (" + String.join(", ", model.inputNames())
                    + "; not an image, so no picture)", null);
        }
        int[] shape = model.inputShape(name);
        float[] data = (float[]) sample.get(name);
        String tensor = "input '" + name + "' " + Arrays.toString(shape);
        if (images != null && Files.isDirectory(images)) {
            List<Path> files = files(images);
            List<Path> tensors = files.stream().filter(f -> f.toString().endsWith(".pb")).toList();
            if (!tensors.isEmpty()) {
                return new ChosenInput("tensor " + tensors.get(0).getFileName() + " from " + images + " (" + tensor
                        + ", min-max scaled for the picture)", tensorPicture(data, shape));
            }
            Photo photo = firstPhoto(files, shape, data, preprocess);
            if (photo != null) {
                return new ChosenInput("photo " + photo.file().getFileName() + " from " + images + " (" + tensor
                        + "; the picture is the photo resized to " + shape[3] + " x " + shape[2]
                        + " as preprocessing resizes it)", ImagePreset.resized(photo.image(), shape[3], shape[2]));
            }
        }
        return new ChosenInput("the first input sample (" + tensor + ", min-max scaled for the picture)",
                tensorPicture(data, shape));
    }

    private record Photo(Path file, BufferedImage image) {
    }

    /**
     * The first file ImageIO reads, in name order (as --images takes them), when its preprocessing
     * equals {@code data}; else null.
     */
    private static Photo firstPhoto(List<Path> files, int[] shape, float[] data, String preprocess)
            throws IOException {
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) {
                continue;
            }
            ImagePreset preset;
            try {
                preset = preprocess != null ? ImagePreset.parse(preprocess) : ImagePreset.forShape(shape);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (preset == null || !preset.fits(shape) || !Arrays.equals(preset.tensor(img, shape), data)) {
                return null;
            }
            return new Photo(f, img);
        }
        return null;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** {@code src} enlarged {@code scale} times by nearest neighbour (as the heat maps are). */
    static BufferedImage resizedNearest(BufferedImage src, int scale) {
        if (scale == 1) {
            return src;
        }
        BufferedImage dst = new BufferedImage(src.getWidth() * scale, src.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(src, 0, 0, dst.getWidth(), dst.getHeight(), null);
        g.dispose();
        return dst;
    }

    /** The first image of an NCHW tensor [N, 1|3, H, W] as grey or RGB, its values min-max scaled to 0..255. */
    static BufferedImage tensorPicture(float[] data, int[] shape) {
        int c = shape[1];
        int h = shape[2];
        int w = shape[3];
        int n = c * h * w;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (Float.isFinite(data[i])) {
                min = Math.min(min, data[i]);
                max = Math.max(max, data[i]);
            }
        }
        float range = max > min ? max - min : 1;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int ch = 0; ch < 3; ch++) {
                    float v = data[((c == 1 ? 0 : ch) * h + y) * w + x];
                    int level = Float.isFinite(v) ? Math.round(255 * Math.max(0, Math.min(1, (v - min) / range))) : 0;
                    rgb = rgb << 8 | level;
                }
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }
}
