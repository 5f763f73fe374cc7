package org.creditkiosk.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every prompt has a playable 16 kHz mono WAV in both languages; the player never blocks nor throws. */
class VoicePromptsTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void everyPromptHasAPlayableFile(String lang) throws Exception {
        for (VoicePrompt p : VoicePrompt.values()) {
            String name = VoicePrompts.resource(p, lang);
            InputStream raw = VoicePrompts.class.getResourceAsStream(name);
            assertThat(raw).as(name).isNotNull();
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
                AudioFormat f = in.getFormat();
                assertThat(f.getEncoding()).as(name).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
                assertThat(f.getSampleRate()).as(name).isEqualTo(16000f);
                assertThat(f.getChannels()).as(name).isEqualTo(1);
                byte[] all = in.readAllBytes();
                double seconds = all.length / (double) f.getFrameSize() / f.getFrameRate();
                assertThat(seconds).as(name + " lasts").isBetween(0.5, 15.0);
                // Not silence: some sample reaches a tenth of full scale.
                int peak = 0;
                for (int i = 0; i + 1 < all.length; i += 2) {
                    peak = Math.max(peak, Math.abs((short) ((all[i] & 0xff) | (all[i + 1] << 8))));
                }
                assertThat(peak).as(name + " peak").isGreaterThan(3276);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void theTextsNameExactlyThePrompts(String lang) throws Exception {
        Path texts = Path.of("..", "assets", "voice", "prompts_" + lang + ".txt");
        List<String> keys = Files.readAllLines(texts, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && l.contains("="))
                .map(l -> l.substring(0, l.indexOf('='))).sorted().toList();
        assertThat(keys).isEqualTo(Arrays.stream(VoicePrompt.values()).map(Enum::name).sorted().toList());
    }

    @Test
    void cardlessVisitsAreNeverAskedToTakeACard() {
        assertThat(VoicePrompts.forScreen("FAREWELL", false, true)).contains(VoicePrompt.TAKE_REPORT);
        assertThat(VoicePrompts.forScreen("FAREWELL", false, false)).contains(VoicePrompt.GOODBYE);
        assertThat(VoicePrompts.forScreen("FAREWELL", true, true)).contains(VoicePrompt.TAKE_CARD_AND_REPORT);
        assertThat(VoicePrompts.forScreen("FAREWELL", true, false)).contains(VoicePrompt.TAKE_CARD);
        assertThat(VoicePrompts.forScreen("MAINTENANCE", true, false)).isEmpty();
        assertThat(VoicePrompts.forScreen("OUT_OF_SERVICE", true, false)).isEmpty();
    }

    @Test
    void muteVolumeAndModeDecideWhetherItSpeaks() {
        AtomicReference<VoicePrompts.Settings> s = new AtomicReference<>(new VoicePrompts.Settings(false, 80, false));
        try (VoicePrompts v = new VoicePrompts(s::get)) {
            assertThat(v.speaks(false)).as("only the elderly mode by default").isFalse();
            assertThat(v.speaks(true)).isTrue();
            s.set(new VoicePrompts.Settings(false, 80, true));
            assertThat(v.speaks(false)).isTrue();
            s.set(new VoicePrompts.Settings(true, 80, true));
            assertThat(v.speaks(true)).as("muted").isFalse();
            s.set(new VoicePrompts.Settings(false, 0, true));
            assertThat(v.speaks(true)).as("volume 0").isFalse();
        }
    }

    @Test
    void withOrWithoutASoundDeviceSayingNeverThrows() throws Exception {
        try (VoicePrompts v = new VoicePrompts(() -> new VoicePrompts.Settings(false, 50, true))) {
            assertThatCode(() -> {
                for (VoicePrompt p : VoicePrompt.values()) {
                    v.say(p, "zh", false);
                }
                v.say(VoicePrompt.GOODBYE, "en", true);
                v.stop();
            }).doesNotThrowAnyException();
        }
    }
}
