package org.creditkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.creditkiosk.device.link.PipeLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command/response layer against a scripted peer: known command bytes, one typed outcome per SW3 code. */
class SamClientTest {

    private final PipeLink[] pipe = PipeLink.pair("scripted");
    private final BlockingQueue<byte[]> script = new LinkedBlockingQueue<>();
    private final Thread peer = new Thread(this::answer, "scripted-peer");
    private final SamClient client = new SamClient(pipe[0],
            IdCardReaderSettings.defaults().withCommandTimeout(Duration.ofMillis(150)));

    SamClientTest() {
        peer.setDaemon(true);
        peer.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        pipe[1].close();
        peer.interrupt();
        peer.join(1000);
    }

    /** Answers every command frame with the next scripted bytes (an empty script entry: no answer). */
    private void answer() {
        FrameDecoder d = FrameDecoder.forCommands();
        byte[] buf = new byte[256];
        try {
            while (true) {
                int n = pipe[1].read(buf, 0, buf.length, Duration.ofMillis(50));
                d.feed(buf, 0, n);
                while (d.next().isPresent()) {
                    byte[] a = script.take();
                    if (a.length > 0) {
                        pipe[1].write(a);
                    }
                }
            }
        } catch (Exception e) {
            // closed
        }
    }

    @Test
    void commandFramesMatchTheVendorSheets() {
        HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
        assertThat(hex.formatHex(SamFrames.command(SamCommand.FIND_CARD))).isEqualTo("AA AA AA 96 69 00 03 20 01 22");
        assertThat(hex.formatHex(SamFrames.command(SamCommand.SELECT_CARD))).isEqualTo("AA AA AA 96 69 00 03 20 02 21");
        assertThat(hex.formatHex(SamFrames.command(SamCommand.READ_TEXT_PHOTO))).isEqualTo("AA AA AA 96 69 00 03 30 01 32");
        assertThat(hex.formatHex(SamFrames.command(SamCommand.READ_SAM_ID))).isEqualTo("AA AA AA 96 69 00 03 12 FF EE");
        byte[] read = SamFrames.answer(0x90, new byte[1284]);
        assertThat(read).hasSize(1295);
        assertThat(hex.formatHex(read, 5, 7)).isEqualTo("05 08");
        assertThat(hex.formatHex(SamFrames.answer(0x80, new byte[0]))).isEqualTo("AA AA AA 96 69 00 04 00 00 80 84");
    }

    @Test
    void everySw3CodeIsATypedOutcome() throws Exception {
        for (SamStatus s : SamStatus.values()) {
            int code = s == SamStatus.UNDEFINED ? 0x55 : s.code();
            if (s == SamStatus.CARD_FOUND) {
                continue;
            }
            script.add(SamFrames.answer(code, new byte[0]));
            SamClient.Attempt a = client.readCard();
            if (s == SamStatus.FIND_FAILED) {
                assertThat(a).isInstanceOf(SamClient.NoCard.class);
            } else {
                assertThat(a).isEqualTo(new SamClient.AttemptFailed(new IdCardOutcome.Refused(SamCommand.FIND_CARD, s, code)));
            }
        }
        // and at the read step: 41 when the card moves
        script.add(SamFrames.answer(0x9F, new byte[4]));
        script.add(SamFrames.answer(0x90, new byte[8]));
        script.add(SamFrames.answer(0x41, new byte[0]));
        assertThat(client.readCard()).isEqualTo(new SamClient.AttemptFailed(
                new IdCardOutcome.Refused(SamCommand.READ_TEXT_PHOTO, SamStatus.READ_FAILED, 0x41)));
    }

    @Test
    void silenceTruncationAndChecksum() throws Exception {
        script.add(new byte[0]);
        assertThat(client.exchange(SamCommand.FIND_CARD))
                .isEqualTo(new SamClient.Failed(new IdCardOutcome.NoAnswer(SamCommand.FIND_CARD, 150, 0)));

        byte[] found = SamFrames.answer(0x9F, new byte[4]);
        script.add(java.util.Arrays.copyOf(found, 9));
        assertThat(client.exchange(SamCommand.FIND_CARD))
                .isEqualTo(new SamClient.Failed(new IdCardOutcome.NoAnswer(SamCommand.FIND_CARD, 150, 9)));

        byte[] bad = found.clone();
        bad[bad.length - 1] ^= 1;
        script.add(bad);
        script.add(bad);
        assertThat(client.exchange(SamCommand.FIND_CARD))
                .isEqualTo(new SamClient.Failed(new IdCardOutcome.ChecksumError(SamCommand.FIND_CARD)));
        assertThat(client.checksumRetries()).isEqualTo(2);

        script.add(bad);
        script.add(found);
        assertThat(client.exchange(SamCommand.FIND_CARD)).isInstanceOfSatisfying(SamClient.Answered.class,
                a -> assertThat(a.answer().status()).isEqualTo(SamStatus.CARD_FOUND));
    }

    @Test
    void settingsAreBoundedAndPickTheTimeoutPerCommand() {
        IdCardReaderSettings d = IdCardReaderSettings.defaults();
        assertThat(d.timeoutFor(SamCommand.FIND_CARD)).isEqualTo(Duration.ofMillis(500));
        assertThat(d.timeoutFor(SamCommand.READ_TEXT_PHOTO)).isEqualTo(Duration.ofSeconds(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.withPollInterval(Duration.ofMillis(299)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300 ms");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.withReadTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> d.withReopen(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
