package org.umapanim.store;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.io.api.Binary;

/** Labels as Parquet values: one shared Binary per distinct label, so the writer's dictionary sees few objects. */
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
}
