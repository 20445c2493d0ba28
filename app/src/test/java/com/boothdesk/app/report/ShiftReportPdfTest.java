package com.boothdesk.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.CashCount;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.store.staff.StaffFixture;

/** The shift report PDF, read back with PDFBox: it carries the shift's totals; a reprint says so. */
class ShiftReportPdfTest {

    @TempDir
    Path dir;
    StaffFixture f;
    Shift shift;
    ShiftReports reports;

    @BeforeEach
    void shift() {
        f = new StaffFixture(dir.resolve("db"));
        f.admin("a1", "a2");
        shift = f.staff.login("a1", StaffFixture.pw("a1")).shift();
        for (int i = 0; i < 6; i++) {
            f.advance(Duration.ofMinutes(35));
            f.exit("京B1234" + i, 1000 + i * 100, 1000 + i * 100, 0, PaymentMethod.CASH, null, "a1");
        }
        f.exit("京C55555", 2500, 0, 2500, PaymentMethod.PREPAID, null, "a1");
        f.exit("京D66666", 1800, 0, 0, PaymentMethod.FREE, "军警车", "a1");
        f.noRecordExit("京E77777", 2000, "a1");
        f.manualLift("a1", "设备故障");
        f.advance(Duration.ofMinutes(20));
        f.staff.handover(CashCount.byPieces(Map.of(5_000L, 1, 2_000L, 1, 1_000L, 1)), "短款 1.50 元", "a2",
                StaffFixture.pw("a2"));
        reports = new ShiftReports(f.store, "B1", f.clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theReportTextCarriesTheTotalsOfTheShift() throws IOException {
        ShiftReport r = reports.produce(shift, "a1", "pdf");
        assertThat(r.reprint()).isFalse();
        byte[] pdf = new ShiftReportPdf().bytes(r);
        Path out = Path.of(System.getProperty("shift.report.out", dir.resolve("shift-report.pdf").toString()));
        Files.write(out, pdf);
        String text = text(pdf);
        // 6 × cash 1000..1500 = 7500, no-record 2000 cash: cash 95.00; prepaid 25.00; free 18.00
        assertThat(r.totals().cashFen()).isEqualTo(9500);
        assertThat(text).contains("班次报表", shift.shiftId(), "收费员a1(a1)", "应收", "138.00", "实收", "120.00",
                "减免", "18.00", "现金", "95.00", "场内预付", "25.00", "军警车", "无入场记录收费", "抬杆:设备故障",
                "应有现金", "实点现金", "80.00", "差额", "-15.00", "短款 1.50 元", "50元×1 20元×1 10元×1",
                "京B12340", "京E77777", "无入场记录", "每小时收入", "每小时进出车辆");
        assertThat(text).doesNotContain("重印");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getNumberOfPages()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aReprintSaysSoOnEveryPage() throws IOException {
        reports.produce(shift, "a1", "printer");
        ShiftReport again = reports.produce(shift, "boss", "pdf");
        assertThat(again.printNo()).isEqualTo(1);
        byte[] pdf = new ShiftReportPdf().bytes(again);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                assertThat(s.getText(d)).as("page %d", p).contains("重印");
            }
        }
    }

    @Test
    void theBuiltInFontIsUsedWhenTheMachineHasNoChineseFont() throws IOException {
        byte[] pdf = new ShiftReportPdf(ReportFonts.builtIn()).bytes(reports.preview(shift));
        assertThat(text(pdf)).contains("应收", "138.00", "实收", "120.00", "军警车");
    }

    @Test
    void theHourlyFiguresAddUpToTheIncome() {
        ShiftReport r = reports.preview(shift);
        long income = r.hours().stream().mapToLong(ShiftReport.Hour::totalFen).sum();
        assertThat(income).isEqualTo(r.totals().receivedFen());
        assertThat(r.hours().stream().mapToInt(ShiftReport.Hour::out).sum()).isEqualTo(r.totals().carsOut());
        assertThat(r.hours()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void receiptsFitTheirPaperAndCarryTheFee() throws IOException {
        Receipt rc = new Receipt("演示停车场", "B1", "B1202611250801000001", "京A12345",
                StaffFixture.T0.minus(Duration.ofMinutes(135)), StaffFixture.T0,
                List.of(new Receipt.Line("首小时 5元", 500), new Receipt.Line("后续每小时 2元 × 2 小时（夜间封顶规则适用于本次停车时段）", 400)),
                900, 900, 1000, "收费员a1(a1)", true);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        for (ReceiptLayout.Paper paper : ReceiptLayout.Paper.values()) {
            List<String> lines = ReceiptLayout.lines(rc, paper, zone);
            assertThat(lines).allSatisfy(l -> assertThat(ReceiptLayout.width(l)).isLessThanOrEqualTo(paper.columns()));
            assertThat(String.join("\n", lines)).contains("京A12345", "2小时15分", "9.00", "找零", "1.00", "重印",
                    "收费员a1(a1)", "B1202611250801000001");
            String text = text(new ReceiptPdf().bytes(rc, paper, zone));
            assertThat(text.replace('\u00a0', ' ')).contains("京A12345", "9.00元", "重印");
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }
}
