package com.boothdesk.app.ui.lane;

import java.io.ByteArrayInputStream;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import com.boothdesk.app.ui.Messages;

/** The pick list: one button per candidate with its entry picture, plate, entry time and difference. Layout only. */
final class PickListView extends VBox {

    PickListView(PickListViewModel vm, Messages msg, String laneId, java.util.function.IntConsumer pick) {
        setId("picks-" + laneId);
        getStyleClass().add("picks");
        setSpacing(3);
        setPadding(new Insets(4));
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(vm.titleProperty());
        Runnable fill = () -> {
            getChildren().setAll(title);
            for (PickListViewModel.Row r : vm.rows()) {
                ImageView thumb = new ImageView();
                thumb.setFitWidth(96);
                thumb.setFitHeight(54);
                thumb.setPreserveRatio(true);
                Label none = new Label(msg.get("ui.lane.nopicture.entry"));
                none.getStyleClass().add("picture-missing-small");
                javafx.scene.layout.StackPane slot = new javafx.scene.layout.StackPane(none, thumb);
                slot.setMinSize(96, 54);
                slot.setPrefSize(96, 54);
                slot.getStyleClass().add("pick-thumb");
                r.pictureProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        Image img = new Image(new ByteArrayInputStream(b), 192, 108, true, true);
                        thumb.setImage(img.isError() ? null : img);
                        none.setVisible(img.isError());
                    }
                });
                Label plate = new Label(r.number() + "  " + r.plate());
                plate.getStyleClass().add("pick-plate");
                Label when = new Label(msg.get("lane.intime") + " " + r.inTime());
                Label why = new Label(r.why());
                why.getStyleClass().add("pick-why");
                why.setWrapText(true);
                VBox text = new VBox(0, plate, when, why);
                HBox content = new HBox(8, slot, text);
                content.setAlignment(Pos.CENTER_LEFT);
                Button b = new Button(r.text(msg));
                b.setGraphic(content);
                b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                b.setId("pick-" + laneId + "-" + r.number());
                b.getStyleClass().add("pick");
                b.setMaxWidth(Double.MAX_VALUE);
                b.setFocusTraversable(false);
                b.setOnAction(e -> pick.accept(r.number()));
                getChildren().add(b);
            }
        };
        vm.rows().addListener((ListChangeListener<PickListViewModel.Row>) c -> fill.run());
        fill.run();
    }
}
