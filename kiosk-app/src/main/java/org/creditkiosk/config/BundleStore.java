package org.creditkiosk.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;

/**
 * The accepted configuration bundle on disk (in the kiosk's data folder, never citizen data), written atomically:
 * temp file, fsync, rename, fsync of the folder (DESIGN.md §5), so a power cut leaves the old bundle or the new one,
 * never half of one. It is stored signed and checked again at every start, against the {@link VersionFloor} kept
 * beside it.
 */
public final class BundleStore {

    public static final String FILE = "config-bundle.json";

    private final Path file;

    public BundleStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public Optional<ConfigBundle> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.mapper().readValue(file.toFile(), ConfigBundle.class));
    }

    public void write(ConfigBundle bundle) throws IOException {
        AtomicFiles.write(file, Json.mapper().writeValueAsBytes(bundle));
    }
}
