package org.falconc.samples;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.falconc.runtime.io.ImagePreset;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelMain;
import org.falconc.runtime.model.Scores;

/**
 * Classifies an image with an ImageNet model compiled by falconc (e.g. SqueezeNet 1.0):
 * <pre>
 *   ./falconc ../shared/models/squeezenet1.0.onnx -o /tmp/sq.jar
 *   ImageClassifierApp --model /tmp/sq.jar --image chelsea.png --labels imagenet_synset.txt
 * </pre>
 * Preprocessing follows the Caffe2 SqueezeNet: 224x224, BGR, 0..255 minus the channel means.
 */
public final class ImageClassifierApp {
    private ImageClassifierApp() {
    }

    public static void main(String[] args) throws Exception {
        Path model = null;
        Path image = null;
        Path labels = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[i + 1]);
                case "--image" -> image = Path.of(args[i + 1]);
                case "--labels" -> labels = Path.of(args[i + 1]);
                default -> usage();
            }
        }
        if (model == null || image == null) {
            usage();
        }
        CompiledModel m = load(model);
        String input = m.inputNames().get(0);
        int[] shape = m.inputShape(input);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(image.toFile());
        if (img == null) {
            throw new IOException("not an image ImageIO can read: " + image);
        }
        float[] x = ImagePreset.CAFFE2.tensor(img, shape);
        float[] probs = m.run(x);
        List<String> names = labels == null ? List.of() : Files.readAllLines(labels);
        int[] top5 = Scores.top(probs, 5);
        for (int c : top5) {
            System.out.printf("%6.2f%%  %4d  %s%n", 100 * probs[c], c, c < names.size() ? names.get(c) : "");
        }
    }

    /** Loads the model class named in a falconc jar's manifest. */
    static CompiledModel load(Path jar) throws IOException, ReflectiveOperationException {
        String className;
        try (JarFile jf = new JarFile(jar.toFile())) {
            className = jf.getManifest().getMainAttributes().getValue(ModelMain.MODEL_CLASS_ATTRIBUTE);
        }
        if (className == null) {
            throw new IOException(jar + " is not a model jar written by falconc");
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ImageClassifierApp.class.getClassLoader());
        return (CompiledModel) loader.loadClass(className).getConstructor().newInstance();
    }

    private static void usage() {
        System.err.println("usage: ImageClassifierApp --model MODEL.jar --image IMAGE [--labels imagenet_synset.txt]");
        System.exit(2);
    }
}
