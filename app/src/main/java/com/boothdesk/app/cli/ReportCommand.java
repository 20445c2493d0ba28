package com.boothdesk.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.report.ShiftReport;
import com.boothdesk.app.report.ShiftReportPdf;
import com.boothdesk.app.report.ShiftReports;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.store.staff.JdbcStaffStore;
import com.boothdesk.app.store.staff.StaffUplinks;
import com.boothdesk.sdk.message.Fen;
import com.boothdesk.sdk.outbox.JdbcOutbox;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code boothdesk report}: reports of stored data. */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = {ReportCommand.ShiftReportCommand.class,
        ReportCommand.ReceiptCommand.class},
        description = "Reports of the stored data (the booth may be stopped; a running booth holds the database).")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code report shift [--id ID | --last] --pdf FILE [--data DIR]}. */
    @Command(name = "shift", mixinStandardHelpOptions = true,
            description = "Writes the report of a stored shift (summary, charts, detail list) to a PDF. Every report"
                    + " after the first of a shift is marked as a reprint.")
    public static final class ShiftReportCommand implements Callable<Integer> {

        static final class Which {
            @Option(names = "--id", description = "The shift id.")
            String id;
            @Option(names = "--last", description = "The most recently closed shift.")
            boolean last;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Which which;

        @Option(names = "--pdf", required = true, description = "The PDF file to write.")
        Path pdf;

        @Option(names = "--data", defaultValue = "data", description = "Data folder. Default: ${DEFAULT-VALUE}")
        Path data;

        @Option(names = "--by", description = "Who asks for it (recorded with the print).")
        String by;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BoothConfig cfg;
            try {
                cfg = BoothConfig.load(data, null, null);
            } catch (ConfigException e) {
                err.println("配置错误 / configuration error: " + e.getMessage());
                return 2;
            }
            if (!Files.isDirectory(data.resolve("db"))) {
                err.println("没有数据库 / no database in " + data.toAbsolutePath().resolve("db"));
                return 3;
            }
            Clock clock = Clock.system(cfg.zone());
            try (Database db = Database.open(data.resolve("db"))) {
                JdbcStaffStore store = new JdbcStaffStore(db, new JdbcOutbox(db.dataSource(), clock),
                        new JdbcListStore(clock), new StaffUplinks("unused"));
                ShiftReports reports = new ShiftReports(store, cfg.boothId(), clock);
                Optional<Shift> shift = which != null && which.id != null ? reports.shift(which.id.trim())
                        : reports.last();
                if (shift.isEmpty()) {
                    err.println(which != null && which.id != null ? "没有这个班次 / no shift " + which.id
                            : "还没有已交班的班次 / no closed shift yet");
                    return 1;
                }
                ShiftReport r = reports.produce(shift.get(), by, "pdf");
                Path parent = pdf.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (OutputStream o = Files.newOutputStream(pdf)) {
                    new ShiftReportPdf().write(r, o);
                }
                out.printf("班次 %s  %s  应收 %s  实收 %s  现金 %s  %d 笔%s%n写入 / written: %s%n",
                        r.shift().shiftId(), r.attendant(), Fen.format(r.totals().receivableFen()),
                        Fen.format(r.totals().receivedFen()), Fen.format(r.totals().cashFen()),
                        r.totals().exitCount(), r.reprint() ? "  (重印 reprint " + r.printNo() + ")" : "",
                        pdf.toAbsolutePath());
                out.flush();
                return 0;
            } catch (StoreException e) {
                err.println(e.getMessage());
                return 3;
            } catch (IOException e) {
                err.println("无法写入 / cannot write " + pdf + ": " + e.getMessage());
                return 4;
            }
        }
    }

    /** {@code report receipt --order ID --pdf FILE [--data DIR]}: reprints an exit's cash receipt (重印). */
    @Command(name = "receipt", mixinStandardHelpOptions = true,
            description = "Reprints the cash receipt of an order (marked 重印) to a PDF the width of the receipt paper.")
    public static final class ReceiptCommand implements Callable<Integer> {

        @Option(names = "--order", required = true, description = "The order id.")
        String order;

        @Option(names = "--pdf", required = true, description = "The PDF file to write.")
        Path pdf;

        @Option(names = "--data", defaultValue = "data", description = "Data folder. Default: ${DEFAULT-VALUE}")
        Path data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BoothConfig cfg;
            com.boothdesk.app.report.ReceiptSettings settings;
            try {
                cfg = BoothConfig.load(data, null, null);
                settings = com.boothdesk.app.report.ReceiptSettings.load(data);
            } catch (ConfigException e) {
                err.println("配置错误 / configuration error: " + e.getMessage());
                return 2;
            }
            if (!Files.isDirectory(data.resolve("db"))) {
                err.println("没有数据库 / no database in " + data.toAbsolutePath().resolve("db"));
                return 3;
            }
            Clock clock = Clock.system(cfg.zone());
            try (Database db = Database.open(data.resolve("db"));
                 com.boothdesk.app.report.ExitReceipts receipts = new com.boothdesk.app.report.ExitReceipts(db,
                         settings, cfg.boothId(), data.resolve("receipts"), cfg.zone(), clock, id -> id)) {
                IOException[] failed = {null};
                receipts.printTo(r -> {
                    try {
                        Path parent = pdf.toAbsolutePath().getParent();
                        if (parent != null) {
                            Files.createDirectories(parent);
                        }
                        Files.write(pdf, new com.boothdesk.app.report.ReceiptPdf().bytes(r, settings.paper(),
                                cfg.zone()));
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                });
                var r = receipts.reprint(order.trim());
                if (r.isEmpty()) {
                    err.println("这个订单没有收费凭证 / no receipt kept for order " + order);
                    return 1;
                }
                if (failed[0] != null) {
                    err.println("无法写入 / cannot write " + pdf + ": " + failed[0].getMessage());
                    return 4;
                }
                out.printf("订单 %s  %s  实收 %s  (重印 reprint)%n写入 / written: %s%n", r.get().orderId(),
                        r.get().plate(), Fen.format(r.get().paidFen()), pdf.toAbsolutePath());
                out.flush();
                return 0;
            } catch (StoreException e) {
                err.println(e.getMessage());
                return 3;
            }
        }
    }
}
