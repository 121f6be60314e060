package org.falconc.samples.spark;

import java.util.HashSet;
import java.util.Set;
import org.falconc.runtime.io.ImagePreset;

/**
 * The command line of {@link SparkBatchInference}. {@link #parse} throws {@link IllegalArgumentException}
 * with a one-line message for anything it refuses.
 *
 * @param modelJar   {@code --model}: a model jar written by falconc (a file the driver can read)
 * @param modelClass {@code --model-class}: the generated class, already on the class path (spark-submit --jars)
 * @param images     {@code --images}: a directory (read recursively) or a glob of image files
 * @param output     {@code --output}: the Parquet directory to write
 * @param preprocess {@code --preprocess}: the {@link ImagePreset} to use, or null to pick one from the input shape
 * @param top        {@code --top}: how many classes (indices and scores) to keep per image; 0 for none
 * @param raw        {@code --raw}: also write the whole output vector
 * @param overwrite  {@code --overwrite}: replace {@code output} if it exists
 * @param help       {@code --help}: print the usage and do nothing else
 */
record BatchOptions(String modelJar, String modelClass, String images, String output, ImagePreset preprocess,
                    int top, boolean raw, boolean overwrite, boolean help) {

    static final String USAGE = "usage: SparkBatchInference (--model MODEL.jar | --model-class CLASS) --images DIR_OR_GLOB"
            + " --output OUT.parquet [--preprocess NAME] [--top K] [--raw] [--overwrite]";
    static final String HELP = USAGE + """

              --model MODEL.jar     a model jar written by falconc: the driver reads the class from its
                                    manifest and ships the jar to the executors
              --model-class CLASS   the model class, already on the class path (spark-submit --jars)
              --images DIR_OR_GLOB  the photos (.jpg .jpeg .png .bmp .gif; a directory is read recursively)
              --output OUT.parquet  one row per photo: path, classes, scores, [output], error
              --preprocess NAME     how a photo becomes the input (default: the preset that fits the input
                                    shape); one of\s""" + ImagePreset.names() + """

              --top K               the K best classes and their scores (default 5; 0: none)
              --raw                 also write the whole output vector
              --overwrite           replace OUT.parquet if it exists""";
    static final String SEE_HELP = "see SparkBatchInference --help";
    static final int DEFAULT_TOP = 5;

    static BatchOptions parse(String... args) {
        String modelJar = null;
        String modelClass = null;
        String images = null;
        String output = null;
        String preprocess = null;
        String top = null;
        boolean raw = false;
        boolean overwrite = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--") && !option.equals("-h")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
            if (!seen.add(option)) {
                throw new IllegalArgumentException("option " + option + " given twice");
            }
            switch (option) {
                case "--help", "-h" -> {
                    return new BatchOptions(null, null, null, null, null, DEFAULT_TOP, false, false, true);
                }
                case "--raw" -> raw = true;
                case "--overwrite" -> overwrite = true;
                case "--model", "--model-class", "--images", "--output", "--preprocess", "--top" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--") || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("option " + option + " needs a value");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--model" -> modelJar = value;
                        case "--model-class" -> modelClass = value;
                        case "--images" -> images = value;
                        case "--output" -> output = value;
                        case "--preprocess" -> preprocess = value;
                        default -> top = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (modelJar == null && modelClass == null) {
            throw new IllegalArgumentException("missing --model MODEL.jar (or --model-class CLASS)");
        }
        if (modelJar != null && modelClass != null) {
            throw new IllegalArgumentException("give --model or --model-class, not both");
        }
        if (images == null) {
            throw new IllegalArgumentException("missing --images DIR_OR_GLOB");
        }
        if (output == null) {
            throw new IllegalArgumentException("missing --output OUT.parquet");
        }
        int k = top == null ? DEFAULT_TOP : parseTop(top);
        if (k == 0 && !raw) {
            throw new IllegalArgumentException("--top 0 without --raw writes no result");
        }
        ImagePreset preset = preprocess == null ? null : ImagePreset.parse(preprocess);
        return new BatchOptions(modelJar, modelClass, images, output, preset, k, raw, overwrite, false);
    }

    private static int parseTop(String text) {
        int k;
        try {
            k = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--top must be an integer >= 0, got '" + text + "'");
        }
        if (k < 0) {
            throw new IllegalArgumentException("--top must be an integer >= 0, got " + k);
        }
        return k;
    }
}
