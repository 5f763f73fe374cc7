package org.creditkiosk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: the demo slides are drawn once into the demo folder and read from there at later starts. */
class DemoContentTest {

    @Test
    void slidesAreDrawnOnceAndReadBackTheSame(@TempDir Path dir) throws Exception {
        List<DemoContent.Slide> drawn = DemoContent.slides();
        List<DemoContent.Slide> first = DemoContent.slides(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".png")).count()).isEqualTo(3);
        }
        // a later start reads the files: the same pictures and captions, even if drawing would now differ
        Path one;
        try (Stream<Path> files = Files.list(dir)) {
            one = files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
        byte[] marked = Files.readAllBytes(one);
        List<DemoContent.Slide> again = DemoContent.slides(dir);
        for (int i = 0; i < 3; i++) {
            assertThat(first.get(i).png()).isEqualTo(drawn.get(i).png());
            assertThat(again.get(i).png()).isEqualTo(first.get(i).png());
            assertThat(again.get(i).captionZh()).isEqualTo(drawn.get(i).captionZh());
            assertThat(again.get(i).captionEn()).isEqualTo(drawn.get(i).captionEn());
        }
        assertThat(again.stream().anyMatch(s -> java.util.Arrays.equals(s.png(), marked))).isTrue();
    }
}
