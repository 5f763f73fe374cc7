package org.creditkiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The highest accepted bundle version: its own file, written atomically, never lower. */
class VersionFloorTest {

    @Test
    void startsAtZeroRisesAndNeverGoesDown(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        VersionFloor floor = new VersionFloor(data);
        assertThat(floor.read()).isZero();
        floor.raise(7);
        assertThat(floor.read()).isEqualTo(7);
        assertThat(Files.readString(data.resolve(VersionFloor.FILE))).isEqualTo("7\n");
        floor.raise(7);
        assertThatThrownBy(() -> floor.raise(6)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v7");
        assertThat(new VersionFloor(data).read()).isEqualTo(7);
        floor.raise(12);
        assertThat(new VersionFloor(data).read()).isEqualTo(12);
        assertThat(leftovers(data)).as("no temp files left").isEmpty();
    }

    @Test
    void aFloorFileThatIsNotANumberIsAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(VersionFloor.FILE), "-3\n");
        assertThatThrownBy(() -> new VersionFloor(dir).read()).isInstanceOf(IOException.class).hasMessageContaining("-3");
        Files.writeString(dir.resolve(VersionFloor.FILE), "");
        assertThatThrownBy(() -> new VersionFloor(dir).read()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new VersionFloor(dir).raise(9)).as("cannot tell it would not go down").isInstanceOf(IOException.class);
    }

    @Test
    void theBundleIsReplacedAtomicallyWithNoTempFilesLeft(@TempDir Path dir) throws Exception {
        BundleStore store = new BundleStore(dir.resolve("data"));
        var key = TestBundles.ed25519();
        store.write(TestBundles.bundle(key, "a", TestBundles.config(1, "", "")));
        store.write(TestBundles.bundle(key, "a", TestBundles.config(2, "", "")));
        assertThat(store.read()).hasValueSatisfying(b -> assertThat(SignedConfig.claimedVersion(b)).hasValue(2));
        assertThat(leftovers(dir.resolve("data"))).isEmpty();
        AtomicFiles.syncDirectory(dir.resolve("no-such-folder")); // tolerated, like a file system that refuses it
    }

    private static java.util.List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
