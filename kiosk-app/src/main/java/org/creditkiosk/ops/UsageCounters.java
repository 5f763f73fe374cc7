package org.creditkiosk.ops;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.creditkiosk.config.AtomicFiles;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's usage statistics, counted in one place (issue 12 item 5): the contract 1.1 counters
 * ({@code Heartbeat.counters}: sessions, sessionsCard, sessionsApp, orgRecords, reportsPrinted, receiptsPrinted,
 * reprints, verifications, objections, commitments, complaints, listSearches, idleTimeouts, errors.<CODE>) and phase
 * latencies ({@code Heartbeat.latencyMs}:
 * cardToRecordP50/P95, visitP50/P95), from the session's views, the device intake's events, the list search and
 * the print desk (every job that came out of a printer).
 * Never personal data. Kept in {@code <data dir>/usage-counters.properties}, written atomically at each change,
 * until a heartbeat that carried them is accepted, so they survive a restart; today's totals are kept beside them
 * for {@code kiosk stats}.
 */
public final class UsageCounters implements HeartbeatCounters, Consumer<SessionView> {

    public static final String FILE = "usage-counters.properties";
    /** Contract keys counted here (errors.<CODE> come on top, one per notice code met). */
    public static final List<String> KEYS = List.of("sessions", "sessionsCard", "sessionsApp", "orgRecords",
            "reportsPrinted", "receiptsPrinted", "reprints", "verifications", "objections", "commitments", "complaints",
            "listSearches", "idleTimeouts");
    /** Phases whose durations are kept (milliseconds) for the percentiles. */
    public static final List<String> PHASES = List.of("cardToRecord", "visit");
    private static final int MAX_SAMPLES = 1000;

    private static final Logger log = LoggerFactory.getLogger(UsageCounters.class);

    private final Path file;
    private final Clock clock;
    private final ZoneId zone;
    private final LongSupplier nanos;
    private final Map<String, Long> unreported = new TreeMap<>();
    private final Map<String, Long> today = new TreeMap<>();
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private LocalDate day;

    // what the session's views said last (the listener runs on the session's thread only)
    private SessionState last = SessionState.ATTRACT;
    private Optional<Notice> lastNotice = Optional.empty();
    private boolean ticketSeen;
    private boolean recordSeen;
    private String lastWay = "sessionsCard";
    /** The commitment counted last: its done screen is seen again after a reprint, and counts once. */
    private String lastCommitmentNo = "";
    private long visitStart;
    private boolean inVisit;
    private boolean cardVisit;

    public UsageCounters(Path dataDir) {
        this(dataDir, Clock.systemDefaultZone(), System::nanoTime);
    }

    public UsageCounters(Path dataDir, Clock clock, LongSupplier nanos) {
        this.file = dataDir.resolve(FILE);
        this.clock = clock;
        this.zone = clock.getZone();
        this.nanos = nanos;
        PHASES.forEach(p -> samples.put(p, new ArrayList<>()));
        day = LocalDate.now(clock);
        load();
    }

    /** The device intake's events pass through here on their way to the session: a card or an app code starts a visit. */
    public Consumer<SessionEvent> tap(Consumer<SessionEvent> next) {
        return e -> {
            if (e instanceof SessionEvent.CardPlaced) {
                way("sessionsCard");
            } else if (e instanceof SessionEvent.AppCodeScanned) {
                way("sessionsApp");
            }
            next.accept(e);
        };
    }

    private synchronized void way(String key) {
        lastWay = key;
    }

    /**
     * A print job came out of a printer ({@link org.creditkiosk.printing.PrintDesk.Tally}): a slip of the receipt
     * printer counts as receiptsPrinted, a held job printed again (paper back, cover closed) as reprints.
     */
    public void printed(boolean receipt, boolean reprint) {
        if (receipt) {
            add("receiptsPrinted");
        }
        if (reprint) {
            add("reprints");
        }
    }

    /** A public list search was asked for. */
    public void listSearch() {
        add("listSearches");
    }

    @Override
    public void accept(SessionView v) {
        List<String> counted = new ArrayList<>();
        synchronized (this) {
            if (v.state() != last) {
                if (v.state() == SessionState.AUTHENTICATING) {
                    counted.add("sessions");
                    counted.add(lastWay);
                    visitStart = nanos.getAsLong();
                    inVisit = true;
                    cardVisit = lastWay.equals("sessionsCard");
                    recordSeen = false;
                } else if (v.state() == SessionState.VERIFYING) {
                    counted.add("verifications");
                } else if (v.state() == SessionState.FAREWELL && v.reportNo().isPresent()) {
                    counted.add("reportsPrinted");
                } else if (v.state() == SessionState.COMMITMENT_DONE && v.services().signed().isPresent()
                        && !v.services().signed().get().commitmentNo().equals(lastCommitmentNo)) {
                    lastCommitmentNo = v.services().signed().get().commitmentNo();
                    counted.add("commitments");
                } else if (v.state() == SessionState.COMPLAINT_FILED) {
                    counted.add("complaints");
                } else if (v.state() == SessionState.LOADING_RECORD && v.chosenUscc().isPresent()) {
                    counted.add("orgRecords");
                }
                if (v.state() == SessionState.SHOWING_RECORD && !recordSeen && inVisit) {
                    recordSeen = true;
                    if (cardVisit) {
                        sample("cardToRecord", nanos.getAsLong() - visitStart);
                    }
                }
                if (!v.state().inSession() && last.inSession() && v.endedIdle()) {
                    counted.add("idleTimeouts");
                }
                if (!v.state().inSession() && last.inSession() && inVisit) {
                    sample("visit", nanos.getAsLong() - visitStart);
                    inVisit = false;
                }
                last = v.state();
            }
            if (v.objectionTicket().isPresent() && !ticketSeen) {
                ticketSeen = true;
                counted.add("objections");
            } else if (v.objectionTicket().isEmpty()) {
                ticketSeen = false;
            }
            // A notice screen or banner counts once when it appears (a banner kept across screens is one notice).
            if (v.notice().isPresent() && !v.notice().equals(lastNotice)) {
                counted.add("errors." + v.notice().get().code());
            }
            lastNotice = v.notice();
        }
        counted.forEach(this::add);
    }

