package org.falconc.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.runtime.io.ImagePreset;

/** Real photos as the input tensors the shared models expect, via the runtime's {@link ImagePreset}s. */
final class ImageTensors {
    private ImageTensors() {
    }

    static Tensor tensor(Path file, ImagePreset preset, int... shape) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException("not an image: " + file);
        }
        return Tensor.ofFloats(Shape.of(shape), preset.tensor(img, shape));
    }

    /** SqueezeNet 1.0 (Caffe2): 224x224, BGR, 0..255 minus the per-channel mean. */
    static Tensor squeezenet(Path file) throws IOException {
        return tensor(file, ImagePreset.CAFFE2, 1, 3, 224, 224);
    }

    /** ResNet-20 CIFAR-10: 32x32 RGB / 255, normalised. */
    static Tensor cifar(Path file) throws IOException {
        return tensor(file, ImagePreset.CIFAR, 1, 3, 32, 32);
    }

    /** UltraFace RFB-320: 320x240 RGB, (x - 127) / 128. */
    static Tensor ultraface(Path file) throws IOException {
        return tensor(file, ImagePreset.ULTRAFACE, 1, 3, 240, 320);
    }

    /** Super-resolution: the Y (luma) channel of a 224x224 image, 0..1. */
    static Tensor luma(Path file) throws IOException {
        return tensor(file, ImagePreset.LUMA, 1, 1, 224, 224);
    }

    /** torchvision ImageNet models: 224x224 RGB / 255 with ImageNet mean and std. */
    static Tensor imagenet(Path file) throws IOException {
        return tensor(file, ImagePreset.IMAGENET, 1, 3, 224, 224);
    }
}
