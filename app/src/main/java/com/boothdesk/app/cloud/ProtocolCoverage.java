package com.boothdesk.app.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.boothdesk.app.cloud.sync.ListSync;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.OrderUplinks;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.MessageSpec;
import com.boothdesk.sdk.protocol.ServiceName;

/**
 * How the running booth handles every catalogue entry: a downlink has an effect, is answered only, or is refused
 * (from the {@link DownlinkRouter}'s registrations); an uplink is sent when its event happens, or not sent (from
 * {@link #SENDERS}, the booth's uplink senders). {@code ./boothdesk protocol list} prints it and
 * PROTOCOL-COVERAGE.md is generated from it ({@code ProtocolCoverageTest} keeps the file current and checks that
 * the router used here registers exactly what the running booth registers).
 */
public final class ProtocolCoverage {

    /** How one entry is handled. */
    public enum Handling {
        EFFECT("effect"), ANSWERED("answered only"), REFUSED("refused"),
        /** proto4: a downlink the notes say nothing of (no name, no field): nothing can recognise it. */
        NOT_IN_NOTES("not in the notes"), SENT("sent"), NOT_SENT("not sent");

        private final String label;

        Handling(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One entry.
     *
     * @param spec     the catalogue entry
     * @param handling what the booth does with it
     * @param note     what happens, or why not
     */
    public record Row(MessageSpec spec, Handling handling, String note) {
    }

    /**
     * Every uplink the booth sends, with the event that sends it and the class that builds it. An entry here is a
     * promise the code keeps: each is produced by the class named.
     */
    public static final Map<ServiceName, String> SENDERS = senders();

    /** Uplinks sent for an entry the notes give no service_name for (by ToC number). */
    public static final Map<String, String> UNNAMED_SENDERS = Map.of(
            "2.22", "at the handover, name configured in staff settings (StaffUplinks)",
            "2.27", "a stored-value payment at the exit, name INFERRED (JdbcVehicleLists)",
            "7.5", "the exit pay-code URL with its MD5 sign, renewed while a car waits, shown as the exit QR "
                    + "(ExitPayCodeUrl)");

    /** What the notes leave open, per entry, listed under the table. */
    public static final Map<String, String> OPEN = openQuestions();

    private final List<Row> rows;

    private ProtocolCoverage(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The coverage of a booth whose downlinks are registered on {@code router}. */
    public static ProtocolCoverage of(DownlinkRouter router) {
        Map<ServiceName, DownlinkRouter.Registration> regs = router.registrations();
        Map<String, DownlinkRouter.UnnamedRegistration> unnamed = router.unnamedRegistrations();
        List<Row> rows = new ArrayList<>();
        for (MessageSpec e : Catalogue.get().entries()) {
            Optional<ServiceName> name = e.hasServiceName() ? ServiceName.of(e.serviceName())
                    : java.util.Arrays.stream(ServiceName.values()).filter(n -> n.tocs().contains(e.toc())).findFirst();
            if (e.direction() == MessageSpec.Direction.DOWN) {
                DownlinkRouter.Registration r = name.map(regs::get).orElse(null);
                DownlinkRouter.UnnamedRegistration u = unnamed.get(e.toc());
                if (r != null) {
                    rows.add(new Row(e, r.handling() == DownlinkRouter.Handling.EFFECT ? Handling.EFFECT
                            : Handling.ANSWERED, r.note() + (r.by().isEmpty() ? "" : " (" + r.by() + ")")));
                } else if (u != null) {
                    rows.add(new Row(e, u.handling() == DownlinkRouter.Handling.EFFECT ? Handling.EFFECT
                            : Handling.ANSWERED, u.note() + " (" + u.by() + ")"));
                } else if (!e.hasServiceName() && e.coverage() == MessageSpec.Coverage.UNKNOWN) {
                    rows.add(new Row(e, Handling.NOT_IN_NOTES, "the notes give no name, field or answer: no message "
                            + "can be told to be this one (an unknown name is answered state 0 \""
                            + com.boothdesk.sdk.message.downlink.DownlinkReply.NOT_HANDLED + "\")"));
                } else {
                    rows.add(new Row(e, Handling.REFUSED, "answered state 0 \""
                            + com.boothdesk.sdk.message.downlink.DownlinkReply.NOT_HANDLED + "\""));
                }
            } else if (e.toc().equals("1.1")) {
                rows.add(new Row(e, Handling.SENT, "at every connection (TcpCloudLink)"));
            } else {
                String when = name.map(SENDERS::get).orElse(UNNAMED_SENDERS.get(e.toc()));
                rows.add(when == null ? new Row(e, Handling.NOT_SENT, "")
                        : new Row(e, Handling.SENT, when));
            }
        }
        return new ProtocolCoverage(rows);
    }

    /**
     * The coverage of the booth's own registrations, built without starting a booth: the same modules register on
     * a router backed by a throw-away database.
     */
    public static ProtocolCoverage ofThisBooth() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("boothdesk-coverage");
            try (Database db = Database.open(dir.resolve("db"))) {
                return of(registerAll(db));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    /**
     * Registers every downlink module of the booth, as {@code BoothApp} does, on a fresh router over {@code db}.
     * A module that registers downlinks in {@code BoothApp} adds its line here too (the test compares both).
     */
    static DownlinkRouter registerAll(Database db) {
        Clock clock = Clock.systemUTC();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        DownlinkRouter router = new DownlinkRouter(zone);
        JdbcOutbox outbox = new JdbcOutbox(db.dataSource(), clock);
        JdbcOrderRepository orders = new JdbcOrderRepository(db, OrderUplinks.NONE);
        JdbcParkSpaces spaces = new JdbcParkSpaces(db, 100, clock);
        new com.boothdesk.app.ops.UpgradeNotices(db, clock, "0").register(router);
        new com.boothdesk.app.ops.LogUpload(Path.of("logs"), outbox, com.boothdesk.app.ops.OpsSettings.defaults(),
                clock, zone, Runnable::run).register(router); // 3.32 (shiftops), registered only
        new LaneDownlinks(orders, Map.of(), spaces, clock, "small", null, clock).register(router);
        new ListSync(db, outbox, zone, clock).register(router);
        new ParkDownlinks(db, orders, Map.of(), spaces, zone, clock).register(router);
        ListSync.registerGateSync(router, db, zone, clock, new LaneChannels(Map.of())); // as ProtocolModule does
        // pay's payment downlinks, registered after the others as BoothApp does
        var payStore = new com.boothdesk.app.payment.PaymentStore(db);
        var exits = new com.boothdesk.app.payment.ExitPayments(Map.of(), orders, payStore,
                com.boothdesk.app.payment.PaymentSettings.from(Map.of()), clock, null, outbox, () -> "", "coverage");
        new com.boothdesk.app.payment.PaymentDownlinks(exits, payStore, orders, Map.of(), spaces, clock, () -> "")
                .register(router);
        return router;
    }

    /** Writes PROTOCOL-COVERAGE.md to the path given (the same text as {@code protocol list --markdown}). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "PROTOCOL-COVERAGE.md");
        ProtocolCoverage c = ofThisBooth();
        Files.writeString(out, c.markdown(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.println(c.summary());
    }

    public List<Row> rows() {
        return rows;
    }

    /** How many entries of the catalogue section (2, 3, 4, 7, L) are handled each way. */
    public Map<Handling, Long> count(String section) {
        Map<Handling, Long> m = new EnumMap<>(Handling.class);
        for (Handling h : Handling.values()) {
            m.put(h, 0L);
        }
        rows.stream().filter(r -> r.spec().toc().startsWith(section + "."))
                .forEach(r -> m.merge(r.handling(), 1L, Long::sum));
        return m;
    }

    /** The text table of {@code ./boothdesk protocol list}. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-5s %-26s %-6s %-14s %s%n", "ToC", "service_name", "dir", "booth", "how"));
        for (Row r : rows) {
            MessageSpec e = r.spec();
            b.append(String.format("%-5s %-26s %-6s %-14s %s%n", e.toc(), e.hasServiceName() ? e.serviceName()
                    : "(unknown)", e.direction(), r.handling().label(), r.note()));
        }
        b.append(System.lineSeparator()).append(summary()).append(System.lineSeparator());
        return b.toString();
    }

    /** One line per section with the counts. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("2", "uplinks (section 2)");
        sections.put("3", "downlinks (section 3)");
        sections.put("4", "SDK queries (section 4)");
        sections.put("7", "smart screen (section 7)");
        sections.forEach((s, title) -> {
            Map<Handling, Long> c = count(s);
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            b.append(title).append(": ").append(total).append(" entries");
            c.forEach((h, n) -> {
                if (n > 0) {
                    b.append(", ").append(n).append(' ').append(h.label());
                }
            });
            b.append(System.lineSeparator());
        });
        return b.toString().strip();
    }

    /** PROTOCOL-COVERAGE.md. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Protocol coverage\n\n");
        b.append("Generated from the booth's downlink registrations and uplink senders by\n");
        b.append("`./boothdesk protocol list --markdown > PROTOCOL-COVERAGE.md` (ProtocolCoverageTest fails when this\n");
        b.append("file is not current). *effect*: the booth acts on the message and answers; *answered only*: answered\n");
        b.append("as the notes say, nothing to act on; *refused*: answered state 0 \"")
                .append(com.boothdesk.sdk.message.downlink.DownlinkReply.NOT_HANDLED).append(" name\";\n");
        b.append("*not in the notes*: a downlink the notes say nothing of (no name, no field, no answer), which no\n");
        b.append("message can be recognised as; *sent*: the booth sends it when its event happens; *not sent*: never\n");
        b.append("sent.\n\n");
        b.append("## Counts\n\n");
        for (String line : summary().split("\\R")) {
            b.append("- ").append(line).append('\n');
        }
        b.append("\n## Entries\n\n");
        b.append("| ToC | service_name | direction | notes know | booth | how |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            MessageSpec e = r.spec();
            b.append("| ").append(e.toc()).append(" | ").append(e.hasServiceName() ? "`" + e.serviceName() + "`"
                    : "(unknown)").append(" | ").append(e.direction()).append(" | ")
                    .append(e.coverage().name().toLowerCase()).append(" | ").append(r.handling().label())
                    .append(" | ").append(r.note().replace("|", "/")).append(" |\n");
        }
        b.append("\n## What the notes leave open\n\n");
        OPEN.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(ProtocolCoverage::tocKey)))
                .forEach(en -> b.append("- **").append(en.getKey()).append("** ").append(en.getValue()).append('\n'));
        return b.toString();
    }

    private static String tocKey(String toc) {
        String[] p = toc.split("\\.");
        StringBuilder k = new StringBuilder();
        for (String s : p) {
            k.append(String.format("%4s", s));
        }
        return k.toString();
    }

    private static Map<ServiceName, String> senders() {
        Map<ServiceName, String> m = new EnumMap<>(ServiceName.class);
        m.put(ServiceName.IN_PARK, "a stay begins; again with force_update 1 after a plate correction (CloudBridge)");
        m.put(ServiceName.OUT_PARK, "a stay ends at the exit (CloudBridge)");
        m.put(ServiceName.UPLOAD_COLLECTOR, "an attendant account is created, changed or deleted (JdbcStaffStore)");
        m.put(ServiceName.WORK_RECORD, "a shift starts and ends (StaffUplinks)");
        m.put(ServiceName.UPLOAD_LIFTROD, "an attendant moves the barrier by hand (CloudBridge)");
        m.put(ServiceName.UPLOAD_CARPIC, "the pictures of every entry, exit, manual lift and 3.31 capture, over HTTP "
                + "(PictureUploads)");
        m.put(ServiceName.UPLOAD_CONFIRM_ORDER, "a stay leaves under a plate other than the one read: fuzzy pick or "
                + "cloud match (CloudBridge)");
        m.put(ServiceName.QUERY_ORDER, "every 2 s from 10 s after an exit price was answered, for 2 min "
                + "(PaymentStatusPoller)");
        m.put(ServiceName.UPLOAD_TICKET_DEDUCTION, "a coupon is used at the exit (CouponDeductions)");
        m.put(ServiceName.UPLOAD_ORDER, "the complete order after an electronic exit payment (ExitPayments); an "
                + "exception order: an exit without entry record, a stay the cloud settled by 3.28 (CloudBridge)");
        m.put(ServiceName.CODE_URL, "after each login, the lasting exit code of every exit with payment.exit_code=lane "
                + "(PaymentModule)");
        m.put(ServiceName.PARK_LOG, "a setting is changed in the back office (tariff, templates, match, language), with "
                + "its audit row (ParkLogs)");
        m.put(ServiceName.UPLOAD_FILE, "the period's logs asked for by 3.32 (LogUpload)");
        m.put(ServiceName.QUERY_ESCAPE, "the car waiting at an exit: unpaid escapes are flagged (ExitPayments)");
        m.put(ServiceName.LATERPAY_ORDER_UPLOAD, "the attendant lets the car waiting to pay leave now (先走后付, Ctrl+F2, "
                + "payment.later_pay), in place of its out_park; the answer is kept on the order (CloudBridge)");
        m.put(ServiceName.PAY_STATUS, "before the fee is shown: a no-password wallet is charged (ExitPayments)");
        m.put(ServiceName.SCREEN_INFO, "after each login, for every exit with a smart screen (SmartScreens)");
        m.put(ServiceName.INIT_SCREEN, "after 7.1, and to send the screen home after a page (SmartScreens)");
        m.put(ServiceName.OUT, "the car at the exit: monthly, nothing to pay, paid, or due with the pay code "
                + "(SmartScreens)");
        String admin = "a list is changed at the booth (ListAdmin, the one path for booth list changes)";
        for (ServiceName n : List.of(ServiceName.UPLOAD_MONTH_CARD, ServiceName.UPLOAD_MONTH_MEMBER,
                ServiceName.MONTH_PAY_RECORD, ServiceName.UPLOAD_GATE, ServiceName.UPLOAD_BLACKUSER,
                ServiceName.UPLOAD_CAR_TYPE, ServiceName.PREPAY_CARD_RECORD)) {
            m.put(n, admin);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> openQuestions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("1.2.1", "Encrypted uplinks (SDK 4.2+): the notes give segmented RSA with the park's public key and "
                + "Base64, the private key DES/CBC-encrypted in the init reply. Open: the RSA padding (PKCS#1 v1.5 "
                + "assumed), the segment size (117-byte blocks for a 1024-bit key assumed), the DES key and IV "
                + "(which 8 bytes of MD5(s1+s2): both readings built, UplinkCipher.DesKey), how the "
                + "ciphertext is wrapped when handed to the SDK's methods (the Base64 text itself assumed), which "
                + "messages are encrypted (every uplink handed to the vendor SDK assumed); downlinks are not "
                + "encrypted (\"初始化及下行接口无需加密\"). cloud.uplink_public_key (cloud.mode=vendor_sdk) turns it "
                + "on; off by default.");
        m.put("2.39", "correct_business is \"开发中\" for the city platform; after F6 or 3.43 the booth re-sends 2.1 with "
                + "force_update 1, which the notes define (\"强删云平台重复订单号的订单\"), instead.");
        m.put("3.5", "price_sync (checked again, proto4): the notes know it from code only and give price_id, "
                + "car_type, describe, create_time, update_time and operate_type, no tariff structure (no period, unit, "
                + "price, cap or free time): kept for reference and answered, the local tariff prices the stays.");
        m.put("2.37", "etc_pay (checked, proto4) is the deduction request of an ETC lane unit: lane_no is the ETC "
                + "lane code and pay_type the ETC provider (my 蚂蚁智行 / cj 畅捷 / jyyh 金溢云盒), the car is identified "
                + "by the unit's OBU read; the notes give no answer. Without an ETC reader at the exit (the devices "
                + "module drives none) there is nothing to deduct with, so it is never sent; pay_type etc_pay (2.2) and "
                + "the 3.4 value etc are read.");
        m.put("2.44", "laterpay_order_upload (先走后付): the answer's state values are not given (the example says "
                + "\"2\"): 1 and 2 count as delivered, every answer is kept on the order; field 10 end_time (described "
                + "\"入场时间\") is sent as the exit time; it goes up in place of 2.2 out_park, whose pay_type would "
                + "call the stay free (INFERRED: the notes do not say whether out_park goes too).");
        m.put("3.8", "collector_sync feeds the booth's log-in accounts (no 2.4 echoed back): a new collector is an "
                + "attendant with no booth password until one is set here; a delete ends its log-in, except for the "
                + "booth's last admin with a password (answered state 0, so the booth keeps an account that can "
                + "administer it). The sex codes are not in the notes (kept as given).");
        m.put("3.13", "gate_sync names the lane whose id (the site file's lane id, the channel id of its uplinks) is the "
                + "channel_id; passtype contradicts 2.14 (1 入口 0 出口 here), so the site file keeps the direction and "
                + "a disagreement is logged; lane_no and device_no are kept only; a channel matching no lane is kept "
                + "and logged once. A name received while the window is open shows in the status line at once and in "
                + "the lane's title at the next start.");
        m.put("3.15", "car_type_sync carries car_type_id, name and sort, no tariff: a monthly card's car type (3.7 "
                + "car_type_id) names its fee class by a word of its name (fee.class_by_car_type), other cars by the "
                + "camera's plate colour (fee.class_by_colour), only classes the tariff prices, else "
                + "fee.vehicle_class; which words name which class is the site's, the notes say nothing of it.");
        m.put("3.44", "fixed_charge assumes the car waits at the exit (the 2.17 event being handled); a charge for a "
                + "car not waiting there is kept for its next no-record read at that exit for 30 minutes (INFERRED, in "
                + "memory); a channel that is no exit of this booth is answered state 0.");
        m.put("3.11", "the answer's cloud_notice field is cut off in the notes: the booth leaves it out, so the cloud "
                + "sends 3.10 and the booth extends the card itself.");
        m.put("3.26", "the notes give no service_name; INFERRED from the open API getparkempty: a push with "
                + "query_time that is no known message is answered with carport_total, empty_total, position.");
        m.put("3.30", "points_use has no rate from points to money in the notes: a request that uses points is "
                + "answered state 0; coupons are the 3.12 coupons the cloud delivered.");
        m.put("3.32", "name not in the notes (upload_park_log INFERRED from 3.33's request_no).");
        m.put("3.41", "门禁读取的健康码状态下发: the notes (cloud-protocol.md §8, §9: \"nothing\") and the seed's ToC "
                + "give its title only, no service_name, field or answer, so no message can be recognised as this one "
                + "and no answer can be given \"as the notes say\": counted as *not in the notes*, not as refused (a "
                + "downlink with an unknown name is answered state 0 like every unknown name). The booth drives no "
                + "access-control reader.");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp folder: the OS cleans up what is left
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
