package org.creditkiosk.device.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.device.idcard.IdCardEvent;
import org.creditkiosk.device.idcard.IdCardFixtures;
import org.creditkiosk.device.idcard.IdCardReader;
import org.creditkiosk.device.idcard.IdCardReaderSettings;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.idcard.IdentityCard;
import org.creditkiosk.device.link.LinkOpener;
import org.creditkiosk.device.link.PipeLink;
import org.creditkiosk.device.link.SerialPortLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.link.SocatPair;

/**
 * Time from a card found by the simulator (the find command that saw it arrived; the poll interval is excluded)
 * to the driver's CardPlaced event, next to the pure wire time of the bytes exchanged meanwhile (find, select and
 * read, commands and answers) at 115200 baud 8N1. Run:
 * {@code mvn -B -q -pl device-drivers test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.creditkiosk.device.bench.IdCardReadBench [-Dexec.args=40]}
 */
public final class IdCardReadBench {

    private static final SerialSettings LINE = SerialSettings.of8N1(115200);

    private record Sample(long latencyNanos, long wireNanos, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.out.printf("ID card read at %d baud 8N1, %d placements each%n", LINE.baudRate(), runs);
        if (SocatPair.available()) {
            try (SocatPair pair = SocatPair.start()) {
                IdCardReaderSimulator sim = new IdCardReaderSimulator(LINE);
                sim.attach(SerialPortLink.open(pair.devicePath(), LINE));
                report("socat pty + jSerialComm", measure(sim, () -> SerialPortLink.open(pair.hostPath(), LINE), runs));
                sim.close();
            }
        } else {
            System.out.println("socat not installed: pseudo-terminal run skipped");
        }
        PipeLink[] pipe = PipeLink.pair("bench");
        IdCardReaderSimulator sim = new IdCardReaderSimulator(LINE);
        sim.attach(pipe[1]);
        report("in-memory PipeLink", measure(sim, () -> pipe[0], runs));
        sim.close();
    }

    private static List<Sample> measure(IdCardReaderSimulator sim, LinkOpener opener, int runs) throws Exception {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        IdCardReader reader = new IdCardReader(opener, IdCardReaderSettings.defaults(), e -> {
            long now = System.nanoTime();
            if (e instanceof IdCardEvent.CardPlaced) {
                IdCardReaderSimulator.PlacementTrace t = sim.lastPlacement();
                events.add(new Sample(now - t.foundAtNanos(), t.bytesExchanged() * LINE.nanosPerByte(),
                        t.bytesExchanged()));
            } else {
                events.add(e);
            }
        });
        List<IdentityCard> cards = IdCardFixtures.all();
        List<Sample> samples = new ArrayList<>();
        try {
            reader.open();
            for (int i = 0; i < runs + 3; i++) {
                sim.placeCard(cards.get(i % cards.size()));
                Object placed = events.poll(10, TimeUnit.SECONDS);
                if (!(placed instanceof Sample s)) {
                    throw new IllegalStateException("expected a card, got " + placed + "; health " + reader.health());
                }
                if (i >= 3) { // the first placements warm the JIT up
                    samples.add(s);
                }
                sim.removeCard();
                Object removed = events.poll(10, TimeUnit.SECONDS);
                if (!(removed instanceof IdCardEvent.CardRemoved)) {
                    throw new IllegalStateException("expected CardRemoved, got " + removed);
                }
            }
        } finally {
            reader.close();
        }
        return samples;
    }

    private static void report(String what, List<Sample> samples) {
        List<Long> lat = new ArrayList<>(samples.stream().map(Sample::latencyNanos).toList());
        Collections.sort(lat);
        long wire = samples.get(0).wireNanos();
        long median = lat.get(lat.size() / 2);
        long p90 = lat.get((int) (lat.size() * 0.9));
        System.out.printf("%-26s bytes %d, wire %.1f ms | card found -> CardPlaced: min %.1f, median %.1f, p90 %.1f,"
                        + " max %.1f ms | overhead (median) %.1f ms = %.1f %% of wire time%n",
                what, samples.get(0).bytes(), ms(wire), ms(lat.get(0)), ms(median), ms(p90), ms(lat.get(lat.size() - 1)),
                ms(median - wire), 100.0 * (median - wire) / wire);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private IdCardReadBench() {
    }
}
