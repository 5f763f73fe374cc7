package org.creditkiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets keys in the technician's local configuration file (the {@code kiosk.properties} under /etc/credit-kiosk),
 * keeping every other line, comment and blank line as it was. The file is replaced atomically (temp file, fsync,
 * rename, with the old file's permissions and owner), so a power cut leaves the old file or the new one.
 */
public final class TechnicianFile {

    private TechnicianFile() {
    }

    /**
     * Sets each key to its value: the first line assigning the key is replaced (later ones are removed so the file
     * says it once), a key not yet in the file is appended. Every key must be one the kiosk knows.
     */
    public static void set(Path file, Map<String, String> values) throws IOException {
        Map<String, ConfigKey<?>> known = ConfigKeys.byName();
        for (Map.Entry<String, String> e : values.entrySet()) {
            ConfigKey<?> key = known.get(e.getKey());
            if (key == null) {
                throw new IllegalArgumentException("unknown configuration key " + e.getKey());
            }
            key.parse(e.getValue());   // a value the kiosk would refuse is refused here
        }
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        Map<String, String> left = new LinkedHashMap<>(values);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String key = keyOf(line);
            if (key != null && values.containsKey(key)) {
                if (left.containsKey(key)) {
                    out.add(key + "=" + escape(left.remove(key)));
                }
                continue;
            }
            out.add(line);
        }
        if (!left.isEmpty()) {
            out.add("# set by kiosk device probe --write");
            left.forEach((k, v) -> out.add(k + "=" + escape(v)));
        }
        AtomicFiles.write(file, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    /** The key a properties line assigns, or null for a comment, a blank or a continuation-free junk line. */
    static String keyOf(String line) {
        String s = line.stripLeading();
        if (s.isEmpty() || s.startsWith("#") || s.startsWith("!")) {
            return null;
        }
        int end = 0;
        while (end < s.length() && "=: \t".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return end == 0 ? null : s.substring(0, end);
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\");
    }
}
