package org.creditkiosk.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves a snapshot of a scene as PNG when {@code -Dkiosk.screenshots=DIR} is set (the README's screenshot command);
 * does nothing otherwise, so ordinary test runs write no files.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void save(Scene scene, String name) {
        String dir = System.getProperty("kiosk.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        CompletableFuture<WritableImage> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(scene.snapshot(null)));
        try {
            WritableImage img = f.get(10, TimeUnit.SECONDS);
            Path out = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(out.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("screenshot " + name + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
