package org.falconc.runtime.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Photos in and PNGs out for a model jar's {@code --image}: reading is bounded (file size and pixel
 * count are checked before decoding) and every failure is an IOException with a one-line message.
 */
public final class ImageFiles {
    /** The largest image file read. */
    public static final long MAX_IMAGE_FILE_BYTES = 256L << 20;
    /** The most pixels decoded: 2^26 (8192 x 8192), a 256 MiB RGB raster. */
    public static final long MAX_PIXELS = 1L << 26;

    private ImageFiles() {
    }

    /** Decodes a PNG, JPEG, BMP, GIF or WBMP file (what the JDK's ImageIO reads). */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("image file not found (or not a regular file): " + file);
        }
        byte[] bytes = BoundedFiles.readAll(file, MAX_IMAGE_FILE_BYTES, "an image file");
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image (PNG, JPEG, BMP, GIF or WBMP): " + file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException(file + " is " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels, more than the " + MAX_PIXELS + " read");
                }
                BufferedImage img = reader.read(0);
                if (img == null || img.getWidth() < 1 || img.getHeight() < 1) {
                    throw new IOException("not a readable image: " + file);
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains(file.toString())) {
                throw e;
            }
            throw new IOException("cannot decode image " + file + ": " + oneLine(e), e);
        } catch (RuntimeException e) {
            // Decoders throw unchecked exceptions on some corrupt inputs (a truncated JPEG, a bad palette).
            throw new IOException("cannot decode image " + file + ": " + oneLine(e), e);
        }
    }

    /** The image as PNG bytes. */
    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this JDK");
        }
        return out.toByteArray();
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
