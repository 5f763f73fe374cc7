package org.creditkiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.creditkiosk.session.SessionEvent;

/** Hall staff's screen: device and platform state, and the few things staff may do on site. */
final class MaintenanceScreen {

    private final Texts texts;
    private final MaintenanceTools tools;
    private final Consumer<SessionEvent> events;

    MaintenanceScreen(Texts texts, MaintenanceTools tools, Consumer<SessionEvent> events) {
        this.texts = texts;
        this.tools = tools;
        this.events = events;
    }

    Node build() {
        GridPane grid = new GridPane();
        grid.setHgap(40);
        grid.setVgap(14);
        VBox facts = new VBox(6);
        fill(grid, facts);

        Label result = Widgets.label("", "screen-sub");
        result.setId("maintenance-result");
        HBox actions = Widgets.row(24, Pos.CENTER_LEFT,
                Widgets.button(texts.t("maintenance.testPage"), "secondary", "maintenance-test-page", () -> run(tools.printTestPage(), result)),
                Widgets.button(texts.t("maintenance.restart"), "secondary", "maintenance-restart", () -> run(tools.restart(), result)),
                Widgets.hgrow(),
                Widgets.button(texts.t("maintenance.leave"), "primary", "maintenance-leave",
                        () -> tools.backToService(events)));
        VBox card = new VBox(24, Widgets.label(texts.t("maintenance.title"), "screen-title"),
                Widgets.label(texts.t("maintenance.staffOnly"), "screen-sub"), grid, facts, result, actions);
        card.getStyleClass().add("card");
        VBox page = new VBox(card);
        page.getStyleClass().add("content");
        // Staff watch a device come back while they fix it: refresh every two seconds while the screen is shown.
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(2), e -> fill(grid, facts)));
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

    /**
     * Reads the status snapshot (cheap: health() never blocks) into the grid and the facts, updating the labels in
     * place so a refresh never leaves the screen without its rows.
     */
    private void fill(GridPane grid, VBox facts) {
        MaintenanceStatus status = tools.status().get();
        java.util.Map<String, Label> shown = new java.util.HashMap<>();
        grid.getChildren().forEach(n -> {
            if (n instanceof Label l && l.getId() != null) {
                shown.put(l.getId(), l);
            }
        });
        int row = shown.size();
        for (MaintenanceStatus.Line l : status.lines()) {
            String id = "maintenance-state-" + l.what();
            Label state = shown.get(id);
            if (state == null) {
                Label what = Widgets.label(texts.has("maintenance.item." + l.what()) ? texts.t("maintenance.item." + l.what()) : l.what(), "item-title");
                state = Widgets.label(l.state(), "tag");
                state.setId(id);
                grid.addRow(row++, what, state);
            }
            state.setText(l.state());
            state.getStyleClass().removeAll("tag-repaired", "tag-alert");
            state.getStyleClass().add(l.ok() ? "tag-repaired" : "tag-alert");
        }
        if (!facts.getChildren().stream().map(n -> ((Label) n).getText()).toList().equals(status.facts())) {
            facts.getChildren().setAll(status.facts().stream().map(f -> (javafx.scene.Node) Widgets.label(f, "muted")).toList());
        }
    }

    private static void run(MaintenanceTools.Action action, Label result) {
        result.setText("…");
        CompletableFuture.supplyAsync(() -> {
            try {
                return action.run();
            } catch (Exception e) {
                return "✗ " + e.getMessage();
            }
        }).thenAccept(line -> Platform.runLater(() -> result.setText(line)));
    }
}
