package com.boothdesk.app.ui.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.store.history.HistoryRow;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.PictureBox;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.card.TextStyle;

/**
 * The back office's proof flows on the real window (off-screen) over the running booth: its H2 file, the cloud
 * simulator on loopback TCP, the simulated cameras over HTTP and the lane cards on pty pairs. The fields are filled
 * and the buttons fired on the FX thread (no click points to race the layout); everything behind them is real.
 */
class BackOfficeFlowsFxTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    BackOfficeWindow window;
    final FxRobot robot = new FxRobot();

    void open() throws TimeoutException {
        booth = RunningBooth.start(data);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new BackOfficeWindow(BackOfficeModule.ports(booth.app), booth.app.messages());
            s.setScene(new Scene(window.root(), 1366, 768));
            s.show();
        });
    }

    @BeforeEach
    void clean() {
        WaitForAsyncUtils.clearExceptions();
    }

    @AfterEach
    void stop() throws TimeoutException {
        if (window != null) {
            robot.interact(window::close);
        }
        if (booth != null) {
            booth.close();
        }
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    <T extends Node> T node(String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    void type(String id, String text) {
        robot.interact(() -> node(id, TextField.class).setText(text));
    }

    void press(String id) {
        robot.interact(() -> node(id, Button.class).fire());
    }

    void tab(int index) {
        robot.interact(() -> window.select(index));
    }

    String text(String id) {
        String[] t = new String[1];
        robot.interact(() -> t[0] = node(id, Label.class).getText());
        return t[0];
    }

    static boolean sent(List<CardFrame> frames, CardFrame expected) {
        byte[] e = expected.encode();
        return frames.stream().anyMatch(f -> Arrays.equals(f.encode(), e));
    }

    /** A car in at A1, out at B1 three hours later, paid in cash; returns the order. */
    ParkingOrder stayPaidInCash(String plate) throws Exception {
        String id = booth.enter(plate);
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        booth.app.lane("B1").settleCash(10_000).get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> booth.app.orders().find(id).orElseThrow().outTime() != null);
        return booth.app.orders().find(id).orElseThrow();
    }

    @Test
    void aMisreadPlateFindsLastWeeksOrderAndOpensItsPicturesAndStory() throws Exception {
        open();
        ParkingOrder order = stayPaidInCash("苏E12345");
        stayPaidInCash("苏E12346"); // its one-character neighbour, found too but ranked after
        booth.clock.advance(Duration.ofDays(7));

        type("#bo-history-plate", "苏E1Z345"); // 2 read as Z
        press("#bo-history-search");
        @SuppressWarnings("unchecked")
        TableView<HistoryRow> table = node("#bo-history-table", TableView.class);
        // the screen opened on the latest stays; the search's answer puts the misread's car first, with its score
        await().atMost(WAIT).untilAsserted(() -> assertThat(table.getItems()).first().satisfies(r -> {
            assertThat(r.orderId()).isEqualTo(order.orderId());
            assertThat(r.match()).isBetween(1, 99);
        }));
        assertThat(table.getItems()).extracting(HistoryRow::orderId).hasSize(2);
        await().atMost(WAIT).until(() -> node("#bo-history-entry-picture", PictureBox.class).hasPicture()
                && node("#bo-history-exit-picture", PictureBox.class).hasPicture());
        @SuppressWarnings("unchecked")
        ListView<String> story = node("#bo-history-story", ListView.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(story.getItems())
                .anyMatch(s -> s.contains("入场 A1")).anyMatch(s -> s.contains("出场 B1"))
                .anyMatch(s -> s.contains("out_park")));
    }

    @Test
    void aMonthlyCardAddedHereIsUploadedAndItsNextReadOpensTheGateWithoutPayment() throws Exception {
        open();
        tab(1);
        type("#bo-field-card_id", "M-BO-1");
        type("#bo-field-plates", "浙A55555");
        type("#bo-field-owner", "张三");
        type("#bo-field-valid_from", "2026-11-01");
        type("#bo-field-valid_to", "2026-12-31");
        type("#bo-field-price", "300");
        press("#bo-lists-save");
        await().atMost(WAIT).untilAsserted(() -> assertThat(booth.cloud().received("upload_month_member"))
                .anyMatch(u -> u.data().toString().contains("浙A55555")));
        assertThat(text("#bo-lists-status")).contains("M-BO-1");

        String id = booth.enter("浙A55555");
        assertThat(booth.app.orders().find(id).orElseThrow().kind()).isEqualTo(CarKind.MONTHLY);
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("浙A55555");
        byte[] open = CardFrames.openGate(0).encode();
        await().atMost(WAIT).until(() -> booth.app.hardware().simulatedCard("B1").orElseThrow().receivedFrames()
                .stream().anyMatch(f -> Arrays.equals(f.encode(), open)));
        await().atMost(WAIT).until(() -> booth.app.orders().find(id).orElseThrow().outTime() != null);
        assertThat(booth.app.orders().find(id).orElseThrow().paidFen()).isZero();
    }

    @Test
    void aTariffEditChangesTheLiveQuoteAndABrokenPeriodIsNamed() throws Exception {
        open();
        tab(2);
        TextArea json = node("#bo-tariff-json", TextArea.class);
        await().atMost(WAIT).until(() -> text("#bo-tariff-quote").startsWith("试算："));
        type("#bo-tariff-in", "2026-11-25 08:00");
        type("#bo-tariff-out", "2026-11-25 11:00");
        await().atMost(WAIT).until(() -> text("#bo-tariff-quote").startsWith("试算：7.00 元"));

        robot.interact(() -> json.setText(json.getText().replaceFirst("\"firstFen\"\\s*:\\s*500", "\"firstFen\" : 900")));
        await().atMost(WAIT).until(() -> text("#bo-tariff-quote").startsWith("试算：11.00 元"));
        assertThat(text("#bo-tariff-error")).isEmpty();

        robot.interact(() -> json.setText(json.getText().replaceFirst("\"start\"\\s*:\\s*\"00:00\"", "\"start\" : \"25:00\"")));
        await().atMost(WAIT).until(() -> text("#bo-tariff-error").contains("'全天'"));
        assertThat(node("#bo-tariff-apply", Button.class).isDisabled()).isTrue();

        // back5: what the validator finds (not the reader) is told in the operator's language, naming the period
        robot.interact(() -> json.setText(json.getText().replaceFirst("\"start\" : \"25:00\"", "\"start\" : \"00:00\"")
                .replaceFirst("\"end\"\\s*:\\s*\"00:00\"", "\"end\" : \"23:00\"")));
        await().atMost(WAIT).until(() -> text("#bo-tariff-error").contains("时段“全天”之后 23:00-00:00 没有覆盖"));
        assertThat(node("#bo-tariff-apply", Button.class).isDisabled()).isTrue();
    }

    @Test
    void aTemplateEditReachesTheCardOnThePtyByteExact() throws Exception {
        open();
        tab(2);
        robot.interact(() -> node("#bo-settings-tabs", TabPane.class).getSelectionModel().select(1));
        await().atMost(WAIT).until(() -> !node("#bo-template-line1", TextField.class).getText().isEmpty());
        type("#bo-template-line1", "请缴费{fee}元");
        type("#bo-template-line2", "车牌{plate}");
        robot.interact(() -> booth.app.hardware().simulatedCard("B1").orElseThrow().receivedFrames().size());
        int before = booth.app.hardware().simulatedCard("B1").orElseThrow().receivedFrames().size();
        robot.interact(() -> window.viewModel().settings().lane().set("B1"));
        press("#bo-template-send");
        await().atMost(WAIT).until(() -> text("#bo-card-answer").contains("ACK"));
        List<CardFrame> frames = booth.app.hardware().simulatedCard("B1").orElseThrow().receivedFrames();
        List<CardFrame> fresh = frames.subList(before, frames.size());
        // the line's GBK text in a 0x62 frame as the protocol encoder builds it (the colour as the card line gets it)
        assertThat(sent(fresh, CardFrames.showText(0, 0, "请缴费12.50元", TextStyle.DEFAULT))
                || sent(fresh, CardFrames.showText(0, 0, "请缴费12.50元", TextStyle.DEFAULT.withColor(TextStyle.RED)))
                || sent(fresh, CardFrames.showLinesAndSayV2(0, List.of("请缴费12.50元", "车牌京A12345",
                    window.viewModel().settings().line(2).get(), window.viewModel().settings().line(3).get()),
                    "", 0)))
                .as("frames " + fresh).isTrue();
        assertThat(booth.app.hardware().simulatedCard("B1").orElseThrow().displayLines())
                .startsWith("请缴费12.50元", "车牌京A12345");
    }

    @Test
    void theLanguageSwitchesInTheWindowWithoutARestart() throws Exception {
        open();
        assertThat(node("#bo-tabs", TabPane.class).getTabs()).extracting(Tab::getText)
                .containsExactly("历史记录", "名单管理", "系统设置", "统计报表");
        press("#bo-lang-en");
        await().atMost(WAIT).untilAsserted(() -> assertThat(node("#bo-tabs", TabPane.class).getTabs())
                .extracting(Tab::getText).containsExactly("History", "Lists", "Settings", "Reports"));
        assertThat(node("#bo-history-search", Button.class).getText()).isEqualTo("Search");
        press("#bo-lang-zh");
        await().atMost(WAIT).untilAsserted(() -> assertThat(node("#bo-history-search", Button.class).getText())
                .isEqualTo("查询"));
        assertThat(booth.app.lane("B1").state().get()).isNotNull(); // the lanes ran on, nothing restarted
    }
}
