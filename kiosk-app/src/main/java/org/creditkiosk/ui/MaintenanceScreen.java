package org.creditkiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.creditkiosk.session.SessionEvent;

/**
 * The technician's screen (hall staff too): each device with where it is connected, its state and last fault, a
 * test and a reconnect for each; the platform link; print jobs a printer fault held; today's counters; version and
 * bundle version; restart and back to service. Every action runs off the FX thread and answers in the result line.
 */
final class MaintenanceScreen {

    /** The A4 printer's test is the test page (its own audit line, also asked for by the platform). */
    private static final String A4 = "REPORT_PRINTER";

    /** A card or scan test waits up to 20 s for the technician: its own threads, never the FX thread or the common pool. */
    private static final java.util.concurrent.ExecutorService ACTIONS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "maintenance-action");
        t.setDaemon(true);
        return t;
    });

    private final Texts texts;
    private final MaintenanceTools tools;
    private final Consumer<SessionEvent> events;

    MaintenanceScreen(Texts texts, MaintenanceTools tools, Consumer<SessionEvent> events) {
        this.texts = texts;
        this.tools = tools;
        this.events = events;
    }

    Node build() {
        Label result = Widgets.label("", "screen-sub");
        result.setId("maintenance-result");
        result.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(28);
        grid.setVgap(12);
        Label held = Widgets.label("", "muted");
        held.setId("maintenance-held");
        held.setWrapText(true);
        Label today = Widgets.label("", "muted");
        today.setId("maintenance-today");
        today.setWrapText(true);
        VBox facts = new VBox(4);
        facts.setId("maintenance-facts");
        Runnable fill = () -> fill(grid, held, today, facts, result);
        fill.run();

        HBox actions = Widgets.row(24, Pos.CENTER_LEFT,
                Widgets.button(texts.t("maintenance.restart"), "secondary", "maintenance-restart", () -> run(tools.restart(), result, "")),
                Widgets.hgrow(),
                Widgets.button(texts.t("maintenance.leave"), "primary", "maintenance-leave",
                        () -> tools.backToService(events)));
        HBox lower = Widgets.row(48, Pos.TOP_LEFT,
                section(texts.t("maintenance.heldJobs"), held),
                section(texts.t("maintenance.today"), today),
                section(texts.t("maintenance.about"), facts));
        VBox card = new VBox(18, Widgets.label(texts.t("maintenance.title"), "screen-title"),
                Widgets.label(texts.t("maintenance.staffOnly"), "screen-sub"), grid, result, lower, actions);
        card.getStyleClass().add("card");
        VBox page = new VBox(card);
        page.getStyleClass().add("content");
        // Staff watch a device come back while they fix it: refresh every two seconds while the screen is shown.
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(2), e -> fill.run()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        page.sceneProperty().addListener((o, was, is) -> {
            if (is == null) {
                refresh.stop();
            } else {
                refresh.play();
            }
        });
        return page;
    }

    private static VBox section(String title, Node body) {
        VBox box = new VBox(6, Widgets.label(title, "item-title"), body);
        box.setMinWidth(360);
        box.setMaxWidth(520);
        return box;
    }

    /**
     * Reads the status snapshot (cheap: health() never blocks) into the grid and the sections, updating the labels
     * in place so a refresh never leaves the screen without its rows.
     */
    private void fill(GridPane grid, Label held, Label today, VBox facts, Label result) {
        MaintenanceStatus status = tools.status().get();
        java.util.Map<String, Label> shown = new java.util.HashMap<>();
        grid.getChildren().forEach(n -> {
            if (n instanceof Label l && l.getId() != null) {
                shown.put(l.getId(), l);
            }
        });
        int row = grid.getRowCount();
        for (MaintenanceStatus.Line l : status.lines()) {
            String id = "maintenance-state-" + l.what();
            Label state = shown.get(id);
            Label where = shown.get("maintenance-where-" + l.what());
            Label last = shown.get("maintenance-last-" + l.what());
            if (state == null) {
                Label what = Widgets.label(texts.has("maintenance.item." + l.what()) ? texts.t("maintenance.item." + l.what()) : l.what(), "item-title");
                state = Widgets.label(l.state(), "tag");
                state.setId(id);
                where = Widgets.label("", "muted");
                where.setId("maintenance-where-" + l.what());
                last = Widgets.label("", "muted");
                last.setId("maintenance-last-" + l.what());
                HBox buttons = new HBox(12);
                MaintenanceTools.Action test = A4.equals(l.what()) ? tools.printTestPage() : tools.deviceTests().get(l.what());
                if (test != null) {
                    String prompt = texts.has("maintenance.prompt." + l.what()) ? texts.t("maintenance.prompt." + l.what()) : "";
                    buttons.getChildren().add(small(Widgets.button(texts.t("maintenance.test." + l.what()), "secondary",
                            "maintenance-test-" + l.what(), () -> run(test, result, prompt))));
                }
                MaintenanceTools.Action reconnect = tools.reconnects().get(l.what());
                if (reconnect != null) {
                    buttons.getChildren().add(small(Widgets.button(texts.t("maintenance.reconnect"), "secondary",
                            "maintenance-reconnect-" + l.what(), () -> run(reconnect, result, texts.t("maintenance.reconnecting")))));
                }
                // names, states and buttons keep their whole text; where and the last fault wrap instead
                what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                state.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                where.setWrapText(true);
                where.setMaxWidth(440);
                last.setWrapText(true);
                last.setMaxWidth(440);
                grid.addRow(row++, what, where, state, last, buttons);
            }
            state.setText(l.state());
            state.getStyleClass().removeAll("tag-repaired", "tag-alert");
            state.getStyleClass().add(l.ok() ? "tag-repaired" : "tag-alert");
            where.setText(l.where());
            last.setText(l.lastProblem().isEmpty() ? texts.t("maintenance.noFault") : texts.t("maintenance.lastFault") + " " + l.lastProblem());
        }
        held.setText(status.heldJobs().isEmpty() ? texts.t("maintenance.none") : String.join("\n", status.heldJobs()));
        today.setText(status.today().isEmpty() ? texts.t("maintenance.none") : String.join("\n", status.today()));
        if (!facts.getChildren().stream().map(n -> ((Label) n).getText()).toList().equals(status.facts())) {
            facts.getChildren().setAll(status.facts().stream().map(f -> (javafx.scene.Node) Widgets.label(f, "muted")).toList());
        }
    }

    private static Button small(Button b) {
        b.getStyleClass().add("small");
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static void run(MaintenanceTools.Action action, Label result, String prompt) {
        result.setText(prompt.isEmpty() ? "…" : prompt);
        CompletableFuture.supplyAsync(() -> {
            try {
                return action.run();
            } catch (Exception e) {
                return "✗ " + e.getMessage();
            }
        }, ACTIONS).thenAccept(line -> Platform.runLater(() -> result.setText(line)));
    }
}
