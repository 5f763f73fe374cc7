package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.creditkiosk.session.SessionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, memory: no screen of a visit makes JavaFX draw into off-screen images. An effect or a cached node is an
 * image of the node's size; without a GPU JavaFX draws in software and keeps those images in the kiosk's heap
 * (the record screen's cached scroll viewport alone was 5.7 MB a visit, docs/benchmarks.md).
 */
class OffscreenImagesTest {

    @Test
    void noScreenOfAVisitUsesAnEffectOrABitmapCache(@TempDir Path dir) throws Exception {
        try (KioskHarness k = new KioskHarness(dir, Map.of())) {
            List<String> found = new ArrayList<>();
            k.awaitScreen("attract", 10);
            scan(k, "attract", found);
            k.runtime.demo().orElseThrow().placeNumber("610824199512300066");
            k.awaitScreen("showing_record", 20);
            scan(k, "record", found);
            k.runtime.controller().submit(new SessionEvent.RequestPrint());
            k.awaitScreen("confirming_print", 10);
            scan(k, "confirm", found);
            k.runtime.controller().submit(new SessionEvent.ConfirmPrint());
            k.awaitScreen("farewell", 30);
            scan(k, "farewell", found);
            assertThat(found).isEmpty();
        }
    }

    private static void scan(KioskHarness k, String screen, List<String> found) {
        KioskHarness.onFx(() -> {
            walk(k.robot.listWindows().get(0).getScene().getRoot(), screen, found);
            return null;
        });
    }

    private static void walk(Node n, String screen, List<String> found) {
        if (n.getEffect() != null || n.isCache()) {
            found.add(screen + ": " + n.getClass().getSimpleName() + " " + n.getStyleClass() + " effect=" + n.getEffect()
                    + " cache=" + n.isCache());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, screen, found);
            }
        }
    }
}
