package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.ui.KioskNotices;
import org.creditkiosk.ui.KioskView;
import org.creditkiosk.ui.KioskWindow;
import org.creditkiosk.ui.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A whole demo kiosk on a TestFX stage (Monocle headless, 1920x1080): the embedded demo platform, the ID card
 * simulator behind the real driver, the real screens. Tests drive it like a citizen: place a card, touch buttons.
 */
final class KioskHarness implements AutoCloseable {

    final Kiosk runtime;
    final Path reportDir;
    final FxRobot robot = new FxRobot();
    private Stage stage;
    private KioskView view;

    KioskHarness(Path dataDir, Map<String, String> overrides) throws Exception {
        reportDir = dataDir.resolve("reports");
        Map<String, String> values = new HashMap<>(Map.of(
                "kiosk.dataDir", dataDir.toString(),
                "report.outputDir", reportDir.toString(),
                "ui.fullScreen", "false",
                "session.timeout.farewell", "3",
                "devices.idcard.pollIntervalMs", "300"));
        values.putAll(overrides);
        KioskSettings settings = new ConfigLoader().values(values, "test").load();
        runtime = TestKiosks.demo(settings);
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view = KioskWindow.build(s, runtime, new KioskNotices(), 1920, 1080);
            s.show();
            s.toFront();
            s.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the body shows {@code screen} (e.g. "showing_record"). */
    void awaitScreen(String screen, int seconds) throws TimeoutException {
        String id = "screen-" + screen;
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> view.currentScreenId().map(id::equals).orElse(false));
        } catch (TimeoutException e) {
            throw new TimeoutException("screen " + screen + " did not appear within " + seconds + " s; showing "
                    + view.currentScreenId().orElse("nothing") + ", session " + runtime.controller().view());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until a node matching {@code query} exists. */
    void awaitText(String query, int seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> exists(query));
    }

    void click(String query) {
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T extends Node> T lookup(String query, Class<T> type) {
        return onFx(() -> robot.lookup(query).queryAs(type));
    }

    boolean exists(String query) {
        return onFx(() -> robot.lookup(query).tryQuery().isPresent());
    }

    String text(String query) {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    /** Every text the scene graph holds (labels, text nodes, text fields), for privacy checks. */
    List<String> allTexts() {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            collect(stage.getScene().getRoot(), out);
            return out;
        });
    }

    /**
     * Reads the scene graph on the FX thread: a lookup from the test thread races the FX thread's changes (a
     * screen's children are briefly empty while it is swapped in) and then finds nothing that is there.
     */
    static <T> T onFx(java.util.concurrent.Callable<T> read) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            try {
                return read.call(); // already there (a test's own asyncFx block)
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer a scene-graph read within 10 s", e);
        }
    }

    private static void collect(Node n, List<String> out) {
        if ("demo-panel".equals(n.getId())) {
            return; // the demo's stand-in for the citizen's hands, not part of the kiosk's screens
        }
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof TextInputControl t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    void screenshot(String name) {
        Screenshots.save(stage.getScene(), name);
    }

    static void assertNoneContains(List<String> texts, String... secrets) {
        for (String s : secrets) {
            assertThat(texts).as("no node may hold '%s' after the visit", s).noneMatch(t -> t.contains(s));
        }
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        runtime.close();
    }
}
