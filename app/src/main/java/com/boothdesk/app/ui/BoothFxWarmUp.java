package com.boothdesk.app.ui;

import java.net.URL;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work the booth window needs anyway, done on the FX thread while the booth is still opening its store: the control
 * classes and their skins, the booth's style sheet parsed and applied, the Chinese font loaded and its common glyphs
 * rasterised (one off-screen snapshot). Measured on the 2-core booth PC it takes the first frame of the real window
 * from ~1 s to ~0.5 s after the booth is ready; nothing here is kept.
 */
final class BoothFxWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(BoothFxWarmUp.class);
    /** Text the lane screen shows at once: header, lane titles, fee labels, plate provinces, digits. */
    private static final String TEXT = "停车收费 入口 出口 车道 空位 云端 连接中 在线 离线 相机 道闸 显示屏 应收 减免 已付 待缴 "
            + "找零 收费 现金 免费放行 起杆 落杆 常开 临时车 月卡车 白名单 请交费 一路顺风 欢迎光临 值班 交班 "
            + "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼 0123456789.:元 ABCDEFGHJKLMNPQRSTUVWXYZ";

    private BoothFxWarmUp() {
    }

    static void run() {
        long t0 = System.nanoTime();
        try {
            Label big = new Label(TEXT);
            big.getStyleClass().addAll("plate", "fee");
            TextField field = new TextField("沪A12345");
            ComboBox<String> combo = new ComboBox<>();
            combo.getItems().add("原因");
            ListView<String> list = new ListView<>();
            list.getItems().add(TEXT);
            FlowPane flow = new FlowPane(new Button("确定 F1"), new Button("取消 Esc"), new ImageView());
            GridPane grid = new GridPane();
            grid.add(new Label(TEXT), 0, 0);
            grid.add(field, 1, 0);
            VBox box = new VBox(big, grid, combo, flow, new ScrollPane(list));
            box.getStyleClass().add("booth");
            box.setStyle("-fx-font-size: 14px;");
            Scene scene = new Scene(box, 800, 400);
            URL css = BoothFxWarmUp.class.getResource(BoothWindow.CSS);
            if (css != null) {
                scene.getStylesheets().add(css.toExternalForm());
            }
            box.applyCss();
            box.layout();
            box.snapshot(null, null);
            LOG.debug("JavaFX warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // only a head start: the window builds the same things itself
            LOG.debug("JavaFX warm-up skipped: {}", e.toString());
        }
    }
}
