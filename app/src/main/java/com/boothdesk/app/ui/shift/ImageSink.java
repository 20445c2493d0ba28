package com.boothdesk.app.ui.shift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;

/**
 * Prints to PNG files ({@code <dir>/<job>-<n>.png}): the print path of a machine without a printer, and what the
 * tests look at. Must run on the FX thread.
 */
public final class ImageSink implements PrintSink {

    private final Path dir;
    private final List<Path> written = new ArrayList<>();

    public ImageSink(Path dir) {
        this.dir = dir;
    }

    @Override
    public void print(String jobName, List<Node> pages) {
        try {
            Files.createDirectories(dir);
            int n = 1;
            for (Node page : pages) {
                if (page.getScene() == null) {
                    new Scene(new Pane(page));
                }
                page.applyCss();
                if (page instanceof javafx.scene.Parent p) {
                    p.layout();
                }
                WritableImage img = page.snapshot(null, null);
                Path f = dir.resolve(jobName.replaceAll("[^0-9A-Za-z_-]", "_") + "-" + n++ + ".png");
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f.toFile());
                written.add(f);
            }
        } catch (IOException e) {
            throw new IllegalStateException("无法写入图片 / cannot write the page images: " + e.getMessage(), e);
        }
    }

    public List<Path> written() {
        return List.copyOf(written);
    }
}
