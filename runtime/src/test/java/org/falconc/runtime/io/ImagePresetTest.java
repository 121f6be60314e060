package org.falconc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos in (tensor) and images out (image): the pixel mapping of the model jar's --image. */
class ImagePresetTest {
    @TempDir
    Path dir;

    @Test
    void whiteIsOneForPresetsThatDivideBy255And255ForTheOthers() {
        for (ImagePreset p : ImagePreset.values()) {
            float expected = switch (p) {
                case CAFFE2, MNIST, ULTRAFACE -> 255f;
                default -> 1f;
            };
            assertEquals(expected, p.white(), p.text());
        }
    }

    @Test
    void outputValuesMapToPixelsByThePresetsScale() {
        assertEquals(0, ImagePreset.GREY.pixel(-0.5f));
        assertEquals(0, ImagePreset.GREY.pixel(Float.NaN));
        assertEquals(128, ImagePreset.GREY.pixel(0.5f));
        assertEquals(255, ImagePreset.GREY.pixel(1f));
        assertEquals(255, ImagePreset.GREY.pixel(7f));
        assertEquals(100, ImagePreset.MNIST.pixel(100f));
        assertEquals(255, ImagePreset.MNIST.pixel(300f));
        assertEquals(1, ImagePreset.MNIST.pixel(0.6f));
        for (int v = 0; v <= 255; v++) {
            assertEquals(v, ImagePreset.CAFFE2.pixel(v), "0..255 presets keep whole pixel values");
            assertEquals(v, ImagePreset.RGB.pixel(v / 255f), "0..1 presets map v / 255 back to v");
        }
    }

    @Test
    void imagesAreGreyRgbOrBgr() {
        // [1, 3, 1x2]: pixel 0 is (0.2, 0.4, 1.0), pixel 1 is (1, 0, 0) in channel order
        float[] chw = {0.2f, 1f, 0.4f, 0f, 1f, 0f};
        int[] shape = {1, 3, 2, 2};
        float[] data = new float[12];
        for (int c = 0; c < 3; c++) {
            data[c * 4] = chw[c * 2];
            data[c * 4 + 1] = chw[c * 2 + 1];
        }
        BufferedImage rgb = ImagePreset.RGB.image(data, shape);
        assertEquals(0xff3366ff, rgb.getRGB(0, 0));
        assertEquals(0xffff0000, rgb.getRGB(1, 0));
        float[] scaled = data.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 255;
        }
        BufferedImage bgr = ImagePreset.CAFFE2.image(scaled, shape);
        assertEquals(0xffff6633, bgr.getRGB(0, 0), "caffe2's channels are B, G, R");
        assertEquals(0xff0000ff, bgr.getRGB(1, 0));
        BufferedImage grey = ImagePreset.LUMA.image(new float[] {0f, 0.5f, 1f, 2f}, new int[] {1, 1, 2, 2});
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, grey.getType());
        assertEquals(128, grey.getRaster().getSample(1, 0, 0));
        assertEquals(255, grey.getRaster().getSample(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ImagePreset.GREY.image(new float[8], new int[] {1, 2, 2, 2}));
        assertTrue(ImagePreset.isImage(new int[] {1, 3, 2, 2}));
        assertFalse(ImagePreset.isImage(new int[] {1, 3, 1, 1}));
        assertFalse(ImagePreset.isImage(new int[] {2, 1, 8, 8}));
    }

    @Test
    void pngsRoundTripAndBadFilesAreOneLineIoErrors() throws IOException {
        BufferedImage img = ImagePreset.GREY.image(new float[] {0f, 0.25f, 0.5f, 1f}, new int[] {1, 1, 2, 2});
        Path png = dir.resolve("a.png");
        Files.write(png, ImageFiles.png(img));
        BufferedImage back = ImageFiles.read(png);
        assertEquals(2, back.getWidth());
        assertEquals(64, back.getRaster().getSample(1, 0, 0));

        assertTrue(assertThrows(IOException.class, () -> ImageFiles.read(dir.resolve("none.png"))).getMessage()
                .contains("not found"));
        Path text = dir.resolve("text.png");
        Files.writeString(text, "not a picture");
        assertTrue(assertThrows(IOException.class, () -> ImageFiles.read(text)).getMessage().contains("not an image"));
        Path truncated = dir.resolve("truncated.png");
        byte[] bytes = Files.readAllBytes(png);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> ImageFiles.read(truncated));
        assertTrue(e.getMessage().contains(truncated.toString()) && !e.getMessage().contains("\n"), e.getMessage());
    }
}
