package com.boothdesk.app.ui.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.Messages;

/**
 * Cash receipts of the running booth's exit go to the screen's print sink (the system printer in the booth; here
 * the PNG sink, what a printer would get): {@code receipt.print=always} prints each cash exit at once; a sink that
 * fails (no printer) saves the receipt as PDF instead and says so; the request (Ctrl+P) prints the latest again as
 * 重印.
 */
class ReceiptPrintingFxTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    final FxRobot robot = new FxRobot();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final ExecutorService background = Executors.newSingleThreadExecutor();
    final Messages messages = new Messages(Locale.SIMPLIFIED_CHINESE);

    @BeforeEach
    void start() throws Exception {
        Files.writeString(data.resolve("boothdesk.properties"), "receipt.print=always\nreceipt.paper=80\n");
        FxToolkit.registerPrimaryStage();
        booth = RunningBooth.start(data);
    }

    @AfterEach
    void stop() throws TimeoutException {
        background.shutdownNow();
        FxToolkit.cleanupStages();
        booth.close();
    }

    @Test
    void everyCashExitIsPrintedAndWithoutAPrinterTheReceiptIsSavedAsPdf() throws Exception {
        ImageSink sink = new ImageSink(data.resolve("printed"));
        ReceiptPrinting printing = new ReceiptPrinting(booth.app.receipts(), sink, messages, booth.clock.getZone(),
                background, notices::add);
        printing.follow();

        String order = cashExit("京A10001");
        await().atMost(WAIT).until(() -> written(sink).size() == 1);
        Path page = written(sink).get(0);
        assertThat(page.getFileName().toString()).isEqualTo("receipt-" + order.replaceAll("[^0-9A-Za-z_-]", "_")
                + "-1.png");
        assertThat(Files.size(page)).isGreaterThan(3_000);
        await().atMost(WAIT).until(() -> notices.contains("订单 " + order + " 的小票已打印"));
        try (var files = Files.walk(data)) {
            assertThat(files.filter(p -> p.toString().endsWith(".pdf")).toList())
                    .as("printed, so no PDF fallback").isEmpty();
        }

        // the booth's printer is gone: the request prints the latest again, which is saved as PDF and says so
        ReceiptPrinting noPrinter = new ReceiptPrinting(booth.app.receipts(), (job, pages) -> {
            throw new IllegalStateException("没有可用的打印机 / no printer is installed");
        }, messages, booth.clock.getZone(), background, notices::add);
        noPrinter.follow();
        noPrinter.printLatest();
        String pdfName = order.replaceAll("[^0-9A-Za-z_-]", "_") + "-reprint.pdf";
        await().atMost(WAIT).until(() -> notices.contains("没有打印机：订单 " + order + " 的小票已存为 " + pdfName));
        try (var files = Files.walk(data.resolve("receipts"))) {
            Path pdf = files.filter(p -> p.getFileName().toString().equals(pdfName)).findFirst().orElseThrow();
            assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        }
        assertThat(booth.app.receipts().find(order)).isPresent();
    }

    @Test
    void aRequestWithNoReceiptKeptSaysSo() {
        ReceiptPrinting printing = new ReceiptPrinting(booth.app.receipts(), new ImageSink(data.resolve("p")),
                messages, booth.clock.getZone(), background, notices::add);
        printing.printLatest();
        await().atMost(WAIT).until(() -> notices.contains("还没有可打印的现金小票"));
    }

    private String cashExit(String plate) throws Exception {
        String orderId = booth.enter(plate);
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        booth.app.lane("B1").settleCash(1000).get();
        return orderId;
    }

    private List<Path> written(ImageSink sink) {
        @SuppressWarnings("unchecked")
        List<Path>[] out = new List[1];
        robot.interact(() -> out[0] = sink.written());
        return out[0];
    }
}
