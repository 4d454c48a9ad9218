package org.umapanim.store;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.io.api.Binary;
import org.umapanim.common.FileProblem;

/**
 * Labels as Parquet values: one shared Binary per distinct label, so the writer's dictionary sees
 * few objects; and the classes' display order, which both our files record in the footer under
 * {@link EpochsSchema#KEY_CLASSES} as a JSON array of the class names (what {@code json.loads} and
 * DuckDB's {@code from_json} read), because no part of a Parquet file states an order of its own:
 * the dictionary lists values as the writer first met them, and each row group has its own.
 */
final class LabelDictionary {
    private LabelDictionary() {}

    static Binary[] of(String[] labels) {
        Map<String, Binary> distinct = new HashMap<>();
        Binary[] out = new Binary[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label == null) {
                throw new IllegalArgumentException("label of row " + i + " is null");
            }
            out[i] = distinct.computeIfAbsent(label, l -> Binary.fromConstantByteArray(l.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The footer value for {@code classes}, in display order; names as they are (no HTML escapes). */
    static String orderValue(List<String> classes) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(classes);
    }

    /**
     * The classes of the footer value {@code value}, in display order; empty when the file records
     * none (written before the order was recorded, or by another tool).
     */
    static List<String> order(Path file, String value) {
        List<String> classes = new ArrayList<>();
        if (value == null) {
            return classes;
        }
        try {
            JsonElement json = JsonParser.parseString(value);
            if (json.isJsonArray()) {
                for (JsonElement name : json.getAsJsonArray()) {
                    if (!name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
                        throw new JsonParseException("not a string: " + name);
                    }
                    classes.add(name.getAsString());
                }
                return classes;
            }
        } catch (JsonParseException e) {
            // reported below, as any other value that is not a list of names
        }
        throw new FileProblem(file, "footer key " + EpochsSchema.KEY_CLASSES
                + " is not a JSON list of class names: " + abbreviated(value));
    }

    private static String abbreviated(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
