package com.boothdesk.app.ui.shift;

import java.util.List;
import java.util.Objects;

import javafx.scene.Node;

import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.report.Receipt;
import com.boothdesk.app.report.ReceiptLayout;
import com.boothdesk.app.report.ShiftReport;
import com.boothdesk.app.report.ShiftReports;

/**
 * Prints shift reports and receipts to a {@link PrintSink}: the report is built in the background (the store),
 * the pages on the FX thread. Every print is recorded; any past shift can be reprinted, and the reprint says so.
 */
public final class ReportPrinter {

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
                sink.print("shift-" + r.shift().shiftId() + (r.reprint() ? "-reprint" + r.printNo() : ""), pages);
                done.accept(r);
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }, failed);
    }

    /** Prints a cash receipt (on request, always, or a reprint from the order). */
    public void printReceipt(Receipt receipt, ReceiptLayout.Paper paper, java.time.ZoneId zone) {
        sink.print("receipt-" + receipt.orderId() + (receipt.reprint() ? "-reprint" : ""),
                List.of(ReportPages.receipt(receipt, paper, zone)));
    }
}
