package org.creditkiosk.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.Notice;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.ListSearchPage.ListKind;

/**
 * The public red/black list search, open to anyone at the attract screen (no card, no session). A name fragment or
 * a USCC is typed on the touch keyboard; matches come page by page from {@link PublicLists}, off the FX thread, and
 * are shown when they arrive (a late answer for an older query is dropped). A "no match" and a failure each get a
 * clear line; nothing here is personal, but the screen still closes itself after a while without touches so that
 * the next visitor finds the attract screen.
 */
public final class ListSearchScreen extends StackPane {

    /** Matches per page: five rows fit beside the keyboard at 1920x1080, three below the search at 1280x1024. */
    public static final int PAGE_SIZE = 5;
    public static final int PAGE_SIZE_NARROW = 3;
    /** Contract: {@code q} is 2 to 60 characters. */
    static final int MIN_QUERY = 2;
    static final int MAX_QUERY = 60;
    private static final double WIDE = 1500;

    private sealed interface Result {
    }

    private record Idle() implements Result {
    }

    private record Loading() implements Result {
    }

    private record Shown(ListSearchPage page) implements Result {
    }

    private record Failed(Notice notice) implements Result {
    }

    private final Texts texts;
    private final NoticeTexts notices;
    private final PublicLists lists;
    private final Runnable onBack;
    private final PauseTransition idle;
    private final StringProperty query = new SimpleStringProperty("");
    private Optional<ListKind> kind = Optional.empty();
    private String searchedQuery = "";
    private Optional<ListKind> searchedKind = Optional.empty();
    private Result result = new Idle();
    private long sequence;
    private boolean closed;
    private boolean wide;
    private boolean editing = true;
    private Button searchButton;
    /** One keyboard for the screen's life: the pinyin typed and the 中/英 choice survive a rebuild. */
    private OnScreenKeyboard keyboard;

