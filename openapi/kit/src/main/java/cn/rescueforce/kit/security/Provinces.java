package cn.rescueforce.kit.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The provincial-level divisions (GB/T 2260) of reference/provinces.csv, including 660000 for the XPCC. */
public final class Provinces {

    private static final Set<String> CODES = load();

    private Provinces() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    private static Set<String> load() {
        Set<String> codes = new HashSet<>();
        try (InputStream in = Provinces.class.getResourceAsStream("/provinces.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(line -> line.split(",")).filter(cols -> cols.length >= 3)
                    .forEach(cols -> codes.add(cols[0].trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(codes);
    }
}
