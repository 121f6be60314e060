package org.falconc.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/** Turns real photos into the input tensors the shared models expect (see ../shared/models/MODELS.md). */
final class ImageTensors {
    private ImageTensors() {
    }

    static BufferedImage load(Path file, int width, int height) throws IOException {
        BufferedImage src = ImageIO.read(file.toFile());
        if (src == null) {
            throw new IOException("not an image: " + file);
        }
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return dst;
    }

    /**
     * NCHW float tensor: value = (pixel * scale - mean[c]) / std[c], channels in {@code order}
     * ("RGB" or "BGR").
     */
    static Tensor nchw(BufferedImage img, String order, float scale, float[] mean, float[] std) {
        int h = img.getHeight();
        int w = img.getWidth();
        float[] data = new float[3 * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                int[] px = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
                for (int c = 0; c < 3; c++) {
                    int src = order.equals("RGB") ? c : 2 - c;
                    data[(c * h + y) * w + x] = (px[src] * scale - mean[c]) / std[c];
                }
            }
        }
        return Tensor.ofFloats(Shape.of(1, 3, h, w), data);
    }

    /** SqueezeNet 1.0 (Caffe2): 224x224, BGR, 0..255 minus the per-channel mean. */
    static Tensor squeezenet(Path file) throws IOException {
        return nchw(load(file, 224, 224), "BGR", 1f, new float[] {104, 117, 123}, new float[] {1, 1, 1});
    }

    /** ResNet-20 CIFAR-10: 32x32 RGB / 255, normalised. */
    static Tensor cifar(Path file) throws IOException {
        return nchw(load(file, 32, 32), "RGB", 1f / 255,
                new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2023f, 0.1994f, 0.2010f});
    }

    /** UltraFace RFB-320: 320x240 RGB, (x - 127) / 128. */
    static Tensor ultraface(Path file) throws IOException {
        return nchw(load(file, 320, 240), "RGB", 1f, new float[] {127, 127, 127}, new float[] {128, 128, 128});
    }

    /** Super-resolution: the Y (luma) channel of a 224x224 image, 0..1. */
    static Tensor luma(Path file) throws IOException {
        BufferedImage img = load(file, 224, 224);
        float[] data = new float[224 * 224];
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                int rgb = img.getRGB(x, y);
                float r = (rgb >> 16) & 0xff;
                float g = (rgb >> 8) & 0xff;
                float b = rgb & 0xff;
                data[y * 224 + x] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
            }
        }
        return Tensor.ofFloats(Shape.of(1, 1, 224, 224), data);
    }
}
