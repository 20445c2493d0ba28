package com.boothdesk.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.SettleResult;
import com.boothdesk.app.testing.RunningBooth;

/**
 * Receipts at the exit on the running booth (real H2, cameras over HTTP, cards on ptys): with
 * {@code receipt.print=always} a cash exit prints its receipt through the PDF sink at once, with what the issue
 * lists on it; a reprint from the order says 重印 and is counted.
 */
class ExitReceiptsTest {

    @TempDir
    Path data;

    @Test
    void aCashExitPrintsItsReceiptAndItCanBeReprintedFromTheOrder() throws Exception {
        Files.writeString(data.resolve("boothdesk.properties"), "receipt.print=always\nreceipt.paper=80\n"
                + "receipt.park_name=测试停车场\n", StandardCharsets.UTF_8);
        try (RunningBooth booth = RunningBooth.start(data)) {
            ExitReceipts receipts = booth.app.receipts();
            assertThat(receipts.settings().print()).isEqualTo(ReceiptSettings.Mode.ALWAYS);
            List<Path> pdfs = new CopyOnWriteArrayList<>();
            receipts.onPdfWritten(pdfs::add);

            String orderId = booth.enter("京A12345");
            booth.clock.advance(Duration.ofHours(3)); // 5 + 1 + 1 = 7 yuan with the demo tariff
            booth.camera("SIM-CAM-B1").push("京A12345");
            await().atMost(RunningBooth.WAIT).until(() ->
                    booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
            SettleResult r = booth.app.lane("B1").settleCash(1000).get();
            assertThat(r.changeFen()).isEqualTo(300);

            await().atMost(RunningBooth.WAIT).until(() -> pdfs.size() == 1);
            Path pdf = pdfs.get(0);
            assertThat(pdf.getFileName().toString()).isEqualTo(orderId + ".pdf");
            assertThat(pdf.getParent().getParent()).isEqualTo(data.resolve("receipts").toAbsolutePath());
            String text = text(pdf);
            assertThat(text).contains("测试停车场", "停车收费凭证", "京A12345", "11-25 08:00:00", "11-25 11:00:01",
                    "3小时0分", "7.00元", "10.00元", "3.00元", "找零", "收费员", "demo", orderId)
                    .doesNotContain("重印");
            try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
                PDRectangle page = d.getPage(0).getMediaBox();
                assertThat(page.getWidth()).as("80 mm paper").isCloseTo(80 * 72 / 25.4f,
                        org.assertj.core.data.Offset.offset(0.5f));
            }
            // the itemised fee as the attendant saw it
            assertThat(receipts.find(orderId)).hasValueSatisfying(x -> {
                assertThat(x.lines()).isNotEmpty();
                assertThat(x.lines().stream().mapToLong(Receipt.Line::fen).sum()).isEqualTo(700);
                assertThat(x.tenderedFen()).isEqualTo(1000);
            });

            assertThat(receipts.reprint(orderId)).isPresent();
            await().atMost(RunningBooth.WAIT).until(() -> pdfs.size() == 2);
            assertThat(pdfs.get(1).getFileName().toString()).isEqualTo(orderId + "-reprint.pdf");
            assertThat(text(pdfs.get(1))).contains("重印", "京A12345", "3.00元");
            long prints = booth.app.database().read(c -> {
                try (var rs = c.createStatement().executeQuery(
                        "SELECT prints FROM exit_receipt WHERE order_id = '" + orderId + "'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(prints).isEqualTo(2);
            assertThat(receipts.reprint("no-such-order")).isEmpty();
        }
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replace('\u00a0', ' ');
        }
    }
}
