package org.creditkiosk.ops;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.platform.api.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UPLOAD_LOGS (issue 12, contract 1.1 {@code uploadLogs}): the kiosk's recent log lines, oldest first, gzip, at most
 * 5 MiB; when they do not fit, the oldest lines are cut and the newest kept. Logs hold masked identifiers only, but
 * before anything leaves the kiosk every line is checked again: a line with an unmasked identity number, a mobile
 * phone number or a USCC-shaped code (which may be a person's, e.g. an individual business's) is dropped and counted,
 * and the counts are in the command result. The files are those logback writes ({@code config/logback.xml}):
 * {@code kiosk.log} and the rolled {@code kiosk.<date>.<n>.log.gz}.
 */
public final class LogUpload {

    private static final Logger log = LoggerFactory.getLogger(LogUpload.class);

    public static final int MAX_GZIP = 5 * 1024 * 1024;
    /** At most this much raw text is read, newest files first (bounds memory on a kiosk with weeks of logs). */
    private static final long MAX_RAW = 48L * 1024 * 1024;

    static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
    static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    static final Pattern USCC = Pattern.compile("(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])");

    private final Path logDir;
    private final PlatformOps platform;

    public LogUpload(Path logDir, PlatformOps platform) {
        this.logDir = Objects.requireNonNull(logDir);
        this.platform = Objects.requireNonNull(platform);
    }

    /** The folder logback writes to: {@code -Dkiosk.logDir} (the launcher sets it), else logback's own default. */
    public static Path defaultLogDir() {
        return Optional.ofNullable(System.getProperty("kiosk.logDir")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".local", "state", "credit-kiosk", "log"));
    }

    /** What a check of the lines found and what was sent. */
    public record Outcome(int linesSent, int gzipBytes, int files, int idNumbers, int phones, int usccCodes, int cut) {

        public int dropped() {
            return idNumbers + phones + usccCodes;
        }

        String detail() {
            return "uploaded " + linesSent + " lines (" + gzipBytes + " bytes gzip) from " + files + " file(s); dropped "
                    + dropped() + " line(s) with personal data (identity numbers " + idNumbers + ", phone numbers " + phones
                    + ", USCC-shaped codes " + usccCodes + "); " + cut + " oldest line(s) cut to fit 5 MiB";
        }
    }

    /** Reads, checks, compresses and uploads; the result for {@code reportCommandResult}. */
    public CommandResult upload(String commandId) {
        try {
            List<Path> files = files();
            if (files.isEmpty()) {
                return new CommandResult(CommandResult.Outcome.FAILED, Optional.of("no log files in " + logDir));
            }
            Prepared p = prepare(files);
            platform.uploadLogs(commandId, p.gzip());
            log.info("logs uploaded for command {}: {}", commandId, p.outcome().detail());
            return new CommandResult(CommandResult.Outcome.DONE, Optional.of(p.outcome().detail()));
        } catch (PlatformException | IOException e) {
            log.warn("logs not uploaded: {}", e.getMessage());
            return new CommandResult(CommandResult.Outcome.FAILED, Optional.of("logs not uploaded: " + e.getMessage()));
        }
    }

    record Prepared(byte[] gzip, Outcome outcome) {
    }

    /** The log files, oldest first: rolled ones by date and index, then the current {@code kiosk.log}. */
    List<Path> files() throws IOException {
        if (!Files.isDirectory(logDir)) {
            return List.of();
        }
        List<Path> rolled;
        try (Stream<Path> s = Files.list(logDir)) {
            rolled = s.filter(p -> p.getFileName().toString().matches("kiosk\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log(\\.gz)?"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().split("\\.")[1])
                            .thenComparingInt(p -> Integer.parseInt(p.getFileName().toString().split("\\.")[2])))
                    .toList();
        }
        List<Path> out = new ArrayList<>(rolled);
        if (Files.isRegularFile(logDir.resolve("kiosk.log"))) {
            out.add(logDir.resolve("kiosk.log"));
        }
        return out;
    }

    Prepared prepare(List<Path> oldestFirst) throws IOException {
        Deque<String> lines = new ArrayDeque<>();
        long raw = 0;
        int files = 0;
        int ids = 0;
        int phones = 0;
        int usccs = 0;
        for (int i = oldestFirst.size() - 1; i >= 0 && raw < MAX_RAW; i--) {
            files++;
            List<String> fileLines = read(oldestFirst.get(i));
            for (int j = fileLines.size() - 1; j >= 0 && raw < MAX_RAW; j--) {
                String line = fileLines.get(j);
                if (ID_NUMBER.matcher(line).find()) {
                    ids++;
                } else if (PHONE.matcher(line).find()) {
                    phones++;
                } else if (USCC.matcher(line).find()) {
                    usccs++;
                } else {
                    lines.addFirst(line);
                    raw += line.length() + 1;
                }
            }
        }
        List<String> kept = new ArrayList<>(lines);
        int from = 0;
        byte[] gz = gzip(kept, from);
        while (gz.length > MAX_GZIP && from < kept.size()) {
            double keepShare = (MAX_GZIP * 0.97) / gz.length;
            int remaining = kept.size() - from;
            from += Math.max(1, (int) (remaining * (1 - keepShare)));
            gz = gzip(kept, Math.min(from, kept.size()));
        }
        from = Math.min(from, kept.size());
        return new Prepared(gz, new Outcome(kept.size() - from, gz.length, files, ids, phones, usccs, from));
    }

    private static List<String> read(Path file) throws IOException {
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    private static byte[] gzip(List<String> lines, int from) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = from; i < lines.size(); i++) {
                gz.write(lines.get(i).getBytes(StandardCharsets.UTF_8));
                gz.write('\n');
            }
        }
        return bytes.toByteArray();
    }

    /** Whether a line would be dropped (tests, and the log privacy check). */
    static boolean personal(String line) {
        Matcher m = ID_NUMBER.matcher(line);
        return m.find() || PHONE.matcher(line).find() || USCC.matcher(line).find();
    }
}
