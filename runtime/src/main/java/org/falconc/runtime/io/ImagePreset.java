package org.falconc.runtime.io;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a photo becomes a model input [1, C, H, W] (NCHW): resize to H x W (bilinear), then per channel
 * {@code (pixel * scale - mean[c]) / std[c]}, where a 1-channel input takes the luma (BT.601) of the
 * pixel. One preset per kind of model of the table (see ../shared/models/MODELS.md); {@link #forShape}
 * picks one from the input shape, {@code --preprocess NAME} overrides it.
 *
 * <p>The way back, for a model whose output is an image ({@link #image}): a value {@code v} is read in the
 * preset's pixel scale, where {@link #white()} ({@code 255 * scale}: 1 for the presets that divide by 255,
 * 255 for caffe2, mnist and ultraface) is a full-intensity pixel, so the pixel is
 * {@code round(clamp(v / white, 0, 1) * 255)}; the mean and std are not undone (image-to-image models such
 * as super-resolution and edge detectors output plain intensities). A 1-channel output is a grey image, a
 * 3-channel one RGB, or BGR for a BGR preset (caffe2).
 */
public enum ImagePreset {
    /** torchvision ImageNet models (ResNet, VGG, MobileNet): RGB / 255, ImageNet mean and std. */
    IMAGENET("imagenet", 3, 224, 224, false, 1f / 255, new float[] {0.485f, 0.456f, 0.406f},
            new float[] {0.229f, 0.224f, 0.225f}),
    /** Caffe2 exports such as SqueezeNet 1.0: BGR 0..255 minus the per-channel mean. */
    CAFFE2("caffe2", 3, 224, 224, true, 1f, new float[] {104, 117, 123}, new float[] {1, 1, 1}),
    /** MNIST: grey 0..255, no normalisation. */
    MNIST("mnist", 1, 28, 28, false, 1f, new float[] {0}, new float[] {1}),
    /** CIFAR-10 (ResNet-20): RGB / 255, CIFAR mean and std. */
    CIFAR("cifar", 3, 32, 32, false, 1f / 255, new float[] {0.4914f, 0.4822f, 0.4465f},
            new float[] {0.2023f, 0.1994f, 0.2010f}),
    /** UltraFace RFB-320: 320x240 RGB, (x - 127) / 128. */
    ULTRAFACE("ultraface", 3, 240, 320, false, 1f, new float[] {127, 127, 127}, new float[] {128, 128, 128}),
    /** Super-resolution: the Y channel of a 224x224 image, 0..1. */
    LUMA("luma", 1, 224, 224, false, 1f / 255, new float[] {0}, new float[] {1}),
    /** Any other 3-channel size: RGB / 255. */
    RGB("rgb", 3, 0, 0, false, 1f / 255, new float[] {0, 0, 0}, new float[] {1, 1, 1}),
    /** Any other 1-channel size: luma / 255. */
    GREY("grey", 1, 0, 0, false, 1f / 255, new float[] {0}, new float[] {1});

    private final String text;
    private final int channels;
    private final int height;
    private final int width;
    private final boolean bgr;
    private final float scale;
    private final float[] mean;
    private final float[] std;

    ImagePreset(String text, int channels, int height, int width, boolean bgr, float scale, float[] mean, float[] std) {
        this.text = text;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.bgr = bgr;
        this.scale = scale;
        this.mean = mean;
        this.std = std;
    }

    /** The name {@code --preprocess} takes. */
    public String text() {
        return text;
    }

    public static ImagePreset parse(String name) {
        for (ImagePreset p : values()) {
            if (p.text.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preprocessing '" + name + "'; known: " + names());
    }

    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (ImagePreset p : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.text);
        }
        return sb.toString();
    }

    /** The preset for an input of {@code shape}, or null when it is not an image [1, 1|3, H, W]. */
    public static ImagePreset forShape(int[] shape) {
        if (shape.length != 4 || shape[0] != 1 || shape[1] != 1 && shape[1] != 3) {
            return null;
        }
        for (ImagePreset p : values()) {
            if (p.channels == shape[1] && p.height == shape[2] && p.width == shape[3]) {
                return p;
            }
        }
        return shape[1] == 3 ? RGB : GREY;
    }

    /** The inputs this preset makes: {@code [1, 3, H, W]} or {@code [1, 1, H, W]}. */
    public String channelsText() {
        return "[1, " + channels + ", H, W]";
    }

    /** Whether this preset can fill an input of {@code shape}. */
    public boolean fits(int[] shape) {
        return shape.length == 4 && shape[0] == 1 && shape[1] == channels;
    }

    /** The input tensor for {@code image}, resized to the input's H x W. */
    public float[] tensor(BufferedImage image, int[] shape) {
        if (!fits(shape)) {
            throw new IllegalArgumentException("preprocessing '" + text + "' makes " + channelsText() + ", the input is "
                    + Arrays.toString(shape));
        }
        int h = shape[2];
        int w = shape[3];
        BufferedImage img = resized(image, w, h);
        float[] data = new float[channels * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (channels == 1) {
                    float luma = 0.299f * r + 0.587f * g + 0.114f * b;
                    data[y * w + x] = (luma * scale - mean[0]) / std[0];
                    continue;
                }
                int[] px = bgr ? new int[] {b, g, r} : new int[] {r, g, b};
                for (int c = 0; c < 3; c++) {
                    data[(c * h + y) * w + x] = (px[c] * scale - mean[c]) / std[c];
                }
            }
        }
        return data;
    }

    /**
     * The value of a full-intensity (255) pixel in this preset's scale: 1 for the presets that divide by
     * 255, 255 for those that take 0..255 pixels.
     */
    public float white() {
        return (float) (255.0 * scale);
    }

    /** Whether {@code shape} is [1, 1|3, H, W] with H and W at least 2: an output {@link #image} can show. */
    public static boolean isImage(int[] shape) {
        return shape.length == 4 && shape[0] == 1 && (shape[1] == 1 || shape[1] == 3) && shape[2] >= 2 && shape[3] >= 2;
    }

    /** The pixel (0..255) of an output value: {@code round(clamp(v / white(), 0, 1) * 255)}, NaN as 0. */
    public int pixel(float v) {
        float unit = v / white();
        if (!(unit > 0f)) {
            return 0;
        }
        return Math.round(Math.min(unit, 1f) * 255f);
    }

    /**
     * A model output [1, 1|3, H, W] as an image (see the class comment): grey for one channel, RGB for
     * three (the channels in BGR order for a BGR preset).
     */
    public BufferedImage image(float[] data, int[] shape) {
        if (!isImage(shape)) {
            throw new IllegalArgumentException("an image output is [1, 1|3, H, W], not " + Arrays.toString(shape));
        }
        int c = shape[1];
        int h = shape[2];
        int w = shape[3];
        if (data.length != c * h * w) {
            throw new IllegalArgumentException(data.length + " values for an image of shape " + Arrays.toString(shape));
        }
        BufferedImage img = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (c == 1) {
                    img.getRaster().setSample(x, y, 0, pixel(data[y * w + x]));
                    continue;
                }
                int first = pixel(data[y * w + x]);
                int second = pixel(data[(h + y) * w + x]);
                int third = pixel(data[(2 * h + y) * w + x]);
                int r = bgr ? third : first;
                int b = bgr ? first : third;
                img.setRGB(x, y, (r << 16) | (second << 8) | b);
            }
        }
        return img;
    }

    /** {@code src} resized to width x height, bilinear: how every preset resizes a photo (the report shows it so). */
    public static BufferedImage resized(BufferedImage src, int width, int height) {
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return dst;
    }
}
