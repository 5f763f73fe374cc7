package org.creditkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SocatPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The driver against the simulator over real pseudo-terminals (socat), through jSerialComm on both ends. */
class IdCardReaderSocatTest {

    @BeforeAll
    static void socat() {
        assumeTrue(SocatPair.available(), "socat is not installed");
    }

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        ReaderHarness.assertNoDriverThreads();
    }

    @Test
    void readsEveryFixtureCardExactlyOncePerPlacementAndLogsNothingPersonal() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger("org.creditkiosk");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (ReaderHarness h = ReaderHarness.start()) {
            assertThat(h.reader.kind()).isEqualTo(DeviceKind.ID_CARD_READER);
            assertThat(h.reader.samId()).isEqualTo(IdCardReaderSimulator.DEFAULT_SAM_ID);
            for (IdentityCard card : IdCardFixtures.all()) {
                assertThat(h.placeAndRead(card)).isEqualTo(card);
                h.lift();
            }
            assertThat(h.reader.statistics().cardsRead()).isEqualTo(IdCardFixtures.all().size());
            assertThat(h.reader.health().state()).isEqualTo(DeviceState.READY);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty();
        for (IdentityCard card : IdCardFixtures.all()) {
            for (ILoggingEvent e : logs.list) {
                String line = e.getFormattedMessage();
                assertThat(line).doesNotContain(card.idNumber()).doesNotContain(card.name());
                if (!card.address().isEmpty()) {
                    assertThat(line).doesNotContain(card.address());
                }
                card.englishName().ifPresent(n -> assertThat(line).doesNotContain(n));
            }
        }
    }

    @Test
    void aCardLeftOnTheReaderIsReportedOnce() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.placeAndRead(IdCardFixtures.resident());
            // the card stays: polls go on (halted card: find 80, select 90) without a second CardPlaced
            h.expectQuiet(Duration.ofMillis(1200));
            h.lift();
        }
    }

    @Test
    void unplugThenReplugRecoversWithoutRestart() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.placeAndRead(IdCardFixtures.resident());
            h.pair.unplug();
            // the card can no longer be vouched for
            h.expect(IdCardEvent.CardRemoved.class);
            h.awaitHealth(health -> health.state() == DeviceState.OFFLINE);
            h.simulator.removeCard();

            h.pair.replug();
            h.attachSimulator();
            h.awaitHealth(health -> health.state() == DeviceState.READY);
            IdentityCard permit = IdCardFixtures.byType(CardType.HMT_RESIDENCE_PERMIT, 0);
            assertThat(h.placeAndRead(permit)).isEqualTo(permit);
            assertThat(h.reader.statistics().linkOpenings()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aMissingPortIsOfflineAndTheDriverWaitsForIt() throws Exception {
        try (SocatPair pair = SocatPair.start()) {
            pair.unplug();
            IdCardReader reader = new IdCardReader(() -> SerialPortLink.open(pair.hostPath(), ReaderHarness.LINE),
                    IdCardReaderSettings.defaults().withReopen(Duration.ofMillis(100), Duration.ofMillis(200)),
                    e -> { });
            IdCardReaderSimulator sim = new IdCardReaderSimulator(ReaderHarness.LINE);
            try {
                reader.open();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!"NOT_FOUND".equals(reader.health().detail())) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(reader.health().state()).isEqualTo(DeviceState.OFFLINE);
                pair.replug();
                sim.attach(SerialPortLink.open(pair.devicePath(), ReaderHarness.LINE));
                while (reader.health().state() != DeviceState.READY) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(20);
                }
            } finally {
                reader.close();
                sim.close();
            }
            assertThat(reader.health()).extracting(DeviceHealth::state).isEqualTo(DeviceState.DISABLED);
        }
    }
}