    private void sample(String phase, long nanosTaken) {
        List<Long> s = samples.get(phase);
        s.add(Math.max(0, nanosTaken / 1_000_000));
        if (s.size() > MAX_SAMPLES) {
            s.remove(0);
        }
        save();
    }

    private synchronized void add(String key) {
        rollDay();
        unreported.merge(key, 1L, Long::sum);
        today.merge(key, 1L, Long::sum);
        save();
    }

    private void rollDay() {
        LocalDate now = LocalDate.now(clock.withZone(zone));
        if (!now.equals(day)) {
            day = now;
            today.clear();
        }
    }

    @Override
    public synchronized Map<String, Long> counted() {
        // Every key this kiosk counts, zeros included (the platform then knows a zero is a zero); errors.<CODE> met only.
        Map<String, Long> m = new LinkedHashMap<>();
        KEYS.forEach(k -> m.put(k, unreported.getOrDefault(k, 0L)));
        unreported.forEach((k, n) -> {
            if (n > 0 && !m.containsKey(k)) {
                m.put(k, n);
            }
        });
        return m;
    }

    @Override
    public synchronized void reported(Map<String, Long> sent) {
        sent.forEach((k, n) -> unreported.computeIfPresent(k, (key, have) -> have - n <= 0 ? null : have - n));
        save();
    }

    @Override
    public synchronized Map<String, Long> latencies() {
        Map<String, Long> m = new LinkedHashMap<>();
        samples.forEach((phase, s) -> {
            if (!s.isEmpty()) {
                long[] sorted = s.stream().mapToLong(Long::longValue).sorted().toArray();
                m.put(phase + "P50", percentile(sorted, 50));
                m.put(phase + "P95", percentile(sorted, 95));
            }
        });
        return m;
    }

    @Override
    public synchronized void latenciesReported(Map<String, Long> sent) {
        if (!sent.isEmpty()) {
            samples.values().forEach(List::clear);
            save();
        }
    }

    /** What {@code kiosk stats} shows: today's totals, the counts and percentiles not reported yet. */
    public record Figures(LocalDate day, Map<String, Long> today, Map<String, Long> unreported, Map<String, Long> latencyMs) {
    }

    public synchronized Figures figures() {
        rollDay();
        return new Figures(day, new TreeMap<>(today), new TreeMap<>(counted()), latencies());
    }

    static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private void load() {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            LocalDate stored = Optional.ofNullable(p.getProperty("today")).map(LocalDate::parse).orElse(day);
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                if (k.startsWith("unreported.")) {
                    unreported.put(k.substring(11), Math.max(0, Long.parseLong(v)));
                } else if (k.startsWith("today.") && stored.equals(day)) {
                    today.put(k.substring(6), Math.max(0, Long.parseLong(v)));
                } else if (k.startsWith("samples.") && samples.containsKey(k.substring(8)) && !v.isBlank()) {
                    samples.get(k.substring(8)).addAll(Arrays.stream(v.split(",")).map(Long::parseLong).toList());
                } else if (KEYS.contains(k)) { // the first format of this file: unreported counts by bare key
                    unreported.merge(k, Math.max(0, Long.parseLong(v)), Long::sum);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing counted yet
        } catch (IOException | RuntimeException e) {
            log.warn("{} cannot be read ({}); usage counts start again from zero", file, e.toString());
        }
    }

    private synchronized void save() {
        Properties p = new Properties();
        p.setProperty("today", day.toString());
        unreported.forEach((k, n) -> p.setProperty("unreported." + k, Long.toString(n)));
        today.forEach((k, n) -> p.setProperty("today." + k, Long.toString(n)));
        samples.forEach((k, s) -> p.setProperty("samples." + k, String.join(",", s.stream().map(String::valueOf).toList())));
        try {
            StringWriter w = new StringWriter();
            p.store(w, "usage counts (contract 1.1 counters and latencies): not yet reported, and today's; no personal data");
            AtomicFiles.write(file, w.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("usage counts cannot be saved ({}); kept in memory", e.toString());
        }
    }
}
