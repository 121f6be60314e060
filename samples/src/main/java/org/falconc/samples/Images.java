package org.falconc.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Model outputs as image files (inputs are made by the runtime's ImagePreset). */
final class Images {
    private Images() {
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
