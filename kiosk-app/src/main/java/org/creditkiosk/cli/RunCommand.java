package org.creditkiosk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.assembly.Check;
import org.creditkiosk.assembly.DemoSources;
import org.creditkiosk.assembly.HallSources;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.assembly.KioskAssembly;
import org.creditkiosk.assembly.KioskSources;
import org.creditkiosk.assembly.Preflight;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigTrial;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.ui.KioskApplication;
import org.creditkiosk.ui.KioskIdentity;
import org.creditkiosk.ui.KioskNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * Starting the kiosk itself: {@code kiosk} with the hall's sources, {@code kiosk demo} with the demo's. Both pass the
 * same start checks before any device or the platform is opened; {@code kiosk} never falls back to demo.
 */
public final class RunCommand {

    /** Exit code when the configuration or the start checks refuse (systemd: RestartPreventExitStatus=2). */
    public static final int REFUSED = 2;
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private RunCommand() {
    }

    /** Opens the kiosk UI and blocks until it exits; returns the process exit code. */
    static int start(boolean demo) {
        // -Dkiosk.bench.lateToolkit=true: the start-up before issue 11 (JavaFX launched after the assembly), for
        // packaging/bench/startup.sh's "before".
        if (Boolean.getBoolean("kiosk.bench.lateToolkit")) {
            return start(demo, System.getenv(), System.err, kiosk -> {
                BenchVisits.startIfAsked(kiosk);
                KioskApplication.run(kiosk, new KioskNotices());
            });
        }
        return start(demo, System.getenv(), System.err, KioskApplication.startToolkit(), () -> { },
                BenchVisits::startIfAsked); // packaging/bench/startup.sh only (-Dkiosk.bench.visits)
    }

    /**
     * The start with its starting screen (start-up speed, issue 11). The JavaFX runtime and the fonts are already
     * coming up (Main started them first thing). The configuration is read and the attract screen drawn, saying the
     * kiosk is getting ready; only then ({@code drawn} runs) are the sources opened, the start checks run and the
     * kiosk assembled, while the screen is up; {@code assembled} runs before the screen is connected to the kiosk.
     * Blocks until the kiosk's stage is closed; returns the exit code.
     */
    static int start(boolean demo, Map<String, String> env, PrintStream err, KioskApplication.Toolkit fx,
            Runnable drawn, java.util.function.Consumer<Kiosk> assembled) {
        KioskSettings settings;
        try {
            settings = settings(env, err);
        } catch (Refused r) {
            return REFUSED; // nothing shown yet
        }
        KioskNotices notices = new KioskNotices();
        KioskApplication.Starting starting = fx.showStarting(KioskIdentity.of(settings),
                settings.get(ConfigKeys.UI_FULL_SCREEN), notices);
        starting.awaitDrawn(Duration.ofSeconds(5));
        drawn.run();
        int code = start(demo, settings, env, err, kiosk -> {
            assembled.accept(kiosk);
            fx.run(kiosk, notices, starting);
        });
        if (code != 0) {
            fx.abandon(starting); // refused or failed: the starting screen closes, the exit code tells systemd why
        }
        return code;
    }

    /** The screens, given a started kiosk (blocks until the application exits). */
    @FunctionalInterface
    interface Screens {
        void show(Kiosk kiosk);
    }

    static int start(boolean demo, Map<String, String> env, PrintStream err, Screens screens) {
        try {
            return start(demo, settings(env, err), env, err, screens);
        } catch (Refused r) {
            return REFUSED;
        }
    }

    private static int start(boolean demo, KioskSettings settings, Map<String, String> env, PrintStream err,
            Screens screens) {
        KioskSources sources;
        try {
            sources = sources(demo, settings, env, err);
        } catch (Refused r) {
            return REFUSED;
        } catch (IOException e) {
            err.println("kiosk: cannot start: " + e.getMessage());
            log.error("cannot start: {}", e.toString());
            return 1;
        }
        try (Kiosk kiosk = KioskAssembly.assemble(sources, env)) {
            screens.show(kiosk);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("kiosk: cannot start: " + e.getMessage());
            log.error("cannot start: {}", e.toString());
            return 1;
        }
    }

    /**
     * The sources (demo or hall) of the configuration and the start checks: every problem is one line on {@code err}
     * and in the log, and the kiosk is refused before any device or the platform is opened (the starting screen,
     * drawn from the configuration alone, closes again).
     */
    private static KioskSources sources(boolean demo, KioskSettings settings, Map<String, String> env, PrintStream err)
            throws IOException, Refused {
        KioskSources sources = demo ? DemoSources.open(settings) : HallSources.of(settings);
        List<Check> checks = Preflight.check(sources.settings(), env, Clock.systemUTC());
        if (Check.anyFailed(checks) && settings.onTrial()) {
            // The new bundle breaks the start (exit 2 would keep the kiosk down for good): it fails its trial and the
            // kiosk starts on the last good configuration.
            String failed = checks.stream().filter(Check::failed).map(c -> c.name() + ": " + c.detail())
                    .collect(java.util.stream.Collectors.joining("; "));
            err.println("kiosk: configuration v" + settings.configVersion() + " on trial refused by the start checks ("
                    + failed + "); starting on the last good configuration");
            new ConfigTrial(ConfigLoader.dataDir(settings)).fail("start checks failed: " + failed);
            closeAll(sources);
            settings = settings(env, err);
            sources = demo ? DemoSources.open(settings) : HallSources.of(settings);
            checks = Preflight.check(sources.settings(), env, Clock.systemUTC());
        }
        for (Check c : checks) {
            if (c.status() == Check.Status.WARN) {
                err.println("kiosk: warning: " + c.name() + ": " + c.detail());
                log.warn("start check {}: {}", c.name(), c.detail());
            }
        }
        if (Check.anyFailed(checks)) {
            for (Check c : checks) {
                if (c.failed()) {
                    err.println("kiosk: refusing to start: " + c.name() + ": " + c.detail());
                    log.error("start check {} failed: {}", c.name(), c.detail());
                }
            }
            err.println("kiosk: run 'kiosk doctor' for the whole picture");
            closeAll(sources);
            throw new Refused();
        }
        return sources;
    }

    private static KioskSettings settings(Map<String, String> env, PrintStream err) throws Refused {
        try {
            return ConfigLoader.forKioskStart(KioskHome.path(), Optional.ofNullable(env.get("KIOSK_CONFIG")).map(Path::of), env,
                    Clock.systemUTC());
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("kiosk: invalid configuration: " + p));
            log.error("configuration rejected: {}", e.getMessage());
            throw new Refused();
        }
    }

    private static void closeAll(KioskSources sources) {
        for (AutoCloseable c : sources.resources()) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** The configuration or the start checks refused; the lines are already printed. */
    public static final class Refused extends Exception {
        Refused() {
            super("refused", null, false, false);
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Open the kiosk in demo mode: simulated devices, embedded demo platform, bundled fonts.")
    public static final class Demo implements Callable<Integer> {
        @Override
        public Integer call() {
            return start(true);
        }
    }
}
