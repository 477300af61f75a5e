package cn.rescueforce.kit.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provincial-level divisions (GB/T 2260) of reference/provinces.csv, including 660000 for the XPCC. */
public final class Provinces {

    private static final Map<String, String> NAMES = load();

    private Provinces() {
    }

    public static boolean isKnown(String code) {
        return code != null && NAMES.containsKey(code);
    }

    /** Chinese name by code. */
    public static Map<String, String> all() {
        return NAMES;
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = Provinces.class.getResourceAsStream("/provinces.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(line -> line.split(",")).filter(cols -> cols.length >= 3)
                    .forEach(cols -> names.put(cols[0].trim(), cols[2].trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(names);
    }
}
