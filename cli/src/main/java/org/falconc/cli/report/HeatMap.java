package org.falconc.cli.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.falconc.runtime.io.ImageFiles;
import org.falconc.runtime.profile.ZeroMap;

/**
 * A convolution's input zero pattern as a PNG: each pixel of the {@link ZeroMap} coloured by its
 * share of zero channels ({@link ColourScale}) and enlarged by nearest neighbour to a whole
 * {@link #scale} so small maps (13 x 13) are as visible as large ones; the picture keeps the map's
 * aspect exactly (width x scale by height x scale).
 */
final class HeatMap {
    /** The size, in pixels, the longer side of a map is enlarged towards. */
    static final int TARGET = 224;

    private HeatMap() {
    }

    /** The whole enlargement of an {@code h x w} map: TARGET / longer side, at least 1 (larger maps stay as they are). */
    static int scale(int h, int w) {
        return Math.max(1, TARGET / Math.max(h, w));
    }

    /** The map as an RGB picture of {@code width x scale} by {@code height x scale} pixels. */
    static BufferedImage image(ZeroMap map) {
        int s = scale(map.height(), map.width());
        BufferedImage img = new BufferedImage(map.width() * s, map.height() * s, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[map.width() * s];
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                int rgb = ColourScale.rgb(map.share(y, x));
                java.util.Arrays.fill(row, x * s, (x + 1) * s, rgb);
            }
            for (int dy = 0; dy < s; dy++) {
                img.setRGB(0, y * s + dy, row.length, 1, row, 0, row.length);
            }
        }
        return img;
    }

    /** Writes {@link #image} as a PNG to {@code file}; returns the picture (for its size). */
    static BufferedImage write(ZeroMap map, Path file) throws IOException {
        BufferedImage img = image(map);
        Files.write(file, ImageFiles.png(img));
        return img;
    }
}
