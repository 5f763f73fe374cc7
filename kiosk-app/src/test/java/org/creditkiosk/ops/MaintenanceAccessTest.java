package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.creditkiosk.session.MutableClock;
import org.junit.jupiter.api.Test;

class MaintenanceAccessTest {

    @Test
    void rightPinEntersWrongPinsLockTheEntryForFiveMinutes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T03:00:00Z"));
        String hash = MaintenanceAccess.hash("246810");
        assertThat(hash).startsWith("pbkdf2-sha256:").doesNotContain("246810");
        MaintenanceAccess access = new MaintenanceAccess(Optional.of(hash), clock);
        assertThat(access.check("246810")).isEqualTo(MaintenanceAccess.Result.GRANTED);
        for (int i = 0; i < 4; i++) {
            assertThat(access.check("000000")).isEqualTo(MaintenanceAccess.Result.WRONG);
        }
        assertThat(access.check("000000")).isEqualTo(MaintenanceAccess.Result.LOCKED);
        assertThat(access.check("246810")).as("locked even for the right PIN").isEqualTo(MaintenanceAccess.Result.LOCKED);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(access.check("246810")).isEqualTo(MaintenanceAccess.Result.GRANTED);
    }

    @Test
    void noHashNoEntryAndBadPinsAreRefusedWhenHashing() {
        assertThat(new MaintenanceAccess(Optional.empty(), new MutableClock(Instant.EPOCH)).check("1234"))
                .isEqualTo(MaintenanceAccess.Result.NOT_CONFIGURED);
        assertThatThrownBy(() -> MaintenanceAccess.hash("12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaintenanceAccess.hash("12345")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 6 digits").hasMessageNotContaining("12345");
        assertThatThrownBy(() -> MaintenanceAccess.hash("abcdef")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits only");
    }
}
