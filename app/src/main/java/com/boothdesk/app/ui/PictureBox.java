package com.boothdesk.app.ui;

import java.io.ByteArrayInputStream;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * A lane picture: 16:9, as wide as it is told, decoded off the FX thread (the UI executor), a clear placeholder when
 * there is none, and a click enlarges it. A picture that arrives for an older value is dropped.
 */
public final class PictureBox extends StackPane {

    private final ImageView view = new ImageView();
    private final Label placeholder = new Label();
    private final Label caption = new Label();
    private final Executor background;
    private long generation;

    public PictureBox(String id, String captionText, String missingText, ObjectProperty<byte[]> source,
                      ObservableDoubleValue width, Executor background) {
        this.background = background;
        setId(id);
        getStyleClass().add("picture");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setId(id + "-view");
        placeholder.setText(missingText);
        placeholder.getStyleClass().add("picture-missing");
        placeholder.setId(id + "-missing");
        caption.setText(captionText);
        caption.getStyleClass().add("picture-caption");
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        view.fitWidthProperty().bind(width);
        view.fitHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> width.get() * 9 / 16, width));
        minWidthProperty().bind(width);
        prefWidthProperty().bind(width);
        maxWidthProperty().bind(width);
        minHeightProperty().bind(view.fitHeightProperty());
        prefHeightProperty().bind(view.fitHeightProperty());
        maxHeightProperty().bind(view.fitHeightProperty());
        getChildren().addAll(placeholder, view, caption);
        source.addListener((o, a, b) -> load(b));
        load(source.get());
        setOnMouseClicked(e -> {
            if (view.getImage() != null) {
                enlarge(view.getImage(), caption.getText(), getScene() == null ? null : getScene().getWindow());
            }
        });
    }

    /** The caption and the placeholder follow these texts (the booth window's language switch). */
    public PictureBox texts(javafx.beans.value.ObservableStringValue captionText,
                            javafx.beans.value.ObservableStringValue missingText) {
        caption.textProperty().bind(captionText);
        placeholder.textProperty().bind(missingText);
        return this;
    }

    private void load(byte[] jpeg) {
        long gen = ++generation;
        if (jpeg == null || jpeg.length == 0) {
            show(null);
            return;
        }
        background.execute(() -> {
            Image img = new Image(new ByteArrayInputStream(jpeg));
            Image ok = img.isError() ? null : img;
            UiThread.run(() -> {
                if (gen == generation) {
                    show(ok);
                }
            });
        });
    }

    private void show(Image img) {
        view.setImage(img);
        placeholder.setVisible(img == null);
        getStyleClass().remove("picture-none");
        if (img == null) {
            getStyleClass().add("picture-none");
        }
    }

    public boolean hasPicture() {
        return view.getImage() != null;
    }

    /** Shows the picture large in its own window; a click or Esc closes it. */
    static void enlarge(Image img, String title, javafx.stage.Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner); // closed, it gives the keys back to the booth window
        }
        stage.initModality(Modality.NONE);
        var bounds = Screen.getPrimary().getVisualBounds();
        ImageView big = new ImageView(img);
        big.setPreserveRatio(true);
        big.setFitWidth(bounds.getWidth() * 0.85);
        big.setFitHeight(bounds.getHeight() * 0.85);
        StackPane root = new StackPane(big);
        root.setStyle("-fx-background-color: black;");
        Scene scene = new Scene(root);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        root.setOnMouseClicked(e -> stage.close());
        stage.setTitle(title);
        stage.setScene(scene);
        stage.show();
    }
}
