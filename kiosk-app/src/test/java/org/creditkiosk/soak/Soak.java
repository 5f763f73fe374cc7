package org.creditkiosk.soak;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.creditkiosk.assembly.DemoSources;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.assembly.KioskAssembly;
import org.creditkiosk.assembly.KioskSources;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.DemoDevices;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.printing.PrintFailure;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.creditkiosk.ui.KioskNotices;
import org.creditkiosk.ui.KioskWindow;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A year in a public hall, compressed (issue 14): random visits through the whole demo kiosk (embedded platform,
 * device simulators behind the real drivers, and the real screens on Monocle when {@code screens}): card and app
 * sign-ins, organisations, list searches, objections, prints, report verifications, the card lifted at every state,
 * idle walk-aways; with {@code faults}, reader silence, garbage and unplug, paper out (the visit prints, and prints
 * again once the paper is back: a reprint) and cover open, and platform 5xx, 429,
 * slow answers beyond the limits, malformed and truncated bodies, expired sessions. A watcher samples the session
 * every 100 ms: a state that outlives its timeout by more than 5 s is a stuck state. The result is one JSON object.
 */
public final class Soak {

    /** What a soak measured. */
    public record Result(int visits, int crashes, int stuckStates, Map<String, Long> noticesByCode, long heapLiveStartMb,
                         long heapLiveEndMb, long rssStartMb, long rssEndMb, int threadsStart, int threadsEnd,
                         long visitP50Ms, long visitP95Ms, int platformSessionsLeftOpen, String privacyScan,
                         Map<String, Integer> privacyHits, List<String> problems, int reprints) {

        public String json() {
            StringBuilder n = new StringBuilder("{");
            noticesByCode.forEach((k, v) -> n.append(n.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            n.append('}');
            return "{\"visits\":" + visits + ",\"crashes\":" + crashes + ",\"stuckStates\":" + stuckStates
                    + ",\"noticesByCode\":" + n + ",\"heapLiveStartMb\":" + heapLiveStartMb + ",\"heapLiveEndMb\":"
                    + heapLiveEndMb + ",\"rssStartMb\":" + rssStartMb + ",\"rssEndMb\":" + rssEndMb + ",\"threadsStart\":"
                    + threadsStart + ",\"threadsEnd\":" + threadsEnd + ",\"visitP50Ms\":" + visitP50Ms
                    + ",\"visitP95Ms\":" + visitP95Ms + ",\"reprints\":" + reprints + ",\"platformSessionsLeftOpen\":" + platformSessionsLeftOpen + ",\"privacyScan\":\"" + privacyScan
                    + "\",\"privacyHits\":" + privacyHits.size() + "}";
        }
    }

    private static final String[] CARDS = {"610881197804120030", "610802198503150016", "61080219920708002X",
        "610802197009210058", "610824199512300066"};
    /** Short citizen timeouts, so walk-aways end in seconds (the bounds allow 3 s). */
    private static final Map<String, String> TIMEOUTS = Map.of(
            "session.timeout.showingRecord", "3", "session.timeout.choosingSubject", "3",
            "session.timeout.confirmingPrint", "3", "session.timeout.objecting", "3", "session.timeout.farewell", "3",
            "session.timeout.notice", "3", "session.timeout.showingVerification", "3");
    /** The reader's poll interval: the lowest the configuration allows, so a lifted card is seen soon. */
    private static final int POLL_MS = 300;
    /** Past the record's 3 s timeout. */
    private static final int WALK_AWAY_MS = 3600;
    private static final int PROGRESS_EVERY = Integer.getInteger("kiosk.soak.progressEvery", 250);

    private static final boolean TRACE = Boolean.getBoolean("kiosk.soak.trace");
    private final int visits;
    private final boolean faults;
    private final Random rnd;
    private final boolean screens;
    private final AtomicInteger crashes = new AtomicInteger();
    private final AtomicInteger stuck = new AtomicInteger();
    /** Prints that failed (paper out), then succeeded after the citizen touched "print again". */
    private final AtomicInteger reprints = new AtomicInteger();
    /** This visit's fault is a printer's: the visit prints. */
    private boolean printFault;
    private final Map<String, Long> notices = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private PlatformControl platform;

    /** Privacy scan after the visits: none, logs + heartbeats + files, or those and a heap dump. */
    public enum Privacy { NONE, FILES, HEAP }

    private Privacy privacy = Privacy.NONE;
    private boolean platformProcess;

    /** What the soak asks of the platform: the embedded demo server or a {@link PlatformProcess}. */
    interface PlatformControl {
        void injectNextFault(String spec);

        int openSessions();

        List<?> heartbeats();
    }

    /**
     * Runs the demo platform in a process of its own ({@link PlatformProcess}, FULL report quota lifted): the kiosk's
     * heap, live set and dump then hold only what the kiosk keeps.
     */
    public Soak platformProcess(boolean p) {
        this.platformProcess = p;
        return this;
    }

    public Soak privacy(Privacy p) {
        this.privacy = p;
        return this;
    }

    public Soak(int visits, boolean faults, long seed, boolean screens) {
        this.visits = visits;
        this.faults = faults;
        this.rnd = new Random(seed);
        this.screens = screens;
    }

    public Result run(Path dataDir) throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            crashes.incrementAndGet();
            problems.add("uncaught in " + t.getName() + ": " + e);
        });
        Map<String, String> values = new java.util.HashMap<>(TIMEOUTS);
        values.put("kiosk.dataDir", dataDir.toString());
        values.put("report.outputDir", dataDir.resolve("reports").toString());
        values.put("devices.idcard.pollIntervalMs", String.valueOf(POLL_MS));
        values.put("ui.fullScreen", "false");
        values.put("platform.readTimeoutMs", "1500");
        values.put("platform.callTimeoutMs", "3000");
        values.put("platform.probeIntervalS", "1");
        KioskSettings settings = new ConfigLoader().values(values, "soak").load();
        Map<SessionState, Duration> limits = new EnumMap<>(SessionState.class);
        for (SessionState s : SessionState.values()) {
            limits.put(s, settings.get(ConfigKeys.SESSION_TIMEOUTS.get(s)));
        }
        List<Long> durations = new ArrayList<>();
        PrivacyScan scan = privacy == Privacy.NONE ? null : new PrivacyScan();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "soak-watch"));
        KioskSources sources = DemoSources.open(settings);
        RemotePlatform remote = null;
        if (platformProcess) {
            try {
                remote = new RemotePlatform(settings.get(ConfigKeys.KIOSK_ID),
                        Path.of(sources.settings().get(ConfigKeys.PLATFORM_SECRET_FILE).orElseThrow()),
                        List.of("-Xmx256m", "-XX:+UseSerialGC"));
                sources = new KioskSources(sources.settings().with(Map.of(ConfigKeys.PLATFORM_URL.name(), remote.url()),
                        "soak platform process"), sources.reader(), sources.receipt(), sources.scanner(), sources.a4(),
                        sources.demo(), sources.resources());
            } catch (Exception e) {
                for (AutoCloseable r : sources.resources()) {
                    try {
                        r.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                Thread.setDefaultUncaughtExceptionHandler(before);
                throw e;
            }
        }
        try (RemotePlatform closeLast = remote; Kiosk kiosk = KioskAssembly.assemble(sources, Map.of())) {
            Stage stage = null;
            if (screens) {
                stage = FxToolkit.registerPrimaryStage();
                FxToolkit.setupStage(s -> {
                    KioskWindow.build(s, kiosk, new KioskNotices(), 1920, 1080);
                    // The demo panel (the demo's stand-in for the citizen's hands, labelled with the fixtures' names)
                    // is not one of the kiosk's screens and the soak drives the demo devices itself: without it the
                    // privacy scan sees only what the kiosk's own screens keep.
                    javafx.scene.Node panel = s.getScene().lookup("#demo-panel");
                    if (panel != null && panel.getParent() instanceof javafx.scene.layout.Pane p) {
                        p.getChildren().remove(panel);
                    }
                    s.show();
                });
                WaitForAsyncUtils.waitForFxEvents();
            }
            DemoDevices demo = kiosk.demo().orElseThrow();
            platform = remote != null ? remote : embedded(demo);
            var c = kiosk.controller();
            await(() -> c.view().state() == SessionState.ATTRACT, 30);
            c.addListener(v -> v.notice().ifPresent(n -> notices.merge(n.code(), 1L, Long::sum)));
            watch(watcher, kiosk, limits);
            // The privacy baseline before any citizen came: what the heap holds of the fixtures by itself (the demo's
            // card and code stand-ins, the embedded platform's fixtures, this harness).
            if (privacy == Privacy.HEAP) {
                scan.baseline(dataDir);
            }
            // warm up, then measure the starting point
            for (int i = 0; i < 5; i++) {
                visit(kiosk, demo, false);
            }
            long heapStart = liveHeapMb();
            long rssStart = rssMb();
            int threadsStart = Thread.activeCount();
            for (int i = 0; i < visits; i++) {
                long t0 = System.nanoTime();
                try {
                    visit(kiosk, demo, faults && rnd.nextInt(4) == 0);
                } catch (AssertionError e) {
                    problems.add("visit " + i + ": " + e.getMessage());
                    recover(kiosk, demo);
                }
                durations.add((System.nanoTime() - t0) / 1_000_000);
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    // a long soak tells how it goes, and what it measured so far survives an interrupted run
                    List<Long> sorted = new ArrayList<>(durations);
                    Collections.sort(sorted);
                    System.err.printf("soak progress: {\"visits\":%d,\"crashes\":%d,\"stuckStates\":%d,"
                            + "\"heapLiveMb\":%d,\"rssMb\":%d,\"threads\":%d,\"visitP50Ms\":%d,\"visitP95Ms\":%d,"
                            + "\"notices\":%d,\"at\":\"%s\"}%n", i + 1, crashes.get(), stuck.get(), liveHeapMb(), rssMb(),
                            Thread.activeCount(), percentile(sorted, 50), percentile(sorted, 95),
                            notices.values().stream().mapToLong(Long::longValue).sum(), java.time.Instant.now());
                }
                if (TRACE && i % 10 == 9) {
                    System.err.printf("soak: after %d visits live heap %d MB, RSS %d MB, threads %d%n", i + 1,
                            liveHeapMb(), rssMb(), Thread.activeCount());
                }
            }
            // A session the platform opened after the kiosk gave up waiting (an answer slower than the read limit)
            // stays open there until its TTL: the kiosk never learnt its token. Reported, not a kiosk fault.
            awaitQuiet(() -> platform.openSessions() == 0, 10);
            int orphaned = platform.openSessions();
            Thread.sleep(1000);
            // The slips the citizens took away are paper, not the kiosk's memory: the simulator forgets them.
            demo.receiptPrinter().takeSlips();
            Map<String, Integer> privacyHits = scan == null ? Map.of() : scan.scan(platform.heartbeats(),
                    List.of(dataDir, Path.of(System.getProperty("java.io.tmpdir"))), dataDir, privacy == Privacy.HEAP);
            if (scan != null) {
                scan.close();
            }
            long heapEnd = liveHeapMb();
            long rssEnd = rssMb();
            int threadsEnd = Thread.activeCount();
            if (stage != null) {
                FxToolkit.cleanupStages();
            }
            Collections.sort(durations);
            return new Result(visits, crashes.get(), stuck.get(), new TreeMap<>(notices), heapStart, heapEnd, rssStart,
                    rssEnd, threadsStart, threadsEnd, percentile(durations, 50), percentile(durations, 95), orphaned,
                    privacy.name(), new TreeMap<>(privacyHits), List.copyOf(problems), reprints.get());
        } finally {
            watcher.shutdownNow();
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    /** One random visit; with {@code fault}, one injected device or platform fault that is cleared afterwards. */
    private void visit(Kiosk kiosk, DemoDevices demo, boolean fault) throws Exception {
        var c = kiosk.controller();
        printFault = false;
        Runnable clear = fault ? injectFault(demo) : () -> { };
        int kind = rnd.nextInt(10);
        if (printFault) {
            kind = 3; // a printer fault is met by a visit that prints (and, after paper out, prints again)
        }
        long t0 = System.nanoTime();
        try {
            switch (kind) {
                case 0 -> listSearch(kiosk);
                case 1 -> appCode(kiosk, demo);
                case 2 -> verification(kiosk, demo);
                default -> cardVisit(kiosk, demo);
            }
        } finally {
            clear.run();
        }
        if (TRACE) {
            System.err.printf("soak: visit kind %d%s %d ms, now %s%n", kind, fault ? " (fault)" : "",
                    (System.nanoTime() - t0) / 1_000_000, c.view().state());
        }
        demo.remove();
        // The reader must see the card gone before the next one: two polls, as a person takes longer than that.
        Thread.sleep(2 * POLL_MS + 50);
        // every visit ends on the attract screen, by itself or by a touch on "finish"
        if (!awaitQuietMs(() -> c.view().state() == SessionState.ATTRACT, 300)) {
            c.submit(new SessionEvent.Finish());
        }
        await(() -> c.view().state() == SessionState.ATTRACT || c.view().state() == SessionState.OUT_OF_SERVICE, 30);
        if (c.view().state() == SessionState.OUT_OF_SERVICE) {
            // the platform faults tripped the breaker: the kiosk must come back by itself
            await(() -> c.view().state() == SessionState.ATTRACT, 60);
        }
        if (c.view().person().isPresent() || c.view().record().isPresent()) {
            problems.add("citizen data left after a visit");
        }
    }

    private void cardVisit(Kiosk kiosk, DemoDevices demo) throws Exception {
        var c = kiosk.controller();
        demo.placeNumber(CARDS[rnd.nextInt(CARDS.length)]);
        int liftAt = rnd.nextInt(8); // 0..5: lift the card at that step; else finish the visit
        if (printFault) {
            liftAt = 7;
        }
        if (liftAt == 0) {
            Thread.sleep(rnd.nextInt(600));
            return;
        }
        if (!awaitQuiet(() -> in(c.view(), SessionState.SHOWING_RECORD, SessionState.CHOOSING_SUBJECT, SessionState.NOTICE), 20)) {
            return;
        }
        if (c.view().state() == SessionState.CHOOSING_SUBJECT) {
            if (rnd.nextBoolean() || c.view().represents().isEmpty()) {
                c.submit(new SessionEvent.ChooseOwnRecord());
            } else {
                c.submit(new SessionEvent.ChooseOrganization(c.view().represents().get(0).uscc()));
            }
            awaitQuiet(() -> in(c.view(), SessionState.SHOWING_RECORD, SessionState.NOTICE), 20);
        }
        if (liftAt == 1 || c.view().state() != SessionState.SHOWING_RECORD) {
            return;
        }
        int action = rnd.nextInt(6);
        if (printFault) {
            action = 1;
        }
        if (action == 0) {
            Thread.sleep(WALK_AWAY_MS); // walk away: the record times out
            return;
        }
        if (action <= 2) {
            c.submit(new SessionEvent.RequestPrint());
            if (liftAt == 2) {
                return;
            }
            c.submit(new SessionEvent.ConfirmPrint());
            if (liftAt == 3) {
                Thread.sleep(rnd.nextInt(400));
                return;
            }
            awaitQuiet(() -> in(c.view(), SessionState.FAREWELL) || c.view().notice().isPresent(), 30);
            if (c.view().state() == SessionState.SHOWING_RECORD && c.view().notice()
                    .filter(n -> n instanceof org.creditkiosk.platform.Notice.PrintProblem p && p.reprintable()).isPresent()) {
                // the paper ran out: staff refill it, the citizen prints again from the record screen
                demo.reportPrinter().setFault(Optional.empty());
                c.submit(new SessionEvent.RequestPrint());
                c.submit(new SessionEvent.ConfirmPrint());
                awaitQuiet(() -> !in(c.view(), SessionState.SHOWING_RECORD, SessionState.CONFIRMING_PRINT), 5);
                if (awaitQuiet(() -> in(c.view(), SessionState.FAREWELL) || c.view().notice().isPresent(), 30)
                        && c.view().state() == SessionState.FAREWELL) {
                    reprints.incrementAndGet();
                }
            }
            return;
        }
        if (action == 3) {
            var items = c.view().record().map(r -> r.penalties()).orElse(List.of());
            if (!items.isEmpty()) {
                c.submit(new SessionEvent.StartObjection(items.get(0).itemId()));
                awaitQuiet(() -> in(c.view(), SessionState.OBJECTING), 5);
                if (liftAt == 4) {
                    return;
                }
                c.submit(new SessionEvent.SubmitObjection(new org.creditkiosk.platform.api.ObjectionRequest(
                        items.get(0).itemId(), Optional.empty(), "处罚决定书载明的日期与实际不符，请核实", "13800000000")));
                awaitQuiet(() -> c.view().objectionTicket().isPresent() || c.view().notice().isPresent(), 20);
            }
        }
        c.submit(new SessionEvent.Finish());
    }

    private void appCode(Kiosk kiosk, DemoDevices demo) throws Exception {
        int index = rnd.nextInt(Math.max(1, demo.codes().size() - 3));
        demo.scanCode(index);
        awaitQuiet(() -> in(kiosk.controller().view(), SessionState.SHOWING_RECORD, SessionState.CHOOSING_SUBJECT,
                SessionState.NOTICE), 20);
        kiosk.controller().submit(new SessionEvent.Finish());
    }

    private void verification(Kiosk kiosk, DemoDevices demo) throws Exception {
        int n = demo.codes().size();
        int index = n - 3 + rnd.nextInt(3); // the last report, a forged one, an unrelated code
        if (demo.codes().get(index).text().get().isEmpty()) {
            return; // no report printed yet
        }
        demo.scanCode(index);
        awaitQuiet(() -> in(kiosk.controller().view(), SessionState.SHOWING_VERIFICATION, SessionState.NOTICE), 20);
        kiosk.controller().submit(new SessionEvent.Finish());
    }

    private void listSearch(Kiosk kiosk) throws Exception {
        try {
            kiosk.publicLists().search(rnd.nextBoolean() ? "榆林" : "建设", Optional.empty(), 1, 10).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            notices.merge("LIST_SEARCH_FAILED", 1L, Long::sum); // a typed platform failure inside the future
        }
    }

    /** One fault; returns how to clear it. */
    private Runnable injectFault(DemoDevices demo) {
        IdCardReaderSimulator reader = demo.readerSimulator();
        EscPosPrinterSimulator receipt = demo.receiptPrinter();
        int pick = rnd.nextInt(12);
        // -Dkiosk.soak.onlyFault=N: every fault is number N of this switch (to reproduce one kind of fault)
        switch (Integer.getInteger("kiosk.soak.onlyFault", pick)) {
            case 0 -> reader.setFault(IdCardReaderSimulator.Fault.SILENCE);
            case 1 -> reader.setFault(IdCardReaderSimulator.Fault.GARBAGE_BEFORE_FRAMES);
            case 2 -> reader.setFault(IdCardReaderSimulator.Fault.LIFT_MID_READ);
            case 3 -> {
                demo.reportPrinter().setFault(Optional.of(PrintFailure.Code.PAPER_OUT));
                printFault = true;
            }
            case 4 -> {
                receipt.setFault(EscPosPrinterSimulator.Fault.COVER_OPEN);
                printFault = true;
            }
            case 5 -> platform.injectNextFault("status=503");
            case 6 -> platform.injectNextFault("RATE_LIMITED,status=429,retry=1");
            case 7 -> platform.injectNextFault("delay=2500");
            case 8 -> platform.injectNextFault("malformed");
            case 9 -> platform.injectNextFault("truncated");
            case 10 -> reader.unplug(); // the cable pulled: the driver's reopen plugs the simulator back in
            default -> platform.injectNextFault("SESSION_EXPIRED");
        }
        return () -> {
            reader.clearFaults();
            demo.reportPrinter().setFault(Optional.empty());
            receipt.setFault(EscPosPrinterSimulator.Fault.NONE);
        };
    }

    private void recover(Kiosk kiosk, DemoDevices demo) throws InterruptedException {
        demo.readerSimulator().clearFaults();
        demo.remove();
        kiosk.controller().submit(new SessionEvent.Finish());
        awaitQuiet(() -> kiosk.controller().view().state() == SessionState.ATTRACT, 60);
    }

    /** Samples the state; one that outlives its timeout by more than 5 s (same state and notice) is stuck. */
    private void watch(ScheduledExecutorService watcher, Kiosk kiosk, Map<SessionState, Duration> limits) {
        AtomicLong since = new AtomicLong(System.nanoTime());
        SessionView[] last = {kiosk.controller().view()};
        boolean[] counted = {false};
        watcher.scheduleAtFixedRate(() -> {
            SessionView v = kiosk.controller().view();
            if (v.state() != last[0].state() || !v.notice().equals(last[0].notice())
                    || v.person().isPresent() != last[0].person().isPresent()) {
                last[0] = v;
                since.set(System.nanoTime());
                counted[0] = false;
                return;
            }
            if (v.state() == SessionState.ATTRACT || v.state() == SessionState.OUT_OF_SERVICE) {
                return; // ATTRACT's timeout restarts itself; OUT_OF_SERVICE waits for the platform
            }
            long ms = (System.nanoTime() - since.get()) / 1_000_000;
            if (!counted[0] && ms > limits.get(v.state()).toMillis() + 5000) {
                counted[0] = true;
                stuck.incrementAndGet();
                problems.add("stuck in " + v.state() + " for " + ms + " ms");
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    private static boolean in(SessionView v, SessionState... states) {
        for (SessionState s : states) {
            if (v.state() == s) {
                return true;
            }
        }
        return false;
    }

    static long liveHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return -1;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        if (!awaitQuiet(condition, seconds)) {
            throw new AssertionError("condition not met within " + seconds + " s");
        }
    }

    private static boolean awaitQuiet(BooleanSupplier condition, int seconds) throws InterruptedException {
        return awaitQuietMs(condition, seconds * 1000L);
    }

    private static boolean awaitQuietMs(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static PlatformControl embedded(DemoDevices demo) {
        var server = demo.platform();
        return new PlatformControl() {
            @Override
            public void injectNextFault(String spec) {
                server.injectNextFault(spec);
            }

            @Override
            public int openSessions() {
                return server.openSessions();
            }

            @Override
            public List<?> heartbeats() {
                return server.heartbeats();
            }
        };
    }
}
