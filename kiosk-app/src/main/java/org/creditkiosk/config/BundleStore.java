package org.creditkiosk.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;

/**
 * The accepted configuration bundle on disk (in the kiosk's data folder, never citizen data), written atomically:
 * temp file, fsync, rename (DESIGN.md §5), so a power cut leaves the old bundle or the new one, never half of one.
 * It is stored signed and checked again at every start.
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
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".config-bundle-", ".tmp");
        try {
            Files.write(tmp, Json.mapper().writeValueAsBytes(bundle));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
