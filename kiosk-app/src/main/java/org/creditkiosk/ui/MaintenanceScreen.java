package org.creditkiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
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
        MaintenanceStatus status = tools.status().get();
        GridPane grid = new GridPane();
        grid.setHgap(40);
        grid.setVgap(14);
        int row = 0;
        for (MaintenanceStatus.Line l : status.lines()) {
            Label what = Widgets.label(texts.has("maintenance.item." + l.what()) ? texts.t("maintenance.item." + l.what()) : l.what(), "item-title");
            Label state = Widgets.label(l.state(), "tag", l.ok() ? "tag-repaired" : "tag-alert");
            state.setId("maintenance-state-" + l.what());
            grid.addRow(row++, what, state);
        }
        VBox facts = new VBox(6);
        status.facts().forEach(f -> facts.getChildren().add(Widgets.label(f, "muted")));

        Label result = Widgets.label("", "screen-sub");
        result.setId("maintenance-result");
        HBox actions = Widgets.row(24, Pos.CENTER_LEFT,
                Widgets.button(texts.t("maintenance.testPage"), "secondary", "maintenance-test-page", () -> run(tools.printTestPage(), result)),
                Widgets.button(texts.t("maintenance.restart"), "secondary", "maintenance-restart", () -> run(tools.restart(), result)),
                Widgets.hgrow(),
                Widgets.button(texts.t("maintenance.leave"), "primary", "maintenance-leave",
                        () -> events.accept(new SessionEvent.LeaveMaintenance())));
        VBox card = new VBox(24, Widgets.label(texts.t("maintenance.title"), "screen-title"),
                Widgets.label(texts.t("maintenance.staffOnly"), "screen-sub"), grid, facts, result, actions);
        card.getStyleClass().add("card");
        VBox page = new VBox(card);
        page.getStyleClass().add("content");
        return page;
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
