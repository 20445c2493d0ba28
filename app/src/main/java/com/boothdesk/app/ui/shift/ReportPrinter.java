package com.boothdesk.app.ui.shift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

import javafx.scene.Node;

import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.report.Receipt;
import com.boothdesk.app.report.ReceiptLayout;
import com.boothdesk.app.report.ShiftReport;
import com.boothdesk.app.report.ShiftReportPdf;
import com.boothdesk.app.report.ShiftReports;

/**
 * Prints shift reports and receipts to a {@link PrintSink}: the report is built in the background (the store),
 * the pages on the FX thread. Every print is recorded; any past shift can be reprinted, and the reprint says so.
 */
public final class ReportPrinter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportPrinter.class);

    private final ShiftReports reports;
    private final PrintSink sink;
    private final UiExecutors ex;

    public ReportPrinter(ShiftReports reports, PrintSink sink, UiExecutors ex) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.ex = Objects.requireNonNull(ex, "ex");
    }

    /** Prints the shift's report; {@code done} gets it (with its print number), {@code failed} the reason. */
    public void printShift(Shift shift, String by, java.util.function.Consumer<ShiftReport> done,
                           java.util.function.Consumer<RuntimeException> failed) {
        ex.run(() -> reports.produce(shift, by, "printer"), r -> {
            try {
                List<Node> pages = ReportPages.shiftReport(r);
                sink.print(jobName(r), pages);
                done.accept(r);
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }, failed);
    }

    /**
     * Prints the shift's report; when the printer fails (none installed, the job failed) the same report is written
     * as PDF into {@code pdfFolder} ({@code shift-<id>[-reprintN].pdf}, the layout of {@code report shift --pdf})
     * and {@code savedAsPdf} gets the file; {@code failed} only when that fails too.
     */
    public void printShift(Shift shift, String by, java.util.function.Consumer<ShiftReport> done, Path pdfFolder,
                           java.util.function.Consumer<Path> savedAsPdf,
                           java.util.function.Consumer<RuntimeException> failed) {
        ex.run(() -> reports.produce(shift, by, "printer"), r -> {
            try {
                sink.print(jobName(r), ReportPages.shiftReport(r));
                done.accept(r);
            } catch (RuntimeException e) {
                LOG.warn("Report of shift {} not printed ({}): saved as PDF in {}", r.shift().shiftId(), e.toString(),
                        pdfFolder);
                ex.run(() -> savePdf(r, pdfFolder), savedAsPdf, failed);
            }
        }, failed);
    }

    private static String jobName(ShiftReport r) {
        return "shift-" + r.shift().shiftId() + (r.reprint() ? "-reprint" + r.printNo() : "");
    }

    private static Path savePdf(ShiftReport r, Path folder) {
        try {
            Files.createDirectories(folder);
            Path out = folder.resolve(jobName(r).replaceAll("[^0-9A-Za-z_-]", "_") + ".pdf");
            Path tmp = folder.resolve(out.getFileName() + ".part");
            Files.write(tmp, new ShiftReportPdf().bytes(r));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Report of shift {} saved as {}", r.shift().shiftId(), out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("报表无法保存 / the report could not be saved: " + e.getMessage(), e);
        }
    }

    /** Prints a cash receipt (on request, always, or a reprint from the order). */
    public void printReceipt(Receipt receipt, ReceiptLayout.Paper paper, java.time.ZoneId zone) {
        sink.print("receipt-" + receipt.orderId() + (receipt.reprint() ? "-reprint" : ""),
                List.of(ReportPages.receipt(receipt, paper, zone)));
    }
}
