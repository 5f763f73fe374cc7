package org.creditkiosk.printing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What CUPS says about one queue and its jobs, read with the CUPS command-line tools ({@code lpstat}, {@code cancel})
 * in the C locale. javax.print exposes only "accepting jobs" and a job count for CUPS queues, not whether the
 * queue is stopped, why ({@code printer-state-reasons}: media-empty, cover-open, offline-report ...), or a job's
 * state; {@code lpstat} does. Every call has a timeout; when the tools are missing the answers are empty ("unknown").
 */
final class CupsQueue {

    /** The state of a queue as {@code lpstat -l -p} and {@code lpstat -a} report it. */
    record State(boolean enabled, boolean accepting, Set<String> reasons, String message) {
    }

    private final String queue;
    private final Duration timeout;

    CupsQueue(String queue, Duration timeout) {
        this.queue = queue;
        this.timeout = timeout;
    }

    static boolean toolsAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/lpstat")) || Files.isExecutable(Path.of("/bin/lpstat"));
    }

    /** Empty when CUPS cannot be asked; {@code exists == false} is reported as empty too (lpstat fails). */
    Optional<State> state() {
        Optional<List<String>> p = run("lpstat", "-l", "-p", queue);
        Optional<List<String>> a = run("lpstat", "-a", queue);
        if (p.isEmpty() || p.get().isEmpty()) {
            return Optional.empty();
        }
        String first = p.get().get(0);
        boolean enabled = !first.contains(" disabled");
        Set<String> reasons = new LinkedHashSet<>();
        String message = "";
        for (int i = 1; i < p.get().size(); i++) {
            String line = p.get().get(i).trim();
            if (line.startsWith("Alerts:")) {
                Arrays.stream(line.substring("Alerts:".length()).trim().split("[ ,]+"))
                        .filter(s -> !s.isEmpty() && !s.equals("none"))
                        .forEach(reasons::add);
            } else if (i == 1 && first.endsWith("-")) {
                message = line;   // "disabled since <date> -" is followed by the text given to cupsdisable -r
            }
        }
        boolean accepting = a.map(lines -> lines.stream().noneMatch(l -> l.contains("not accepting"))).orElse(true);
        return Optional.of(new State(enabled, accepting, reasons, message));
    }

    /** Job ids of this queue, e.g. {@code KioskPDF-12}: {@code which} is "not-completed", "completed" or "all". */
    Set<String> jobs(String which) {
        Set<String> ids = new LinkedHashSet<>();
        run("lpstat", "-W", which, "-o", queue).ifPresent(lines -> lines.forEach(l -> {
            String[] parts = l.trim().split("\\s+");
            if (parts.length > 0 && parts[0].startsWith(queue + "-")) {
                ids.add(parts[0]);
            }
        }));
        return ids;
    }

    /**
     * Cancels a job and purges its files ({@code cancel -x}): the spooled report is deleted with the job, not kept
     * for a reprint (with {@code PreserveJobFiles No} in cupsd.conf, set by the package, no job file outlives its job).
     */
    void cancel(String jobId) {
        run("cancel", "-x", jobId);
    }

    private Optional<List<String>> run(String... cmd) {
        if (!toolsAvailable()) {
            return Optional.empty();
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("LC_ALL", "C");
            pb.environment().put("LANG", "C");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                return Optional.empty();
            }
            List<String> lines = new ArrayList<>(new String(out, StandardCharsets.UTF_8).lines().toList());
            return Optional.of(lines);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Maps CUPS printer-state-reasons to our codes (RFC 8011 §5.4.12 keywords, without -error/-warning/-report). */
    static Optional<PrintFailure.Code> faultOf(Set<String> reasons) {
        for (String r : reasons) {
            if (r.endsWith("-warning")) {
                continue;   // e.g. media-low-warning: prints, staff see it on the maintenance screen
            }
            String k = r.toLowerCase(Locale.ROOT).replaceAll("-(error|warning|report)$", "");
            if (k.equals("media-empty") || k.equals("media-needed")) {
                return Optional.of(PrintFailure.Code.PAPER_OUT);
            }
            if (k.equals("cover-open") || k.equals("door-open") || k.equals("interlock-open")) {
                return Optional.of(PrintFailure.Code.COVER_OPEN);
            }
            if (k.equals("offline") || k.equals("shutdown")) {
                return Optional.of(PrintFailure.Code.OFFLINE);
            }
        }
        return Optional.empty();
    }
}
