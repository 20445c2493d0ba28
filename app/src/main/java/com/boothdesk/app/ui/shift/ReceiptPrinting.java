package com.boothdesk.app.ui.shift;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.BoothContext;
import com.boothdesk.app.report.ExitReceipts;
import com.boothdesk.app.report.Receipt;
import com.boothdesk.app.ui.BoothWindow;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.UiThread;

/**
 * Cash receipts of the exit on the system printer (JavaFX printing): every receipt {@link ExitReceipts} prints
 * ({@code receipt.print=always}, a reprint, the attendant's request) is laid out for the configured paper
 * ({@link ReportPages#receipt}) and sent to the {@link PrintSink}. When the sink fails (no printer installed, the
 * job failed) the receipt is saved as the PDF file sink would ({@code <data>/receipts/...}) and the screen says so;
 * nothing is lost. <b>Ctrl+P</b> prints the receipt of the latest cash exit (on request; a second print says 重印).
 */
public final class ReceiptPrinting {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinting.class);

    private final ExitReceipts receipts;
    private final PrintSink sink;
    private final Messages messages;
    private final ZoneId zone;
    private final Executor background;
    private final Consumer<String> notice;

    /**
     * @param background where the PDF fallback is written (never the FX thread)
     * @param notice     the line the screen shows (called on the FX thread)
     */
    public ReceiptPrinting(ExitReceipts receipts, PrintSink sink, Messages messages, ZoneId zone,
                           Executor background, Consumer<String> notice) {
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.background = Objects.requireNonNull(background, "background");
        this.notice = Objects.requireNonNull(notice, "notice");
    }

    /** The running booth's window: the system printer, Ctrl+P, the duty line's notice. Nothing for other contexts. */
    public static void attach(BoothWindow window, BoothContext ctx) {
        if (!(ctx instanceof BoothApp app) || app.receipts() == null) {
            return;
        }
        Consumer<String> notice = window.duty() == null ? text -> { } : text -> window.duty().notice().set(text);
        ReceiptPrinting printing = new ReceiptPrinting(app.receipts(), new FxPrinterSink(), ctx.messages(),
                ctx.clock().getZone(), r -> java.util.concurrent.CompletableFuture.runAsync(r), notice);
        printing.follow();
        window.root().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() && e.getCode() == KeyCode.P) {
                e.consume();
                printing.printLatest();
            }
        });
    }

    /** From now on every receipt the booth prints goes to the sink. */
    public void follow() {
        receipts.printTo(this::print);
    }

    /** The receipt of the latest cash exit (Ctrl+P), looked up and marked in the background. */
    public void printLatest() {
        background.execute(() -> {
            try {
                if (receipts.printLatest().isEmpty()) {
                    UiThread.run(() -> notice.accept(messages.get("ui.receipt.none")));
                }
            } catch (RuntimeException e) {
                LOG.warn("Receipt on request failed: {}", e.toString());
                UiThread.run(() -> notice.accept(messages.get("ui.receipt.failed", "-", String.valueOf(e.getMessage()))));
            }
        });
    }

    /** Called by {@link ExitReceipts} on its own thread: lays out and prints on the FX thread. */
    void print(Receipt r) {
        UiThread.run(() -> {
            try {
                sink.print("receipt-" + r.orderId() + (r.reprint() ? "-reprint" : ""),
                        List.of(ReportPages.receipt(r, receipts.settings().paper(), zone)));
                notice.accept(messages.get("ui.receipt.printed", r.orderId()));
            } catch (RuntimeException e) {
                LOG.warn("Receipt of order {} not printed ({}); saved as PDF instead", r.orderId(), e.toString());
                background.execute(() -> fallback(r, e));
            }
        });
    }

    private void fallback(Receipt r, RuntimeException why) {
        try {
            Path pdf = receipts.savePdf(r);
            UiThread.run(() -> notice.accept(messages.get("ui.receipt.pdf", r.orderId(), pdf.getFileName())));
        } catch (RuntimeException e) {
            LOG.error("Receipt of order {} neither printed nor saved: {}", r.orderId(), e.toString());
            UiThread.run(() -> notice.accept(messages.get("ui.receipt.failed", r.orderId(),
                    String.valueOf(why.getMessage()))));
        }
    }
}
