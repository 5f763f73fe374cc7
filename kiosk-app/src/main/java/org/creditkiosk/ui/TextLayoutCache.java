package org.creditkiosk.ui;

import java.lang.reflect.Field;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JavaFX keeps the layout of every short text it has drawn in a static cache ({@code PrismTextLayout.stringCache},
 * the characters included) until the cache reaches its size limit: a citizen's name and masked number stay in the
 * heap visits after they left the screen (found by the soak's heap scan, docs/benchmarks.md). JavaFX offers no API to
 * clear it; {@link #forget()} empties it by reflection when a visit ends. On the module path this needs
 * {@code --add-opens javafx.graphics/com.sun.javafx.text=ALL-UNNAMED} (the image's jvm.options); without it the
 * kiosk logs one warning and goes on.
 */
final class TextLayoutCache {

    private static final Logger log = LoggerFactory.getLogger(TextLayoutCache.class);
    private static volatile boolean warned;

    private TextLayoutCache() {
    }

    /** Call on the FX thread (the cache's only user), when no citizen's data is on screen any more. */
    static void forget() {
        try {
            Class<?> layout = Class.forName("com.sun.javafx.text.PrismTextLayout");
            Field cache = layout.getDeclaredField("stringCache");
            Field size = layout.getDeclaredField("cacheSize");
            Field lock = layout.getDeclaredField("CACHE_SIZE_LOCK");
            cache.setAccessible(true);
            size.setAccessible(true);
            lock.setAccessible(true);
            synchronized (lock.get(null)) {
                ((Map<?, ?>) cache.get(null)).clear();
                size.setInt(null, 0);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warned) {
                warned = true;
                log.warn("cannot clear JavaFX's text layout cache ({}): texts of past visits may stay in memory until "
                        + "it fills; start the JVM with --add-opens javafx.graphics/com.sun.javafx.text=ALL-UNNAMED", e.toString());
            }
        }
    }
}