    /**
     * @param idleTimeout how long the screen stays without a touch before it returns to the attract screen
     * @param onBack      leaves the screen (back button and idle timeout)
     */
    public ListSearchScreen(Texts texts, NoticeTexts notices, PublicLists lists, Duration idleTimeout, Runnable onBack) {
        this.texts = Objects.requireNonNull(texts);
        this.notices = Objects.requireNonNull(notices);
        this.lists = Objects.requireNonNull(lists);
        this.onBack = Objects.requireNonNull(onBack);
        setId("screen-list-search");
        getStyleClass().add("content-compact");
        idle = new PauseTransition(idleTimeout);
        idle.setOnFinished(e -> close());
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> idle.playFromStart());
        idle.playFromStart();
        query.addListener((obs, was, is) -> {
            if (searchButton != null) {
                searchButton.setDisable(!queryReady());
            }
        });
        widthProperty().addListener((obs, was, is) -> {
            boolean w = is.doubleValue() >= WIDE;
            if (w != wide) {
                wide = w;
                rebuild();
            }
        });
        rebuild();
    }

    public StringProperty query() {
        return query;
    }

    /** Leaves the screen: stops the idle timer, ignores answers still on their way. */
    public void close() {
        dispose();
        onBack.run();
    }

    /** Stops the timer and drops late answers without calling back (the kiosk view is leaving the screen). */
    public void dispose() {
        closed = true;
        idle.stop();
    }

    private boolean queryReady() {
        String q = Objects.requireNonNullElse(query.get(), "").strip();
        return q.length() >= MIN_QUERY;
    }

    /** Builds the nodes from the screen's state (also after a language switch or a change of width). */
    public void rebuild() {
        Label title = Widgets.label(texts.t("lists.title"), "screen-title");
        Label sub = Widgets.label(texts.t("lists.prompt"), "screen-sub");
        Button back = Widgets.button(texts.t("lists.back"), "secondary", "lists-back", this::close);
        HBox head = Widgets.row(24, Pos.CENTER_LEFT, Widgets.column(6, Pos.CENTER_LEFT, title, sub), Widgets.hgrow(), back);

        TextField field = new TextField();
        field.textProperty().bindBidirectional(query);
        field.setEditable(false);
        field.setFocusTraversable(false);
        field.setPromptText(texts.t("lists.placeholder"));
        field.getStyleClass().addAll("kiosk-field", "active");
        field.setId("lists-query");
        field.setOnMouseClicked(e -> {
            if (!editing) {
                editing = true;
                rebuild();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        searchButton = Widgets.button(texts.t("lists.search"), "primary", "lists-search", () -> search(1));
        searchButton.setDisable(!queryReady());

        HBox filter = new HBox(0);
        filter.getStyleClass().add("segmented");
        filter.getChildren().addAll(kindButton(Optional.empty(), "lists.all", "lists-all"),
                kindButton(Optional.of(ListKind.RED), "lists.red", "lists-red"),
                kindButton(Optional.of(ListKind.BLACK), "lists.black", "lists-black"));

        if (keyboard == null) {
            keyboard = new OnScreenKeyboard(texts, OnScreenKeyboard.Layout.TEXT);
            keyboard.target(query, MAX_QUERY);
        } else {
            keyboard.rebuild();
        }

        VBox searchPanel = wide
                ? new VBox(14, Widgets.row(14, Pos.CENTER_LEFT, field, searchButton),
                        Widgets.row(16, Pos.CENTER_LEFT, Widgets.label(texts.t("lists.filter"), "muted"), filter))
                // 1280 wide: one row, so that the keyboard or the results keep their height.
                : new VBox(Widgets.row(14, Pos.CENTER_LEFT, field, searchButton, filter));
        searchPanel.getStyleClass().addAll("card", "search-card");

        Node results = results();
        VBox page;
        if (wide) {
            VBox left = new VBox(16, searchPanel, keyboard);
            left.setMinWidth(880);
            left.setMaxWidth(880);
            HBox.setHgrow(results, Priority.ALWAYS);
            HBox main = new HBox(28, left, results);
            VBox.setVgrow(main, Priority.ALWAYS);
            page = new VBox(20, head, main);
        } else {
            Node lower = editing ? keyboard : results;
            VBox.setVgrow(lower, Priority.ALWAYS);
            page = new VBox(20, head, searchPanel, lower);
        }
        getChildren().setAll(page);
    }

    private Button kindButton(Optional<ListKind> k, String key, String id) {
        Button b = Widgets.button(texts.t(key), "segment", id, () -> {
            kind = k;
            if (!(result instanceof Idle) && queryReady()) {
                search(1);
            } else {
                rebuild();
            }
        });
        if (kind.equals(k)) {
            b.getStyleClass().add("selected");
        }
        return b;
    }

    private Node results() {
        VBox card = new VBox(12);
        card.getStyleClass().addAll("card", "results");
        card.setId("lists-results");
        if (result instanceof Idle) {
            card.getChildren().add(centered(Widgets.label(texts.t("lists.idle"), "results-empty")));
        } else if (result instanceof Loading) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(90, 90);
            card.getChildren().add(centered(Widgets.column(20, Pos.CENTER, p, Widgets.label(texts.t("lists.loading"), "busy-text"))));
        } else if (result instanceof Failed f) {
            Label error = Widgets.label(notices.body(f.notice(), texts.language()), "error-line");
            error.setId("lists-error");
            card.getChildren().add(centered(Widgets.column(24, Pos.CENTER,
                    Widgets.roundMark("!", 96, Color.web("#e08a00"), Color.WHITE), error,
                    Widgets.button(texts.t("lists.retry"), "secondary", "lists-retry", () -> search(1)))));
        } else if (result instanceof Shown s) {
            ListSearchPage p = s.page();
            if (p.items().isEmpty()) {
                Label none = Widgets.label(texts.t("lists.noMatch", searchedQuery), "results-empty");
                none.setId("lists-no-match");
                card.getChildren().add(centered(Widgets.column(12, Pos.CENTER, none,
                        Widgets.label(texts.t("lists.noMatchHint"), "muted"))));
                if (p.page() > 1) {
                    card.getChildren().add(pager(p));
                }
            } else {
                Label count = Widgets.label(texts.t("lists.total", p.total(), searchedQuery), "results-count");
                count.setId("lists-total");
                card.getChildren().add(count);
                VBox rows = new VBox(0);
                int i = 0;
                for (ListSearchPage.Item item : p.items()) {
                    rows.getChildren().add(row(item, i++));
                }
                VBox.setVgrow(rows, Priority.ALWAYS);
                card.getChildren().add(rows);
                card.getChildren().add(pager(p));
            }
        }
        return card;
    }

    private static Node centered(Node n) {
        StackPane p = new StackPane(n);
        VBox.setVgrow(p, Priority.ALWAYS);
        return p;
    }

    private Node row(ListSearchPage.Item item, int index) {
        Label tag = new Label(texts.t(item.list() == ListKind.RED ? "lists.tag.RED" : "lists.tag.BLACK"));
        tag.getStyleClass().addAll("tag", item.list() == ListKind.RED ? "tag-red-list" : "tag-black-list");
        Label name = Widgets.label(item.subjectName(), "item-title");
        HBox top = Widgets.row(12, Pos.CENTER_LEFT, tag, name, Widgets.hgrow(),
                Widgets.label(texts.t("record.listedOn", item.listedOn().toString()), "item-line"));
        String details = item.uscc().map(u -> u + "    ").orElse("") + item.listName() + "    "
                + texts.t("record.authority", item.authority());
        VBox v = new VBox(4, top, Widgets.label(details, "item-line"));
        v.getStyleClass().add("item");
        v.setId("lists-row-" + index);
        return v;
    }

    private Node pager(ListSearchPage p) {
        int pages = Math.max(1, (p.total() + p.size() - 1) / Math.max(1, p.size()));
        Button prev = Widgets.button(texts.t("lists.prev"), "secondary", "lists-prev", () -> search(p.page() - 1));
        prev.setDisable(p.page() <= 1);
        Button next = Widgets.button(texts.t("lists.next"), "secondary", "lists-next", () -> search(p.page() + 1));
        next.setDisable(p.page() >= pages);
        Label where = Widgets.label(texts.t("lists.page", p.page(), pages), "muted");
        where.setId("lists-page");
        HBox bar = Widgets.row(24, Pos.CENTER, prev, where, next);
        bar.getStyleClass().add("pager");
        return bar;
    }

    /** Page 1 searches the typed query with the chosen filter; other pages continue the last search. */
    private void search(int page) {
        if (page == 1) {
            if (!queryReady()) {
                return;
            }
            searchedQuery = query.get().strip();
            searchedKind = kind;
        }
        long mine = ++sequence;
        result = new Loading();
        editing = false;
        rebuild();
        lists.search(searchedQuery, searchedKind, page, wide ? PAGE_SIZE : PAGE_SIZE_NARROW).whenComplete((answer, failure) ->
                Platform.runLater(() -> {
                    if (closed || mine != sequence) {
                        return;
                    }
                    result = failure == null ? new Shown(answer) : new Failed(notice(failure));
                    rebuild();
                }));
    }

    /** The citizen's notice for a failed search; anything but a platform failure is the platform's INTERNAL. */
    static Notice notice(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof PlatformException p ? Notice.of(p) : new Notice.PlatformError(ErrorCode.INTERNAL);
    }
}
