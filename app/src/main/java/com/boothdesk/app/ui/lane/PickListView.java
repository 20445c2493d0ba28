package com.boothdesk.app.ui.lane;

import java.io.ByteArrayInputStream;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
        // the candidates in two columns: five fit beside the exit picture without scrolling at 1366x768
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(half);
        }
        Runnable fill = () -> {
            getChildren().setAll(title, grid);
            grid.getChildren().clear();
            int i = 0;
            for (PickListViewModel.Row r : vm.rows()) {
                ImageView thumb = new ImageView();
                thumb.setFitWidth(80);
                thumb.setFitHeight(45);
                thumb.setPreserveRatio(true);
                Label none = new Label(msg.get("ui.lane.nopicture.entry"));
                none.getStyleClass().add("picture-missing-small");
                javafx.scene.layout.StackPane slot = new javafx.scene.layout.StackPane(none, thumb);
                slot.setMinSize(80, 45);
                slot.setPrefSize(80, 45);
                slot.getStyleClass().add("pick-thumb");
                java.util.function.Consumer<byte[]> show = b -> {
                    if (b != null) {
                        Image img = new Image(new ByteArrayInputStream(b), 192, 108, true, true);
                        thumb.setImage(img.isError() ? null : img);
                        none.setVisible(img.isError());
                    }
                };
                r.pictureProperty().addListener((o, a, b) -> show.accept(b));
                show.accept(r.pictureProperty().get()); // a row shown again (language switch) has its picture
                Label plate = new Label(r.number() + "  " + r.plate());
                plate.getStyleClass().add("pick-plate");
                plate.setMinWidth(Region.USE_PREF_SIZE);
                Label when = new Label(msg.get("lane.intime") + " " + r.inTime());
                when.setMinWidth(Region.USE_PREF_SIZE);
                Label why = new Label(r.why());
                why.getStyleClass().add("pick-why");
                why.setWrapText(true);
                why.setMinWidth(0);
                VBox text = new VBox(0, plate, when, why);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox content = new HBox(6, slot, text);
                content.setAlignment(Pos.CENTER_LEFT);
                Button b = new Button(r.text(msg));
                b.setGraphic(content);
                b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                b.setId("pick-" + laneId + "-" + r.number());
                b.getStyleClass().add("pick");
                b.setMaxWidth(Double.MAX_VALUE);
                b.setFocusTraversable(false);
                b.setOnAction(e -> pick.accept(r.number()));
                grid.add(b, i % 2, i / 2);
                i++;
            }
        };
        vm.rows().addListener((ListChangeListener<PickListViewModel.Row>) c -> fill.run());
        fill.run();
    }
}
