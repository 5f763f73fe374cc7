package org.creditkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.idcard.IdCardReaderSimulator.Fault;
import org.creditkiosk.device.link.SocatPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fault of the simulator over socat: each gives its typed outcome, the next placement reads fine, and no
 * thread is left behind.
 */
class IdCardReaderFaultTest {

    private static final IdentityCard CARD = IdCardFixtures.resident();
    private static final IdentityCard FOREIGN = IdCardFixtures.byType(CardType.FOREIGN_PERMANENT_RESIDENT, 0);

    @BeforeAll
    static void socat() {
        assumeTrue(SocatPair.available(), "socat is not installed");
    }

    @AfterEach
    void noThreadLeft() throws InterruptedException {
        ReaderHarness.assertNoDriverThreads();
    }

    @Test
    void noCardMeansNoEventUntilTheCardIsFound() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.simulator.setFault(Fault.NO_CARD);
            h.simulator.placeCard(CARD);
            h.expectQuiet(Duration.ofMillis(900));
            assertThat(h.reader.health().state()).isEqualTo(DeviceState.READY);
            h.simulator.clearFault(Fault.NO_CARD);
            assertThat(h.expect(IdCardEvent.CardPlaced.class).card()).isEqualTo(CARD);
        }
    }

    @Test
    void garbageBeforeFramesIsSkipped() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.simulator.setFault(Fault.GARBAGE_BEFORE_FRAMES);
            assertThat(h.placeAndRead(FOREIGN)).isEqualTo(FOREIGN);
            assertThat(h.reader.statistics().skippedBytes()).isPositive();
            h.lift();
            h.simulator.clearFaults();
            assertThat(h.placeAndRead(CARD)).isEqualTo(CARD);
        }
    }

    @Test
    void answersSplitInSmallChunksAreReassembled() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.simulator.setFault(Fault.SPLIT_ANSWERS);
            assertThat(h.placeAndRead(FOREIGN)).isEqualTo(FOREIGN);
            h.lift();
        }
    }

    @Test
    void aWrongChecksumIsAskedForAgainOnce() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.simulator.setFault(Fault.WRONG_CHECKSUM_ONCE);
            assertThat(h.placeAndRead(CARD)).isEqualTo(CARD);
            assertThat(h.reader.statistics().checksumRetries()).isEqualTo(1);
            assertThat(h.simulator.faults()).isEmpty();
        }
    }

    @Test
    void silenceIsNoResponseOnceAndOfflineUntilTheReaderAnswers() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.simulator.setFault(Fault.SILENCE);
            IdCardEvent.ReadFailed failed = h.expect(IdCardEvent.ReadFailed.class);
            assertThat(failed.outcome()).isInstanceOfSatisfying(IdCardOutcome.NoAnswer.class, n -> {
                assertThat(n.bytesReceived()).isZero();
                assertThat(n.timeoutMillis()).isEqualTo(500);
            });
            assertThat(h.reader.health().state()).isEqualTo(DeviceState.OFFLINE);
            assertThat(h.reader.health().detail()).isEqualTo("NO_RESPONSE");
            h.expectQuiet(Duration.ofMillis(1200)); // reported once, not at every poll
            h.simulator.clearFault(Fault.SILENCE);
            h.awaitHealth(health -> health.state() == DeviceState.READY);
            assertThat(h.placeAndRead(CARD)).isEqualTo(CARD);
        }
    }

    @Test
    void cardLiftedMidReadIsSw3Code41() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.simulator.setFault(Fault.LIFT_MID_READ);
            h.simulator.placeCard(CARD);
            IdCardEvent.ReadFailed failed = h.expect(IdCardEvent.ReadFailed.class);
            assertThat(failed.outcome()).isEqualTo(
                    new IdCardOutcome.Refused(SamCommand.READ_TEXT_PHOTO, SamStatus.READ_FAILED, 0x41));
            assertThat(failed.outcome().code()).isEqualTo("SAM_41_READ_FAILED");
            h.expectQuiet(Duration.ofMillis(700)); // the card was lifted: nothing to remove, nothing read
            assertThat(h.placeAndRead(CARD)).isEqualTo(CARD);
        }
    }

    @Test
    void aBadCheckCharacterIsAReadFailureAndTheNextCardReads() throws Exception {
        IdentityCard forged = new IdentityCard(CardType.RESIDENT, "示例", Optional.empty(), Sex.MALE, "01",
                LocalDate.of(1990, 1, 1), "地址", "610802199001011234", "机关", LocalDate.of(2020, 1, 1),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new byte[1024]);
        assertThat(IdNumbers.isValid(forged.idNumber())).isFalse();
        try (ReaderHarness h = ReaderHarness.start()) {
            h.simulator.placeCard(forged);
            IdCardEvent.ReadFailed failed = h.expect(IdCardEvent.ReadFailed.class);
            assertThat(failed.outcome()).isEqualTo(
                    new IdCardOutcome.InvalidIdNumber(CardType.RESIDENT, "610802********1234"));
            h.expectQuiet(Duration.ofMillis(700)); // not read again while it lies there
            h.simulator.removeCard();
            h.expectQuiet(Duration.ofMillis(700)); // never reported placed, so no CardRemoved
            assertThat(h.placeAndRead(CARD)).isEqualTo(CARD);
        }
    }

    @Test
    void unplugOfTheSimulatorEndIsNoticedAndAReattachRecovers() throws Exception {
        try (ReaderHarness h = ReaderHarness.start()) {
            h.placeAndRead(CARD);
            h.simulator.unplug();
            h.pair.unplug(); // the adapter goes with it
            h.expect(IdCardEvent.CardRemoved.class);
            h.awaitHealth(health -> health.state() == DeviceState.OFFLINE);
            h.pair.replug();
            h.attachSimulator();
            h.simulator.removeCard();
            h.awaitHealth(health -> health.state() == DeviceState.READY);
            assertThat(h.placeAndRead(FOREIGN)).isEqualTo(FOREIGN);
        }
    }

    @Test
    void demoWiringOverPipeLinksReadsAndSurvivesAnUnplug() throws Exception {
        IdCardReaderSimulator sim = new IdCardReaderSimulator(ReaderHarness.LINE);
        BlockingQueue<IdCardEvent> events = new LinkedBlockingQueue<>();
        IdCardReader reader = new IdCardReader(sim.pipeOpener("demo-idcard"),
                IdCardReaderSettings.defaults().withReopen(Duration.ofMillis(100), Duration.ofMillis(400)), events::add);
        try {
            reader.open();
            sim.placeCard(FOREIGN);
            assertThat(events.poll(8, TimeUnit.SECONDS)).isInstanceOfSatisfying(IdCardEvent.CardPlaced.class,
                    p -> assertThat(p.card()).isEqualTo(FOREIGN));
            sim.unplug();
            assertThat(events.poll(8, TimeUnit.SECONDS)).isInstanceOf(IdCardEvent.CardRemoved.class);
            sim.removeCard();
            sim.placeCard(CARD);
            assertThat(events.poll(8, TimeUnit.SECONDS)).isInstanceOfSatisfying(IdCardEvent.CardPlaced.class,
                    p -> assertThat(p.card()).isEqualTo(CARD));
            assertThat(reader.statistics().linkOpenings()).isEqualTo(2);
        } finally {
            reader.close();
            sim.close();
        }
    }
}
