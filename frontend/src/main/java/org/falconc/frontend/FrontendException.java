package org.falconc.frontend;

import org.falconc.ir.IrException;

/**
 * Something wrong with a model or tensor file that the user gave: not ONNX, malformed, unsupported.
 * The message is one line naming the node, op, value or field at fault.
 */
public class FrontendException extends IrException {
    public FrontendException(String message) {
        super(oneLine(message));
    }

    public FrontendException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    // Messages embed texts from protobuf and the file system, which may span lines.
    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
