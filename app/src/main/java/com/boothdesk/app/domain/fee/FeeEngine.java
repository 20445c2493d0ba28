package com.boothdesk.app.domain.fee;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices stays with a {@link Tariff}. Pure and thread-safe: no clock, no I/O; the same request always gives the
 * same quote.
 *
 * <p>Order of application, fixed whatever order the inputs come in:
 * <ol>
 *   <li>times are truncated to the minute; an exit before the entry costs nothing (and says so);</li>
 *   <li>post-payment grace: prepaid and leaving within {@code paidGraceMinutes} of paying → the time after the
 *       payment is not charged;</li>
 *   <li>the tariff of the vehicle class (or the tariff's default class, with a note): free minutes, periods,
 *       period caps, daily / multi-day caps, stay cap → {@code grossFen};</li>
 *   <li>coupons: full, then time (the shorter stay is priced again), then percent, then amount;</li>
 *   <li>prepaid money;</li>
 *   <li>stored-value balance;</li>
 *   <li>what is left is {@code totalFen}.</li>
 * </ol>
 */
public final class FeeEngine {

    /** The default zone: lots are in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(FeeEngine.class);
    /** Longer stays are priced but flagged: usually a wrong entry time or a forgotten order. */
    private static final long LONG_STAY_DAYS = 366;
    /** Longer stays are priced as this long: an entry time this old is wrong, and pricing it costs CPU. */
    private static final long MAX_PRICED_DAYS = 5 * 366;

    private final ZoneId zone;
    private final StayPricer pricer;

    /** Asia/Shanghai, every day a workday. */
    public FeeEngine() {
        this(CHINA);
    }

    /** Every day a workday. */
    public FeeEngine(ZoneId zone) {
        this(zone, HolidayCalendar.allWorkdays());
    }

    public FeeEngine(ZoneId zone, HolidayCalendar calendar) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.pricer = new StayPricer(zone, Objects.requireNonNull(calendar, "calendar"));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The fee of a plain stay: no prepaid money, coupons or balance. */
    public FeeQuote quote(Tariff tariff, String vehicleClass, Instant in, Instant out) {
        return quote(tariff, FeeRequest.of(vehicleClass, in, out));
    }

    /** The fee of a stay priced by the tariff that was in force when the car entered. */
    public FeeQuote quote(TariffSchedule schedule, FeeRequest request) {
        return quote(schedule.inForceAt(request.in()), request);
    }

    /** The fee of a stay with prepaid money, coupons and a stored-value balance. */
    public FeeQuote quote(Tariff tariff, FeeRequest request) {
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(request, "request");
        List<FeeLine> lines = new ArrayList<>();
        ClassTariff rules = tariff.find(request.vehicleClass()).orElse(null);
        if (rules == null) {
            rules = tariff.classes().get(tariff.defaultClass());
            LOG.warn("Tariff {} has no rules for vehicle class '{}'; priced as '{}'", tariff.id(),
                    request.vehicleClass(), rules.vehicleClass());
            lines.add(request.vehicleClass() == null || request.vehicleClass().isBlank()
                    ? FeeLine.note(FeeLine.Say.NO_CLASS, rules.displayName())
                    : FeeLine.note(FeeLine.Say.UNKNOWN_CLASS, request.vehicleClass(), rules.displayName()));
        }
        Instant in = request.in().truncatedTo(ChronoUnit.MINUTES);
        Instant out = request.out().truncatedTo(ChronoUnit.MINUTES);
        if (out.isBefore(in)) {
            LOG.warn("Exit {} before entry {} (vehicle class {}): fee 0", request.out(), request.in(),
                    request.vehicleClass());
            lines.add(FeeLine.note(FeeLine.Say.EXIT_BEFORE_ENTRY));
            return new FeeQuote(0, 0, lines, 0, 0, 0, tariff.id(), rules.vehicleClass(), in, out, 0);
        }

        Instant earliest = out.minus(Duration.ofDays(MAX_PRICED_DAYS));
        if (in.isBefore(earliest)) {
            // a camera with a reset clock sends 1970: price a bounded stay, never zero, never for minutes of CPU
            LOG.warn("Entry {} is more than {} days before exit {} (class {}): priced as {} days", request.in(),
                    MAX_PRICED_DAYS, request.out(), rules.vehicleClass(), MAX_PRICED_DAYS);
            lines.add(FeeLine.note(FeeLine.Say.ENTRY_TOO_OLD, String.valueOf(request.in()), MAX_PRICED_DAYS));
            in = earliest;
        } else if (Duration.between(in, out).toDays() > LONG_STAY_DAYS) {
            LOG.warn("Stay of {} days ({} → {}, class {}): priced, but check the entry time", Duration.between(in,
                    out).toDays(), in, out, rules.vehicleClass());
            lines.add(FeeLine.note(FeeLine.Say.LONG_STAY, LONG_STAY_DAYS));
        }
        Instant chargedOut = out;
        if (request.paidAt() != null && request.prepaidFen() > 0) {
            Instant paidAt = request.paidAt().truncatedTo(ChronoUnit.MINUTES);
            Instant leaveBy = paidAt.plus(Duration.ofMinutes(Math.max(0, request.paidGraceMinutes())));
            if (!out.isAfter(leaveBy)) {
                chargedOut = paidAt.isBefore(in) ? in : (paidAt.isAfter(out) ? out : paidAt);
                lines.add(FeeLine.note(FeeLine.Say.PAID_IN_GRACE, request.paidGraceMinutes()));
            } else {
                lines.add(FeeLine.note(FeeLine.Say.PAID_LATE, request.paidGraceMinutes()));
            }
        }

        StayPricer.Charge charge = pricer.price(rules, in, chargedOut);
        lines.addAll(charge.lines());
        long gross = charge.fen();
        long due = applyCoupons(rules, request, in, chargedOut, out, gross, lines);
        long discount = gross - due;

        long prepaid = 0;
        if (request.prepaidFen() > 0) {
            prepaid = Math.min(request.prepaidFen(), due);
            lines.add(FeeLine.of(FeeLine.Kind.PREPAID, -prepaid, FeeLine.Say.PREPAID,
                    Fen.format(request.prepaidFen())));
            if (request.prepaidFen() > due) {
                lines.add(FeeLine.note(FeeLine.Say.PREPAID_EXTRA, Fen.format(request.prepaidFen() - due)));
            }
            due -= prepaid;
        }
        long balance = 0;
        if (request.balanceFen() > 0 && due > 0) {
            balance = Math.min(request.balanceFen(), due);
            due -= balance;
            lines.add(FeeLine.of(FeeLine.Kind.BALANCE, -balance, FeeLine.Say.BALANCE,
                    Fen.format(request.balanceFen()), Fen.format(request.balanceFen() - balance)));
            if (due > 0) {
                lines.add(FeeLine.note(FeeLine.Say.BALANCE_SHORT, Fen.format(due)));
            }
        }
        FeeQuote quote = new FeeQuote(due, gross, lines, discount, prepaid, balance, tariff.id(),
                rules.vehicleClass(), in, out, StayPricer.minutes(in, out));
        if (LOG.isDebugEnabled()) {
            LOG.debug("Fee {} {} {}→{}: gross {} total {}", tariff.id(), rules.vehicleClass(), in, out,
                    Fen.format(gross), Fen.format(due));
        }
        return quote;
    }

    private long applyCoupons(ClassTariff rules, FeeRequest request, Instant in, Instant chargedOut, Instant out,
                              long gross, List<FeeLine> lines) {
        List<Coupon> coupons = new ArrayList<>(request.coupons());
        coupons.sort(Comparator.comparing(Coupon::kind));
        long due = gross;
        long timeOff = 0;
        for (Coupon c : coupons) {
            String name = c.id();
            if (c.validUntil() != null && out.isAfter(c.validUntil())) {
                lines.add(FeeLine.note(FeeLine.Say.COUPON_EXPIRED, name));
                continue;
            }
            if (invalid(c)) {
                LOG.warn("Coupon {} has an impossible value {} for {}; not used", c.id(), c.value(), c.kind());
                lines.add(FeeLine.note(FeeLine.Say.COUPON_INVALID, name, c.value()));
                continue;
            }
            if (due == 0) {
                lines.add(FeeLine.note(FeeLine.Say.COUPON_UNUSED, name));
                continue;
            }
            switch (c.kind()) {
                case FULL -> {
                    lines.add(FeeLine.of(FeeLine.Kind.COUPON, -due, FeeLine.Say.COUPON_FULL, name));
                    due = 0;
                }
                case TIME -> {
                    timeOff += c.value();
                    Instant shorter = chargedOut.minus(Duration.ofMinutes(timeOff));
                    long reduced = shorter.isAfter(in) ? pricer.price(rules, in, shorter).fen() : 0;
                    long off = Math.max(0, due - Math.min(due, reduced));
                    lines.add(FeeLine.of(FeeLine.Kind.COUPON, -off, FeeLine.Say.COUPON_TIME, name,
                            new FeeLine.Minutes(c.value())));
                    due -= off;
                }
                case PERCENT -> {
                    long pay = (due * (100 - c.value()) + 50) / 100;
                    lines.add(FeeLine.of(FeeLine.Kind.COUPON, pay - due, FeeLine.Say.COUPON_PERCENT, name, c.value()));
                    due = pay;
                }
                case AMOUNT -> {
                    long off = Math.min(due, c.value());
                    lines.add(FeeLine.of(FeeLine.Kind.COUPON, -off, FeeLine.Say.COUPON_AMOUNT, name,
                            Fen.format(c.value())));
                    if (c.value() > off) {
                        lines.add(FeeLine.note(FeeLine.Say.COUPON_EXTRA, name, Fen.format(c.value() - off)));
                    }
                    due -= off;
                }
                default -> throw new IllegalStateException("unknown coupon kind " + c.kind());
            }
        }
        return due;
    }

    private static boolean invalid(Coupon c) {
        return switch (c.kind()) {
            case FULL -> false;
            case TIME, AMOUNT -> c.value() <= 0;
            case PERCENT -> c.value() <= 0 || c.value() > 100;
        };
    }
}
