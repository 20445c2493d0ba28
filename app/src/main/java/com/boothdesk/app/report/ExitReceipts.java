package com.boothdesk.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.domain.fee.FeeLine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.SettleResult;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Cash receipts at the exit. Each cash settlement's receipt (plate, entry and exit time, duration, the itemised fee as
 * the attendant saw it, paid, tendered, change, attendant, order id) is kept in H2 ({@code exit_receipt}); with
 * {@code receipt.print=always} it is printed at once, otherwise on request, and any kept receipt can be reprinted from
 * its order (the reprint says 重印). "Printed" goes to the print sink: the PDF file sink
 * ({@code <data>/receipts/<date>/<order>.pdf}, the width of the thermal paper) on a booth without a receipt printer,
 * or whatever the screen registers with {@link #printTo}.
 */
public final class ExitReceipts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExitReceipts.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Database db;
    private final ReceiptSettings settings;
    private final String boothId;
    private final Path folder;
    private final ZoneId zone;
    private final Clock clock;
    private final Function<String, String> attendantName;
    private final ExecutorService worker = Threads.single("receipts");
    private volatile Consumer<Receipt> printer;
    private volatile Consumer<Path> printed = p -> { };

    /**
     * @param folder        where the PDF sink writes ({@code <data>/receipts})
     * @param attendantName user id → how the receipt names the attendant (name and id)
     */
    public ExitReceipts(Database db, ReceiptSettings settings, String boothId, Path folder, ZoneId zone, Clock clock,
                        Function<String, String> attendantName) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.boothId = Objects.requireNonNull(boothId, "boothId");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.attendantName = Objects.requireNonNull(attendantName, "attendantName");
        this.printer = this::savePdf;
    }

    /**
     * The receipts of a running booth: {@code receipt.*} of the site file, PDFs under {@code <data>/receipts}, the
     * attendant named as the staff store knows them; following every lane.
     */
    public static ExitReceipts open(Database db, com.boothdesk.app.config.BoothConfig config,
                                    com.boothdesk.app.store.staff.StaffModule staff, Iterable<LaneController> lanes,
                                    Clock clock) {
        Function<String, String> name = id -> staff == null ? id : staff.service().accounts().stream()
                .filter(a -> a.userId().equals(id)).findFirst()
                .map(a -> a.name() == null || a.name().isBlank() ? id : a.name() + "(" + id + ")").orElse(id);
        ExitReceipts r = new ExitReceipts(db, ReceiptSettings.load(config.dataDir()), config.boothId(),
                config.dataDir().toAbsolutePath().resolve("receipts"), config.zone(), clock, name);
        r.follow(lanes);
        return r;
    }

    /** Follows the exits' cash settlements. */
    public void follow(Iterable<LaneController> lanes) {
        if (settings.print() == ReceiptSettings.Mode.OFF) {
            LOG.info("Exit receipts are off (receipt.print=off)");
            return;
        }
        for (LaneController l : lanes) {
            l.onCashSettled((r, quote) -> worker.execute(() -> onSettled(r, quote)));
        }
    }

    /** Where printed receipts go instead of the PDF file sink (the system printer of the screen). */
    public void printTo(Consumer<Receipt> printer) {
        this.printer = Objects.requireNonNull(printer);
    }

    /** Called with each PDF the file sink wrote (tests, the technician's log). */
    public void onPdfWritten(Consumer<Path> listener) {
        this.printed = Objects.requireNonNull(listener);
    }

    public ReceiptSettings settings() {
        return settings;
    }

    void onSettled(SettleResult r, FeeQuote quote) {
        try {
            Receipt receipt = receiptOf(r, quote);
            store(receipt);
            LOG.info("Receipt of order {} kept ({} fen paid, {} tendered)", receipt.orderId(), receipt.paidFen(),
                    receipt.tenderedFen());
            if (settings.print() == ReceiptSettings.Mode.ALWAYS) {
                print(receipt);
            }
        } catch (RuntimeException e) {
            LOG.error("Receipt of order {} failed: {}", r.order().orderId(), e.toString(), e);
        }
    }

    Receipt receiptOf(SettleResult r, FeeQuote quote) {
        ParkingOrder o = r.order();
        List<Receipt.Line> lines = new ArrayList<>();
        if (quote != null) {
            for (FeeLine l : quote.lines()) {
                if (l.kind() != FeeLine.Kind.NOTE) {
                    lines.add(new Receipt.Line(l.label(), l.amountFen()));
                }
            }
        }
        String who;
        try {
            who = o.exitOperator() == null ? "-" : attendantName.apply(o.exitOperator());
        } catch (RuntimeException e) {
            if (!Database.connectionLost(e)) {
                throw e;
            }
            who = o.exitOperator(); // the site database is down: the account's name cannot be read, its id can
        }
        return new Receipt(settings.parkName(), boothId, o.orderId(), o.plate(), o.inTime(),
                o.outTime() == null ? clock.instant() : o.outTime(), lines, o.dueFen(), o.paidFen(), r.tenderedFen(),
                who, false);
    }

    /** Prints a kept receipt again (重印); empty when the order has none. */
    public Optional<Receipt> reprint(String orderId) {
        Optional<Receipt> r = find(orderId).map(x -> new Receipt(x.parkName(), x.boothId(), x.orderId(), x.plate(),
                x.inTime(), x.outTime(), x.lines(), x.dueFen(), x.paidFen(), x.tenderedFen(), x.attendant(), true));
        r.ifPresent(this::print);
        return r;
    }

    /** The kept receipt of an order, as first printed. */
    public Optional<Receipt> find(String orderId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT plate, in_time, out_time, lines_json, due_fen,"
                    + " paid_fen, tendered_fen, attendant FROM exit_receipt WHERE order_id = ?")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    List<Receipt.Line> lines = new ArrayList<>();
                    for (JsonNode n : WireCodec.MAPPER.readTree(rs.getString("lines_json"))) {
                        lines.add(new Receipt.Line(n.path("label").asText(), n.path("fen").asLong()));
                    }
                    Timestamp in = rs.getTimestamp("in_time");
                    return Optional.of(new Receipt(settings.parkName(), boothId, orderId, rs.getString("plate"),
                            in == null ? null : in.toInstant(), rs.getTimestamp("out_time").toInstant(), lines,
                            rs.getLong("due_fen"), rs.getLong("paid_fen"), rs.getLong("tendered_fen"),
                            rs.getString("attendant"), false));
                } catch (IOException e) {
                    throw new IllegalStateException("receipt of " + orderId + " is not readable: " + e.getMessage());
                }
            }
        });
    }

    private void store(Receipt r) {
        ArrayNode lines = WireCodec.MAPPER.createArrayNode();
        r.lines().forEach(l -> lines.addObject().put("label", l.label()).put("fen", l.fen()));
        String json = lines.toString();
        if (json.length() > 4000) {
            json = "[{\"label\":\"(明细过长, 见订单)\",\"fen\":" + r.dueFen() + "}]";
        }
        String linesJson = json;
        com.fasterxml.jackson.databind.node.ObjectNode body = WireCodec.MAPPER.createObjectNode();
        body.put("op", "receipt").put("orderId", r.orderId()).put("madeAt", clock.instant().toString())
                .put("plate", r.plate()).put("inTime", r.inTime() == null ? null : r.inTime().toString())
                .put("outTime", r.outTime().toString()).put("lines", linesJson).put("dueFen", r.dueFen())
                .put("paidFen", r.paidFen()).put("tenderedFen", r.tenderedFen()).put("attendant", r.attendant());
        // on a site database whose server is down: journaled with the stays (payment.PaymentStore.WhileDown)
        Database.SqlWork<Integer> insert = c -> insert(c, r.orderId(), clock.instant(), r.plate(), r.inTime(),
                r.outTime(), linesJson, r.dueFen(), r.paidFen(), r.tenderedFen(), r.attendant());
        Optional<com.boothdesk.app.payment.PaymentStore.WhileDown> down = db.sharedIfMade(
                com.boothdesk.app.payment.PaymentStore.WhileDown.class);
        if (down.isEmpty()) {
            db.write(insert);
        } else {
            down.get().route(() -> db.write(insert), () -> down.get().journal("receipt:" + r.orderId(),
                    body.toString()));
        }
    }

    private static int insert(java.sql.Connection c, String orderId, Instant madeAt, String plate, Instant inTime,
                              Instant outTime, String linesJson, long dueFen, long paidFen, long tenderedFen,
                              String attendant) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exit_receipt (order_id, made_at, plate,"
                + " in_time, out_time, lines_json, due_fen, paid_fen, tendered_fen, attendant)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, orderId);
            ps.setTimestamp(2, Timestamp.from(madeAt));
            ps.setString(3, plate);
            ps.setTimestamp(4, inTime == null ? null : Timestamp.from(inTime));
            ps.setTimestamp(5, Timestamp.from(outTime));
            ps.setString(6, linesJson);
            ps.setLong(7, dueFen);
            ps.setLong(8, paidFen);
            ps.setLong(9, tenderedFen);
            ps.setString(10, attendant.length() > 64 ? attendant.substring(0, 64) : attendant);
            return ps.executeUpdate();
        }
    }

    /** A receipt journaled while the site database was down, replayed (once: false when the order has one). */
    public static boolean replay(java.sql.Connection c, JsonNode n) throws java.sql.SQLException {
        String orderId = n.path("orderId").asText();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM exit_receipt WHERE order_id = ?")) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        JsonNode in = n.get("inTime");
        insert(c, orderId, Instant.parse(n.path("madeAt").asText()), n.path("plate").asText(),
                in == null || in.isNull() ? null : Instant.parse(in.asText()), Instant.parse(n.path("outTime").asText()),
                n.path("lines").asText(), n.path("dueFen").asLong(), n.path("paidFen").asLong(),
                n.path("tenderedFen").asLong(), n.path("attendant").asText());
        return true;
    }

    private void print(Receipt r) {
        printer.accept(r);
        if (db.sharedIfMade(com.boothdesk.app.payment.PaymentStore.WhileDown.class).map(d -> d.read(() -> false,
                () -> true)).orElse(false)) {
            LOG.warn("Receipt of order {} printed while the site database is down: its print count is not kept",
                    r.orderId());
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE exit_receipt SET prints = prints + 1 WHERE order_id = ?")) {
                ps.setString(1, r.orderId());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Prints the receipt of this booth's latest cash exit on request (the attendant's key at the exit): the first
     * print of a kept receipt as it is, a later one says 重印. Empty when no receipt is kept.
     */
    public Optional<Receipt> printLatest() {
        Optional<Object[]> latest = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT order_id, prints FROM exit_receipt"
                    + " ORDER BY made_at DESC, order_id DESC FETCH FIRST 1 ROWS ONLY");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Object[] {rs.getString(1), rs.getInt(2)}) : Optional.empty();
            }
        });
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        String orderId = (String) latest.get()[0];
        if ((Integer) latest.get()[1] > 0) {
            return reprint(orderId);
        }
        Optional<Receipt> r = find(orderId);
        r.ifPresent(this::print);
        return r;
    }

    /**
     * The PDF file sink: one page the width of the paper, {@code <data>/receipts/<date>/<order>[-reprint].pdf};
     * also the fallback of a screen whose printer failed.
     *
     * @return the file written
     */
    public Path savePdf(Receipt r) {
        try {
            Path day = folder.resolve(DAY.format(r.outTime().atZone(zone)));
            Files.createDirectories(day);
            String name = r.orderId().replaceAll("[^0-9A-Za-z_-]", "_") + (r.reprint() ? "-reprint" : "") + ".pdf";
            Path out = day.resolve(name);
            Path tmp = day.resolve(name + ".part");
            Files.write(tmp, new ReceiptPdf().bytes(r, settings.paper(), zone));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Receipt of order {} printed to {}", r.orderId(), out);
            printed.accept(out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("the receipt of " + r.orderId() + " could not be written: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Threads.shutdown(worker);
    }
}
