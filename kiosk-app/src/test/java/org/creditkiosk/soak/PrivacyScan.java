package org.creditkiosk.soak;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.platform.api.Json;
import org.slf4j.LoggerFactory;

/**
 * Privacy at scale (issue 14 item 4): every fixture citizen's name, identity number and address is looked for in
 * every log line written during the soak (all levels), in every heartbeat the platform received, in the files of the
 * data and temp folders written since the start, and in a heap dump after the visits, beyond the copies the heap
 * held before the first visit (the demo platform and its fixtures live in the same JVM, so they are the baseline).
 */
public final class PrivacyScan implements AutoCloseable {

    private final Set<String> secrets = new LinkedHashSet<>();
    /** Log lines are checked as they are written (a long soak writes millions); only the hit counts are kept. */
    private final java.util.concurrent.atomic.AtomicInteger logHits = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong logLines = new java.util.concurrent.atomic.AtomicLong();
    private final AppenderBase<ILoggingEvent> rootAppender;
    private final AppenderBase<ILoggingEvent> kioskAppender;
    private final ch.qos.logback.classic.Level kioskLevel;
    private final long startMillis = System.currentTimeMillis();
    private Map<String, Integer> heapBaseline = Map.of();

    public PrivacyScan() {
        for (var c : DemoFixtures.load().cards()) {
            secrets.add(c.name());
            secrets.add(c.idNumber());
            c.address().filter(a -> a.length() >= 6).ifPresent(secrets::add);
        }
        rootAppender = scanner(false);
        kioskAppender = scanner(true);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(rootAppender);
        // Every level of the kiosk's own loggers, whatever the configuration says, scanned here only: the console
        // keeps their warnings (echoed by the scanner) without the TRACE lines of ten thousand visits.
        Logger kioskLogger = (Logger) LoggerFactory.getLogger("org.creditkiosk");
        kioskLevel = kioskLogger.getLevel();
        kioskLogger.setLevel(ch.qos.logback.classic.Level.TRACE);
        kioskLogger.setAdditive(false);
        kioskLogger.addAppender(kioskAppender);
    }

    private AppenderBase<ILoggingEvent> scanner(boolean echoWarnings) {
        AppenderBase<ILoggingEvent> a = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage());
                logLines.incrementAndGet();
                for (String s : secrets) {
                    if (line.contains(s)) {
                        logHits.incrementAndGet();
                    }
                }
                if (echoWarnings && e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) {
                    System.err.println(java.time.LocalTime.now() + " " + e.getLevel() + " [" + e.getThreadName() + "] "
                            + e.getLoggerName() + " - " + line);
                }
            }
        };
        a.start();
        return a;
    }

    /** Counts the heap's copies before the first visit (the fixtures' own). */
    public void baseline(Path dir) throws IOException {
        heapBaseline = heapHits(dir.resolve("heap-before.hprof"));
    }

    /** Hits by where they were found; empty means nothing personal was left anywhere. */
    public Map<String, Integer> scan(List<?> heartbeats, List<Path> folders, Path dir, boolean heap) throws IOException {
        Map<String, Integer> hits = new TreeMap<>();
        if (logHits.get() > 0) {
            hits.put("log", logHits.get());
        }
        String beats = Json.mapper().writeValueAsString(heartbeats);
        secrets.stream().filter(beats::contains).forEach(s -> hits.merge("heartbeat", 1, Integer::sum));
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).filter(this::writtenSinceStart)
                        .filter(f -> !f.getFileName().toString().endsWith(".hprof")).toList()) {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(f);
                    } catch (IOException e) {
                        continue; // a file another process holds or removed meanwhile
                    }
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    for (String s : secrets) {
                        if (text.contains(s)) {
                            hits.merge("file " + f, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        if (!heap) {
            return hits;
        }
        Map<String, Integer> after = heapHits(dir.resolve("heap-after.hprof"));
        after.forEach((s, n) -> {
            int extra = n - heapBaseline.getOrDefault(s, 0);
            if (extra > 0) {
                hits.merge("heap", extra, Integer::sum);
                // which fixture it was, without printing it: its masked form and length
                hits.put("heap: " + org.creditkiosk.device.idcard.IdNumbers.mask(s) + " (" + s.length() + " chars) "
                        + heapBaseline.getOrDefault(s, 0) + " -> " + n, extra);
            }
        });
        return hits;
    }

    /** Log lines scanned so far (every level of the kiosk's loggers). */
    public long logLines() {
        return logLines.get();
    }

    public int secrets() {
        return secrets.size();
    }

    private boolean writtenSinceStart(Path f) {
        try {
            return Files.getLastModifiedTime(f).compareTo(FileTime.fromMillis(startMillis)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Occurrences of each secret in a live-object heap dump, as Latin-1 (compact strings), UTF-16 and UTF-8. */
    private Map<String, Integer> heapHits(Path file) throws IOException {
        Files.deleteIfExists(file);
        System.err.println("privacy scan: heap dump " + file);
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        // Mapped, not read: the dump can be larger than the heap the kiosk runs with.
        java.nio.MappedByteBuffer heap;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            heap = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ch.size());
        }
        Map<String, Integer> out = new TreeMap<>();
        for (String s : secrets) {
            List<byte[]> forms = new ArrayList<>();
            forms.add(s.getBytes(StandardCharsets.UTF_16LE));
            forms.add(s.getBytes(StandardCharsets.UTF_8));
            if (s.chars().allMatch(ch -> ch < 256)) {
                forms.add(s.getBytes(StandardCharsets.ISO_8859_1));
            }
            int n = 0;
            for (byte[] f : new LinkedHashSet<>(forms.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList())
                    .stream().map(x -> x.getBytes(StandardCharsets.ISO_8859_1)).toList()) {
                n += count(heap, f);
            }
            out.put(s, n);
        }
        String keep = System.getProperty("kiosk.soak.keepHeapDump", "");
        if (keep.isEmpty()) {
            Files.delete(file);
        } else {
            // kept on request, to find who holds a hit (docs/benchmarks.md: HeapWho)
            Files.move(file, Path.of(keep + "-" + file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    private static int count(java.nio.ByteBuffer hay, byte[] needle) {
        int n = 0;
        int limit = hay.limit() - needle.length;
        byte first = needle[0];
        outer:
        for (int i = 0; i <= limit; i++) {
            if (hay.get(i) != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(rootAppender);
        Logger kioskLogger = (Logger) LoggerFactory.getLogger("org.creditkiosk");
        kioskLogger.detachAppender(kioskAppender);
        kioskLogger.setAdditive(true);
        kioskLogger.setLevel(kioskLevel);
    }
}
