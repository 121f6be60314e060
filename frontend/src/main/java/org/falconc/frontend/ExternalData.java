package org.falconc.frontend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.falconc.frontend.onnx.StringStringEntryProto;
import org.falconc.frontend.onnx.TensorProto;

/**
 * Reads tensor data stored outside the model (data_location = EXTERNAL). Locations are relative to
 * the model's folder and must stay inside it: an absolute path, or one that leaves the folder through
 * {@code ..} or a symbolic link, is refused, so a model cannot make falconc read arbitrary files.
 */
final class ExternalData {
    private final Path baseDir;

    /** @param baseDir the model's folder, or null when the model came without one (then nothing can be read) */
    ExternalData(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The bytes of the tensor's external data; {@code what} names the tensor in errors. */
    byte[] read(TensorProto tensor, String what) {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : tensor.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = parseNumber(e.getValue(), "offset", what);
                case "length" -> length = parseNumber(e.getValue(), "length", what);
                default -> {
                    // checksum and future keys do not affect the data
                }
            }
        }
        if (location == null || location.isEmpty()) {
            throw new FrontendException(what + ": external data has no 'location'");
        }
        Path file = resolve(location, what);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (length < 0) {
                length = size - offset;
            }
            if (offset > size || length < 0 || offset + length > size) {
                throw new FrontendException(what + ": external data (offset " + offset + ", length " + length
                        + ") lies past the end of '" + location + "' (" + size + " bytes)");
            }
            if (length > Integer.MAX_VALUE - 8) {
                throw new FrontendException(what + ": external data of " + length + " bytes is too large");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) length);
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw new FrontendException(what + ": external file '" + location + "' ended early");
                }
            }
            return buf.array();
        } catch (IOException e) {
            throw new FrontendException(what + ": cannot read external data '" + location + "': " + e, e);
        }
    }

    private Path resolve(String location, String what) {
        if (baseDir == null) {
            throw new FrontendException(what + ": has external data '" + location
                    + "' but the model was given without a folder to resolve it in");
        }
        Path rel;
        try {
            rel = Path.of(location);
        } catch (InvalidPathException e) {
            throw new FrontendException(what + ": external data location '" + location + "' is not a valid path");
        }
        if (rel.isAbsolute() || location.startsWith("/") || location.startsWith("\\")) {
            throw new FrontendException(what + ": external data location '" + location
                    + "' is absolute; it must be relative to the model's folder");
        }
        Path base = baseDir.toAbsolutePath().normalize();
        Path file = base.resolve(rel).normalize();
        if (!file.startsWith(base)) {
            throw new FrontendException(what + ": external data location '" + location
                    + "' escapes the model's folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new FrontendException(what + ": external data file '" + location + "' not found next to the model");
        }
        try {
            // Symbolic links are followed only as far as they stay inside the (real) model folder.
            Path real = file.toRealPath();
            if (!real.startsWith(base.toRealPath())) {
                throw new FrontendException(what + ": external data location '" + location
                        + "' escapes the model's folder through a symbolic link");
            }
            return real;
        } catch (IOException e) {
            throw new FrontendException(what + ": cannot resolve external data '" + location + "': " + e, e);
        }
    }

    private static long parseNumber(String text, String key, String what) {
        try {
            long v = Long.parseLong(text.strip());
            if (v < 0) {
                throw new NumberFormatException("negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new FrontendException(what + ": external data '" + key + "' is not a non-negative integer: '"
                    + text + "'");
        }
    }
}
