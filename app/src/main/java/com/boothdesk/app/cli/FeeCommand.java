package com.boothdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.FeeRequest;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.fee.HolidayCalendar;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.TariffException;
import com.boothdesk.app.domain.fee.Tariffs;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code boothdesk fee quote --tariff FILE --class small --in 2026-11-25T08:00 --out 2026-11-25T11:00} prints the
 * itemised fee. Without {@code --tariff} the tariff in force is used (the supplier given by the application; the
 * demo's default otherwise). Exit codes: 0 printed, 1 the tariff file is unusable, 2 bad arguments.
 */
@Command(name = "fee", mixinStandardHelpOptions = true, subcommands = {FeeCommand.Quote.class, FeeCommand.Check.class},
        description = "Fee engine: price a stay with a tariff.")
public final class FeeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(FeeCommand.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Supplier<Tariff> tariffInForce;
    private final ZoneId defaultZone;
    private final HolidayCalendar calendar;

    @Spec
    CommandSpec spec;

    /** The demo's default tariff, Asia/Shanghai. */
    public FeeCommand() {
        this(Tariffs::demoDefault, FeeEngine.CHINA);
    }

    /**
     * @param tariffInForce the tariff used without {@code --tariff} (the application's configured one)
     * @param zone          the lot's zone, for times given without an offset
     */
    public FeeCommand(Supplier<Tariff> tariffInForce, ZoneId zone) {
        this(tariffInForce, zone, HolidayCalendar.allWorkdays());
    }

    /**
     * @param tariffInForce the tariff used without {@code --tariff} (the application's configured one)
     * @param zone          the lot's zone, for times given without an offset
     * @param calendar      the lot's holidays, used without {@code --holidays}
     */
    public FeeCommand(Supplier<Tariff> tariffInForce, ZoneId zone, HolidayCalendar calendar) {
        this.tariffInForce = Objects.requireNonNull(tariffInForce, "tariffInForce");
        this.defaultZone = Objects.requireNonNull(zone, "zone");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code fee quote}. */
    @Command(name = "quote", mixinStandardHelpOptions = true,
            description = "Print the itemised fee of one stay.")
    public static final class Quote implements Callable<Integer> {

        @ParentCommand
        FeeCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--tariff", paramLabel = "FILE",
                description = "JSON tariff file (default: the tariff in force)")
        Path tariffFile;

        @Option(names = "--class", paramLabel = "CLASS", defaultValue = "small",
                description = "vehicle class key in the tariff (default: ${DEFAULT-VALUE})")
        String vehicleClass;

        @Option(names = "--in", required = true, paramLabel = "TIME",
                description = "entry time, e.g. 2026-11-25T08:00 (lot time) or 2026-11-25T08:00+08:00")
        String in;

        @Option(names = "--out", required = true, paramLabel = "TIME", description = "exit time")
        String out;

        @Option(names = "--holidays", paramLabel = "FILE",
                description = "holiday calendar JSON {weekendsAreHolidays, holidays, workdays}")
        Path holidaysFile;

        @Option(names = "--zone", paramLabel = "ZONE", description = "the lot's time zone (default Asia/Shanghai)")
        String zone;

        @Option(names = "--prepaid", paramLabel = "YUAN", description = "already paid, in yuan")
        String prepaid;

        @Option(names = "--paid-at", paramLabel = "TIME", description = "when the prepaid money was paid")
        String paidAt;

        @Option(names = "--grace", paramLabel = "MINUTES", defaultValue = "15",
                description = "minutes to leave after paying (default: ${DEFAULT-VALUE})")
        int grace;

        @Option(names = "--coupon", paramLabel = "COUPON",
                description = "full | time:MINUTES | percent:OFF | amount:YUAN; repeatable")
        List<String> coupons = new ArrayList<>();

        @Option(names = "--balance", paramLabel = "YUAN", description = "stored-value card balance, in yuan")
        String balance;

        @Override
        public Integer call() {
            PrintWriter outWriter = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Tariff tariff;
            HolidayCalendar holidays = parent.calendar;
            try {
                tariff = tariffFile == null ? parent.tariffInForce.get() : readTariff(tariffFile);
                if (holidaysFile != null) {
                    try (java.io.InputStream in = java.nio.file.Files.newInputStream(holidaysFile)) {
                        holidays = HolidayCalendar.read(in);
                    } catch (java.io.IOException e) {
                        throw new TariffException("cannot read holiday calendar " + holidaysFile + ": " + e, e);
                    }
                }
            } catch (TariffException e) {
                LOG.warn("fee quote: tariff {} rejected: {}", tariffFile, e.getMessage());
                err.println("收费标准文件无效: " + e.getMessage());
                return 1;
            }
            FeeRequest request;
            ZoneId lotZone;
            try {
                lotZone = zone == null ? parent.defaultZone : ZoneId.of(zone);
                request = FeeRequest.of(vehicleClass, time(in, lotZone, "--in"), time(out, lotZone, "--out"));
                if (prepaid != null) {
                    Instant at = paidAt == null ? request.out() : time(paidAt, lotZone, "--paid-at");
                    request = request.withPrepaid(Fen.parse(prepaid), at, grace);
                }
                if (balance != null) {
                    request = request.withBalance(Fen.parse(balance));
                }
                List<Coupon> list = new ArrayList<>();
                for (int i = 0; i < coupons.size(); i++) {
                    list.add(coupon("C" + (i + 1), coupons.get(i)));
                }
                request = request.withCoupons(list);
            } catch (IllegalArgumentException | DateTimeException e) {
                LOG.warn("fee quote: bad arguments: {}", e.getMessage());
                err.println("参数错误: " + e.getMessage());
                return 2;
            }
            FeeQuote quote = new FeeEngine(lotZone, holidays).quote(tariff, request);
            outWriter.println("收费标准: " + tariff.id() + " (" + tariff.name() + ")");
            outWriter.println("车型: " + quote.vehicleClass() + " ("
                    + tariff.classes().get(quote.vehicleClass()).displayName() + ")");
            outWriter.println("入场: " + SHOWN.format(quote.in().atZone(lotZone)) + "  出场: "
                    + SHOWN.format(quote.out().atZone(lotZone)));
            outWriter.println(quote.explain());
            outWriter.flush();
            return 0;
        }

        private static Tariff readTariff(Path file) throws TariffException {
            return Tariffs.read(file);
        }

        private static Instant time(String text, ZoneId zone, String option) {
            String t = text.trim().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(t).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(option + " '" + text
                            + "' is not a time like 2026-11-25T08:00", e);
                }
            }
        }

        private static Coupon coupon(String id, String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            int colon = t.indexOf(':');
            String kind = colon < 0 ? t : t.substring(0, colon);
            String value = colon < 0 ? "" : t.substring(colon + 1);
            try {
                return switch (kind) {
                    case "full" -> Coupon.full(id);
                    case "time" -> Coupon.minutes(id, Long.parseLong(value));
                    case "percent" -> Coupon.percentOff(id, Long.parseLong(value));
                    case "amount" -> Coupon.amount(id, Fen.parse(value));
                    default -> throw new IllegalArgumentException("--coupon '" + text
                            + "': use full, time:MINUTES, percent:OFF or amount:YUAN");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--coupon '" + text + "': '" + value + "' is not a number", e);
            }
        }
    }

    /** {@code fee check FILE...}: validates tariff files, printing each file's verdict. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate tariff files (gaps, overlaps, impossible values); exit 1 if any is invalid.")
    public static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON tariff files")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            int bad = 0;
            for (Path file : files) {
                try {
                    Tariff t = Tariffs.read(file);
                    spec.commandLine().getOut().println("OK  " + file + ": " + t.id() + " (" + t.name() + "), classes "
                            + t.classes().keySet());
                } catch (TariffException e) {
                    bad++;
                    LOG.warn("fee check: {} rejected: {}", file, e.getMessage());
                    spec.commandLine().getErr().println("BAD " + file + ": " + e.getMessage());
                }
            }
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            return bad == 0 ? 0 : 1;
        }
    }

    /** Runs {@code fee} on its own (for trying tariffs without the application). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new FeeCommand()).execute(args));
    }
}
