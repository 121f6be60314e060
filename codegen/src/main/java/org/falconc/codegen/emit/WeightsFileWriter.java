package org.falconc.codegen.emit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.falconc.codegen.program.WeightTensor;
import org.falconc.ir.Tensor;
import org.falconc.runtime.model.WeightsFile;

/** Writes a program's weights in the format {@link WeightsFile} reads. */
public final class WeightsFileWriter {
    private WeightsFileWriter() {
    }

    public static byte[] write(List<WeightTensor> weights) {
        long size = WeightsFile.HEADER_BYTES + (long) weights.size() * WeightsFile.ENTRY_BYTES;
        long[] offsets = new long[weights.size()];
        for (int i = 0; i < weights.size(); i++) {
            size = align8(size);
            offsets[i] = size;
            Tensor t = weights.get(i).data();
            size += (long) t.numElements() * t.dtype().byteSize();
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the weights take " + size + " bytes, more than one resource can hold (2 GB)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(WeightsFile.MAGIC).putInt(weights.size());
        for (int i = 0; i < weights.size(); i++) {
            Tensor t = weights.get(i).data();
            buf.putInt(typeCode(t)).putInt(t.numElements()).putLong(offsets[i]);
        }
        for (int i = 0; i < weights.size(); i++) {
            buf.position((int) offsets[i]);
            // Tensor.toBytes is little-endian, as the format is (bools one byte each).
            buf.put(weights.get(i).data().toBytes());
        }
        return buf.array();
    }

    private static int typeCode(Tensor t) {
        return switch (t.dtype()) {
            case F32 -> WeightsFile.F32;
            case I64 -> WeightsFile.I64;
            case I32 -> WeightsFile.I32;
            case BOOL -> WeightsFile.BOOL;
        };
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }
}
