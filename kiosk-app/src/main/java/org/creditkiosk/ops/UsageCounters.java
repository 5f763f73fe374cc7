package org.creditkiosk.ops;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.creditkiosk.config.AtomicFiles;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.creditkiosk.session.SessionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage counters named by contract 1.1 ({@code Heartbeat.counters}) that the heartbeat's own counts do not cover:
 * {@code sessionsCard}, {@code sessionsApp}, {@code verifications}, {@code objections}, {@code listSearches}. Counted
 * in one place (the session's views, the events the device intake sends, the list search), never personal data,
 * kept in {@code <data dir>/usage-counters.properties} (written atomically at each count) until a heartbeat that
 * carried them is accepted, so they survive a restart.
 */
public final class UsageCounters implements HeartbeatCounters, Consumer<SessionView> {

    public static final String FILE = "usage-counters.properties";
    static final List<String> KEYS = List.of("sessionsCard", "sessionsApp", "verifications", "objections", "listSearches");

    private static final Logger log = LoggerFactory.getLogger(UsageCounters.class);

    private final Path file;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private SessionState last = SessionState.ATTRACT;
    private boolean ticketSeen;
    private String lastWay = "sessionsCard";

    public UsageCounters(Path dataDir) {
        this.file = dataDir.resolve(FILE);
        KEYS.forEach(k -> counts.put(k, 0L));
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

    /** A public list search was asked for. */
    public void listSearch() {
        add("listSearches");
    }

    @Override
    public void accept(SessionView v) {
        String counted = null;
        synchronized (this) {
            if (v.state() != last) {
                if (v.state() == SessionState.AUTHENTICATING) {
                    counted = lastWay;
                } else if (v.state() == SessionState.VERIFYING) {
                    counted = "verifications";
                }
                last = v.state();
            }
            if (v.objectionTicket().isPresent() && !ticketSeen) {
                ticketSeen = true;
                add("objections");
            } else if (v.objectionTicket().isEmpty()) {
                ticketSeen = false;
            }
        }
        if (counted != null) {
            add(counted);
        }
    }

    private synchronized void add(String key) {
        counts.merge(key, 1L, Long::sum);
        save();
    }

    @Override
    public synchronized Map<String, Long> counted() {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.forEach((k, n) -> {
            if (n > 0) {
                m.put(k, n);
            }
        });
        return m;
    }

    @Override
    public synchronized void reported(Map<String, Long> sent) {
        sent.forEach((k, n) -> counts.computeIfPresent(k, (key, have) -> Math.max(0, have - n)));
        save();
    }

    private void load() {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            for (String k : KEYS) {
                counts.put(k, Math.max(0, Long.parseLong(p.getProperty(k, "0"))));
            }
        } catch (NoSuchFileException e) {
            // nothing counted yet
        } catch (IOException | NumberFormatException e) {
            log.warn("{} cannot be read ({}); usage counts start again from zero", file, e.toString());
        }
    }

    private void save() {
        Properties p = new Properties();
        counts.forEach((k, n) -> p.setProperty(k, Long.toString(n)));
        try {
            StringWriter w = new StringWriter();
            p.store(w, "usage counts not yet reported in an accepted heartbeat (contract 1.1 counters); no personal data");
            AtomicFiles.write(file, w.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("usage counts cannot be saved ({}); kept in memory", e.toString());
        }
    }
}
