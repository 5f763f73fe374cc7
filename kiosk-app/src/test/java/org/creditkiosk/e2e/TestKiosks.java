package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.creditkiosk.assembly.Check;
import org.creditkiosk.assembly.DemoSources;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.assembly.KioskAssembly;
import org.creditkiosk.assembly.KioskSources;
import org.creditkiosk.assembly.Preflight;
import org.creditkiosk.config.KioskSettings;

/** Kiosks for the end-to-end tests, started as {@code kiosk} and {@code kiosk demo} start them: checks, then assembly. */
final class TestKiosks {

    private TestKiosks() {
    }

    /** A demo kiosk; its sources must pass the same start checks as a hall's. */
    static Kiosk demo(KioskSettings settings) throws IOException {
        return start(DemoSources.open(settings), Map.of());
    }

    /** A kiosk from {@code sources}, after the start checks (which must pass). */
    static Kiosk start(KioskSources sources, Map<String, String> env) throws IOException {
        assertThat(Preflight.check(sources.settings(), env, Clock.systemUTC()))
                .as("start checks").noneMatch(Check::failed);
        return KioskAssembly.assemble(sources, env);
    }
}
