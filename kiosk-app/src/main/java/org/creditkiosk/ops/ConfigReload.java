package org.creditkiosk.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigTrial;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.SignedConfig;
import org.creditkiosk.config.TrustedKeys;
import org.creditkiosk.config.VersionFloor;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformOps;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigAnswer;
import org.creditkiosk.platform.api.ConfigBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RELOAD_CONFIG: fetch the newest bundle, verify it ({@link SignedConfig#verify}: among the rest, a version above the
 * {@link VersionFloor}, not merely above the running one, and an {@code issuedAt} not in the future of
 * {@code clock}), put it on trial ({@link ConfigTrial}: stored atomically beside the last good bundle; the floor is
 * raised when the kiosk proves healthy on it, see {@link ConfigRollout}), and let the kiosk restart into it when idle. A bundle
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

    /** RELOAD_CONFIG: fetch the newest bundle (without If-None-Match) and {@link #offer} it. */
    public RemoteActions.Reload run() {
        try {
            ConfigAnswer answer = platform.getKioskConfig(Optional.empty());
            if (answer.bundle().isEmpty()) {
                return new RemoteActions.Reload(result(CommandResult.Outcome.DONE, "the platform has no configuration bundle"), false);
            }
            return offer(answer.bundle().get());
        } catch (PlatformException e) {
            log.warn("configuration reload failed: {}", e.getMessage());
            return new RemoteActions.Reload(result(CommandResult.Outcome.FAILED, e.getMessage()), false);
        }
    }

    /**
     * A bundle the platform offers (RELOAD_CONFIG or the rollout's poll): verified against the highest version this
     * kiosk accepted or has on trial, refused when its version failed the health gate before, else put on trial
     * ({@link ConfigTrial#stage}); the kiosk restarts into it when idle and the health gate decides whether it stays.
     */
    public RemoteActions.Reload offer(ConfigBundle bundle) {
        Optional<String> keys = settings.get(ConfigKeys.TRUSTED_KEYS_FILE);
        if (keys.isEmpty()) {
            return rejected("no trusted administrator keys are configured (config.trustedKeysFile)");
        }
        try {
            Path dataDir = ConfigLoader.dataDir(settings);
            VersionFloor floor = new VersionFloor(dataDir);
            ConfigTrial trial = new ConfigTrial(dataDir);
            synchronized (LOCK) {
                long accepted = floor.read();
                ConfigTrial.State state = trial.read();
                long highest = Math.max(accepted, state.trialVersion());
                SignedConfig.Verdict v = SignedConfig.verify(bundle, TrustedKeys.load(Path.of(keys.get())),
                        settings.get(ConfigKeys.KIOSK_ID), highest, clock.instant());
                if (v instanceof SignedConfig.Accepted a && a.version() <= state.failedVersion()) {
                    v = new SignedConfig.Rejected("FAILED_HEALTH_GATE", "bundle v" + a.version() + " is not newer than v"
                            + state.failedVersion() + ", which failed the health gate (" + state.failedReason()
                            + "); sign a higher version");
                }
                if (v instanceof SignedConfig.Rejected r) {
                    log.error("configuration bundle refused ({}): {}; the running configuration v{} stays in force",
                            r.code(), r.detail(), settings.configVersion());
                    return rejected(r.code() + ": " + r.detail());
                }
                SignedConfig.Accepted a = (SignedConfig.Accepted) v;
                trial.stage(bundle, a.version());
                log.info("configuration bundle v{} accepted and put on trial (last good v{}); the kiosk restarts into it when idle",
                        a.version(), accepted);
                return new RemoteActions.Reload(result(CommandResult.Outcome.DONE,
                        "configuration v" + a.version() + " on trial; restarting into it when no visit is in progress"
                                + (a.unknownKeys().isEmpty() ? "" : "; unknown keys ignored: " + String.join(", ", a.unknownKeys()))),
                        true);
            }
        } catch (IOException e) {
            log.warn("configuration bundle cannot be stored: {}", e.getMessage());
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
