import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference of packaging/bench/startup.sh: a minimal JavaFX full-screen window with one label, on the same
 * runtime and display as the kiosk. Reports "drawn" the way the kiosk does (ui/FirstFrame): the first laid-out pulse,
 * then the FX thread's next turn; prints the time since the process started and exits.
 */
public class MinimalFx extends Application {

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("minimal JavaFX window")), 1920, 1080);
        Runnable[] l = new Runnable[1];
        l[0] = () -> {
            scene.removePostLayoutPulseListener(l[0]);
            Platform.runLater(() -> {
                long now = System.currentTimeMillis();
                long since = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                        .map(s -> now - s).orElse(-1L);
                System.out.println("kiosk-bench: drawn epochMs=" + now + " sinceProcessStartMs=" + since);
                System.out.flush();
                Platform.exit();
            });
        };
        scene.addPostLayoutPulseListener(l[0]);
        stage.setScene(scene);
        stage.setFullScreen(true);
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
