package org.creditkiosk.ui;

import java.util.Optional;
import java.util.function.Consumer;
import org.creditkiosk.app.SessionPort;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.DemoDevices;

/**
 * What the screens need of a running kiosk, and nothing more: the session to render and send intents to, the public
 * list search, the keyboard-wedge scanner's way in, the maintenance tools, and in demo mode the demo's stand-ins.
 * The assembly implements it; the screens never see how the kiosk was put together.
 */
public interface KioskPorts {

    KioskSettings settings();

    KioskIdentity identity();

    SessionPort session();

    PublicLists publicLists();

    /** Codes typed by a keyboard-wedge scanner go here (the same intake as the serial scanner's). */
    Consumer<String> wedgeScans();

    MaintenanceTools maintenanceTools();

    Optional<DemoDevices> demo();

    // --- issue 12: hall content ---

    /** The hall's content for the attract and closed screens (slides whose files are on disk, announcement, hours). */
    default HallDisplay hallDisplay() {
        return HallDisplay.NONE;
    }

    /** Hears when more hall content arrived (a slide's file was fetched), on any thread. */
    default void onHallContent(Runnable listener) {
    }
}
