package org.creditkiosk.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.creditkiosk.config.BundleStore;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.SignedConfig;
import org.creditkiosk.config.TrustedKeys;
import org.creditkiosk.config.VersionFloor;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RELOAD_CONFIG: fetch the newest bundle, verify it ({@link SignedConfig#verify}: among the rest, a version above the
 * {@link VersionFloor}, not merely above the running one, and an {@code issuedAt} not in the future of
 * {@code clock}), store it atomically, raise the floor to it, and let the kiosk restart into it when idle. A bundle
 * that fails any check is refused with its reason and a technician log line; the running configuration stays in
 * force. This works the same when the stored bundle was refused at start ({@link KioskSettings#bundleRefusal()}):
 * a valid newer bundle is how administrators bring such a kiosk back.
 */
public final class ConfigReload {

    private static final Logger log = LoggerFactory.getLogger(ConfigReload.class);

    /** One reload at a time per process: the floor is read, checked and raised as one step. */
    private static final Object LOCK = new Object();

    private final PlatformOps platform;
    private final KioskSettings settings;
    private final Clock clock;

    public ConfigReload(PlatformOps platform, KioskSettings settings) {
        this(platform, settings, Clock.systemUTC());
    }

    public ConfigReload(PlatformOps platform, KioskSettings settings, Clock clock) {
        this.platform = Objects.requireNonNull(platform);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    public RemoteActions.Reload run() {
        Optional<String> keys = settings.get(ConfigKeys.TRUSTED_KEYS_FILE);
        if (keys.isEmpty()) {
            return rejected("no trusted administrator keys are configured (config.trustedKeysFile)");
        }
        try {
            ConfigAnswer answer = platform.getKioskConfig(Optional.empty());
            if (answer.bundle().isEmpty()) {
                return new RemoteActions.Reload(result(CommandResult.Outcome.DONE, "the platform has no configuration bundle"), false);
            }
            Path dataDir = ConfigLoader.dataDir(settings);
            VersionFloor floor = new VersionFloor(dataDir);
            synchronized (LOCK) {
                long highest = floor.read();
                SignedConfig.Verdict v = SignedConfig.verify(answer.bundle().get(), TrustedKeys.load(Path.of(keys.get())),
                        settings.get(ConfigKeys.KIOSK_ID), highest, clock.instant());
                if (v instanceof SignedConfig.Rejected r) {
                    log.error("configuration bundle refused ({}): {}; the running configuration v{} stays in force",
                            r.code(), r.detail(), settings.configVersion());
                    return rejected(r.code() + ": " + r.detail());
                }
                SignedConfig.Accepted a = (SignedConfig.Accepted) v;
                // bundle first, then the floor: if the kiosk stops in between, the stored bundle is above the floor,
                // refused at start as NOT_RECORDED, and the same bundle is accepted again by the next RELOAD_CONFIG
                new BundleStore(dataDir).write(answer.bundle().get());
                floor.raise(a.version());
                log.info("configuration bundle v{} accepted and stored (floor raised from v{}); the kiosk restarts into it when idle",
                        a.version(), highest);
                return new RemoteActions.Reload(result(CommandResult.Outcome.DONE,
                        "configuration v" + a.version() + " stored; restarting when no visit is in progress"
                                + (a.unknownKeys().isEmpty() ? "" : "; unknown keys ignored: " + String.join(", ", a.unknownKeys()))),
                        true);
            }
        } catch (PlatformException | IOException e) {
            log.warn("configuration reload failed: {}", e.getMessage());
            return new RemoteActions.Reload(result(CommandResult.Outcome.FAILED, e.getMessage()), false);
        }
    }

    private static RemoteActions.Reload rejected(String detail) {
        return new RemoteActions.Reload(result(CommandResult.Outcome.REJECTED, detail), false);
    }

    private static CommandResult result(CommandResult.Outcome outcome, String detail) {
        String d = detail == null ? "" : detail;
        return new CommandResult(outcome, Optional.of(d.length() > 500 ? d.substring(0, 500) : d));
    }
}
