package org.falconc.samples;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Image files to and from the NCHW float arrays that model classes take. */
final class Images {
    private Images() {
    }

    /** Reads an image and scales it to {@code width} x {@code height} (bilinear). */
    static BufferedImage read(Path file, int width, int height) throws IOException {
        BufferedImage src = ImageIO.read(file.toFile());
        if (src == null) {
            throw new IOException("not an image ImageIO can read: " + file);
        }
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return dst;
    }

    /**
     * [1,3,H,W] floats: channel c holds {@code (pixel * scale - mean[c]) / std[c]} with channels in
     * {@code order} ("RGB" or "BGR").
     */
    static float[] toNchw(BufferedImage img, String order, float scale, float[] mean, float[] std) {
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
        return data;
    }

    /** Writes a [H,W] map of values in 0..1 as a grey PNG. */
    static void writeGrey(float[] values, int height, int width, Path file) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = Math.round(Math.max(0f, Math.min(1f, values[y * width + x])) * 255);
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
