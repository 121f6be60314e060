package org.falconc.samples.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.falconc.runtime.model.Scores;
import org.falconc.runtime.io.ImagePreset;

/**
 * Runs the model over one partition of {@code (path, content)} rows (Spark's {@code binaryFile} source):
 * the model is created once, when the partition's first row arrives, on the executor, from the class
 * loader of the task (which holds the jars shipped with {@code --jars} or added to the session); the
 * rows stream through it one by one.
 *
 * <p>Each output row has the image's path, then, as {@link #schema} says, the {@code top} classes and their
 * scores, the raw output vector, and an error: null when the image was read, the reason (and null results)
 * when ImageIO could not decode it.
 */
final class InferPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final String modelClass;
    private final ImagePreset preset;
    private final int top;
    private final boolean raw;
    private final Counters counters;

    /** What the tasks did, summed over the job's successful tasks. */
    record Counters(LongAccumulator rows, LongAccumulator unreadable, LongAccumulator modelLoads) implements java.io.Serializable {
        static Counters register(org.apache.spark.SparkContext sc) {
            return new Counters(sc.longAccumulator("falconc rows"), sc.longAccumulator("falconc unreadable images"),
                    sc.longAccumulator("falconc model loads"));
        }
    }

    /** @param preset the preprocessing, or null to choose it from the model's input shape */
    InferPartition(String modelClass, ImagePreset preset, int top, boolean raw, Counters counters) {
        this.modelClass = modelClass;
        this.preset = preset;
        this.top = top;
        this.raw = raw;
        this.counters = counters;
    }

    /** The columns written: path, [classes, scores], [output], error. */
    static StructType schema(int top, boolean raw) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("path", DataTypes.StringType, false));
        if (top > 0) {
            fields.add(DataTypes.createStructField("classes", DataTypes.createArrayType(DataTypes.IntegerType, false), true));
            fields.add(DataTypes.createStructField("scores", DataTypes.createArrayType(DataTypes.FloatType, false), true));
        }
        if (raw) {
            fields.add(DataTypes.createStructField("output", DataTypes.createArrayType(DataTypes.FloatType, false), true));
        }
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return Collections.emptyIterator();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ImageModel model = ImageModel.load(modelClass, loader != null ? loader : InferPartition.class.getClassLoader(), preset);
        counters.modelLoads().add(1);
        // Decoding from memory: no ImageIO cache file per image in the executor's temporary directory.
        ImageIO.setUseCache(false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row in = rows.next();
                return infer(model, in.getString(0), (byte[]) in.get(1));
            }
        };
    }

    private Row infer(ImageModel model, String path, byte[] content) {
        float[] output;
        String error = null;
        try {
            output = model.run(content);
            if (output == null) {
                error = "not an image ImageIO can read";
            }
        } catch (IOException e) {
            output = null;
            error = "cannot decode the image: " + e.getMessage();
        }
        counters.rows().add(1);
        if (error != null) {
            counters.unreadable().add(1);
        }
        List<Object> values = new ArrayList<>();
        values.add(path);
        if (top > 0) {
            if (output == null) {
                values.add(null);
                values.add(null);
            } else {
                int[] classes = Scores.top(output, top);
                float[] scores = new float[classes.length];
                for (int i = 0; i < classes.length; i++) {
                    scores[i] = output[classes[i]];
                }
                values.add(classes);
                values.add(scores);
            }
        }
        if (raw) {
            values.add(output);
        }
        values.add(error);
        return RowFactory.create(values.toArray());
    }
}
