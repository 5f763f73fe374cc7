package org.creditkiosk.ui.voice;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.FloatControl;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks the voice prompts ({@code /assets/voice/<lang>/<PROMPT>.wav} on the class path, made by
 * {@code packaging/bin/make-voice-prompts} or replaced by studio recordings under the same names) on one daemon
 * thread of its own: {@link #say} never blocks the caller (the FX thread). A newer prompt replaces one still waiting;
 * {@link #stop} cuts the one playing. Without an audio device the kiosk logs it once and stays silent: nothing here
 * ever throws to the caller.
 */
public final class VoicePrompts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoicePrompts.class);

    /** What the prompts are played with, read at each prompt (a configuration reload applies at the next one). */
    public record Settings(boolean mute, int volumePercent, boolean always) {
        public Settings {
            volumePercent = Math.max(0, Math.min(100, volumePercent));
        }
    }

    private final Supplier<Settings> settings;
    private final ThreadPoolExecutor worker;
    private final AtomicBoolean deviceMissingLogged = new AtomicBoolean();
    private volatile SourceDataLine playing;
    private volatile long generation;

    public VoicePrompts(Supplier<Settings> settings) {
        this.settings = Objects.requireNonNull(settings);
        // One thread, one waiting prompt: the newest replaces it (DiscardOldestPolicy).
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, "voice-prompts");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    /** The class-path resource of a prompt in a language ({@code zh} or {@code en}). */
    public static String resource(VoicePrompt prompt, String language) {
        return "/assets/voice/" + language + "/" + prompt.name() + ".wav";
    }

    /** Whether a visit in this mode hears prompts now (not muted; always on, or the elderly mode). */
    public boolean speaks(boolean elderly) {
        Settings s = settings.get();
        return !s.mute() && s.volumePercent() > 0 && (s.always() || elderly);
    }

    /** Says {@code prompt} in {@code language} after the one playing stops (cut short: a new step began). */
    public void say(VoicePrompt prompt, String language, boolean elderly) {
        if (!speaks(elderly)) {
            return;
        }
        long mine = ++generation;
        cutPlaying();
        worker.execute(() -> {
            if (mine == generation) {
                play(prompt, language);
            }
        });
    }

    /** Silence now: the prompt playing stops, a waiting one is dropped (maintenance, end of the visit). */
    public void stop() {
        generation++;
        worker.getQueue().clear();
        cutPlaying();
    }

    private void cutPlaying() {
        SourceDataLine l = playing;
        if (l != null) {
            l.stop();
            l.flush();
        }
    }

    private void play(VoicePrompt prompt, String language) {
        String name = resource(prompt, language);
        InputStream raw = VoicePrompts.class.getResourceAsStream(name);
        if (raw == null) {
            LOG.warn("voice prompt {} is missing from the assets: silent", name);
            return;
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
            AudioFormat format = in.getFormat();
            SourceDataLine line;
            try {
                line = (SourceDataLine) AudioSystem.getLine(new DataLine.Info(SourceDataLine.class, format));
                line.open(format);
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                if (deviceMissingLogged.compareAndSet(false, true)) {
                    LOG.warn("no audio output device ({}): voice prompts stay silent", e.toString());
                }
                return;
            }
            try {
                volume(line, settings.get().volumePercent());
                playing = line;
                line.start();
                byte[] buf = new byte[4096];
                long mine = generation;
                int n;
                while (mine == generation && (n = in.read(buf)) > 0) {
                    line.write(buf, 0, n - n % Math.max(1, format.getFrameSize()));
                }
                if (mine == generation) {
                    line.drain();
                }
            } finally {
                playing = null;
                line.close();
            }
        } catch (UnsupportedAudioFileException | IOException | RuntimeException e) {
            LOG.warn("voice prompt {} could not be played: {}", name, e.toString());
        }
    }

    private static void volume(SourceDataLine line, int percent) {
        if (line.isControlSupported(FloatControl.Type.MASTER_GAIN)) {
            FloatControl gain = (FloatControl) line.getControl(FloatControl.Type.MASTER_GAIN);
            float db = percent >= 100 ? 0f : (float) (20 * Math.log10(Math.max(percent, 1) / 100.0));
            gain.setValue(Math.max(gain.getMinimum(), Math.min(gain.getMaximum(), db)));
        }
    }

    /** The prompt for a screen the citizen just reached, if it has one. */
    public static Optional<VoicePrompt> forScreen(String state, boolean cardVisit, boolean reportPrinted) {
        return Optional.ofNullable(switch (state) {
            case "ATTRACT" -> VoicePrompt.PLACE_CARD;
            case "AUTHENTICATING" -> VoicePrompt.READING;
            case "CHOOSING_SUBJECT" -> VoicePrompt.CHOOSE_SUBJECT;
            case "LOADING_RECORD" -> VoicePrompt.LOADING;
            case "SHOWING_RECORD" -> VoicePrompt.RECORD_READY;
            case "CONFIRMING_PRINT" -> VoicePrompt.CONFIRM_PRINT;
            case "PRINTING" -> VoicePrompt.PRINTING;
            case "OBJECTING" -> VoicePrompt.DISPUTE;
            case "VERIFYING" -> VoicePrompt.VERIFYING;
            case "SHOWING_VERIFICATION" -> VoicePrompt.VERIFICATION_READY;
            case "NOTICE" -> VoicePrompt.NOTICE;
            case "FAREWELL" -> cardVisit ? (reportPrinted ? VoicePrompt.TAKE_CARD_AND_REPORT : VoicePrompt.TAKE_CARD)
                    : (reportPrinted ? VoicePrompt.TAKE_REPORT : VoicePrompt.GOODBYE);
            default -> null;
        });
    }

    @Override
    public void close() {
        stop();
        worker.shutdownNow();
    }
}
