package org.creditkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;

/** A driver and a simulator on the two ends of a socat pseudo-terminal pair, with the driver's events queued. */
final class ReaderHarness implements AutoCloseable {

    static final SerialSettings LINE = SerialSettings.of8N1(115200);
    static final Duration WAIT = Duration.ofSeconds(8);

    final SocatPair pair;
    final IdCardReaderSimulator simulator;
    final IdCardReader reader;
    final BlockingQueue<IdCardEvent> events = new LinkedBlockingQueue<>();

    private ReaderHarness(SocatPair pair, IdCardReaderSettings settings) throws IOException {
        this.pair = pair;
        this.simulator = new IdCardReaderSimulator(LINE);
        attachSimulator();
        this.reader = new IdCardReader(() -> SerialPortLink.open(pair.hostPath(), LINE), settings, events::add);
    }

    static ReaderHarness start() throws IOException, InterruptedException {
        return start(IdCardReaderSettings.defaults().withReopen(Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    static ReaderHarness start(IdCardReaderSettings settings) throws IOException, InterruptedException {
        ReaderHarness h = new ReaderHarness(SocatPair.start(), settings);
        h.reader.open();
        h.awaitHealth(DeviceHealth::usable);
        return h;
    }

    void attachSimulator() throws IOException {
        simulator.attach(SerialPortLink.open(pair.devicePath(), LINE));
    }

    IdCardEvent next() throws InterruptedException {
        IdCardEvent e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            fail("no event within " + WAIT + "; health " + reader.health());
        }
        return e;
    }

    <T extends IdCardEvent> T expect(Class<T> type) throws InterruptedException {
        IdCardEvent e = next();
        assertThat(e).isInstanceOf(type);
        return type.cast(e);
    }

    /** Places the card and returns the card the driver reported. */
    IdentityCard placeAndRead(IdentityCard card) throws InterruptedException {
        simulator.placeCard(card);
        IdCardEvent.CardPlaced placed = expect(IdCardEvent.CardPlaced.class);
        assertThat(placed.samId()).isEqualTo(IdCardReaderSimulator.DEFAULT_SAM_ID);
        return placed.card();
    }

    void lift() throws InterruptedException {
        simulator.removeCard();
        expect(IdCardEvent.CardRemoved.class);
    }

    /** No event for {@code d} (absence of an event; not a timing assertion). */
    void expectQuiet(Duration d) throws InterruptedException {
        IdCardEvent e = events.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).as("unexpected event").isNull();
    }

    void awaitHealth(Predicate<DeviceHealth> p) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!p.test(reader.health())) {
            if (System.nanoTime() > deadline) {
                fail("health stayed " + reader.health());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        reader.close();
        simulator.close();
        pair.close();
    }

    static void assertNoDriverThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("idcard-"))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        fail("threads left behind: " + left);
    }
}
