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
            lines.add(FeeLine.note((request.vehicleClass() == null || request.vehicleClass().isBlank() ? "未指定车型"
                    : "车型 " + request.vehicleClass() + " 无收费标准") + ", 按" + rules.displayName() + "计费"));
        }
        Instant in = request.in().truncatedTo(ChronoUnit.MINUTES);
        Instant out = request.out().truncatedTo(ChronoUnit.MINUTES);
        if (out.isBefore(in)) {
            LOG.warn("Exit {} before entry {} (vehicle class {}): fee 0", request.out(), request.in(),
                    request.vehicleClass());
            lines.add(FeeLine.note("出场时间早于入场时间, 不计费, 请核对"));
            return new FeeQuote(0, 0, lines, 0, 0, 0, tariff.id(), rules.vehicleClass(), in, out, 0);
        }

        Instant earliest = out.minus(Duration.ofDays(MAX_PRICED_DAYS));
        if (in.isBefore(earliest)) {
            // a camera with a reset clock sends 1970: price a bounded stay, never zero, never for minutes of CPU
            LOG.warn("Entry {} is more than {} days before exit {} (class {}): priced as {} days", request.in(),
                    MAX_PRICED_DAYS, request.out(), rules.vehicleClass(), MAX_PRICED_DAYS);
            lines.add(FeeLine.note("入场时间 " + request.in() + " 距出场超过" + MAX_PRICED_DAYS + "天, 按"
                    + MAX_PRICED_DAYS + "天计费, 请核对入场时间"));
            in = earliest;
        } else if (Duration.between(in, out).toDays() > LONG_STAY_DAYS) {
            LOG.warn("Stay of {} days ({} → {}, class {}): priced, but check the entry time", Duration.between(in,
                    out).toDays(), in, out, rules.vehicleClass());
            lines.add(FeeLine.note("停车超过" + LONG_STAY_DAYS + "天, 请核对入场时间"));
        }
        Instant chargedOut = out;
        if (request.paidAt() != null && request.prepaidFen() > 0) {
            Instant paidAt = request.paidAt().truncatedTo(ChronoUnit.MINUTES);
            Instant leaveBy = paidAt.plus(Duration.ofMinutes(Math.max(0, request.paidGraceMinutes())));
            if (!out.isAfter(leaveBy)) {
                chargedOut = paidAt.isBefore(in) ? in : (paidAt.isAfter(out) ? out : paidAt);
                lines.add(FeeLine.note("已于缴费后" + request.paidGraceMinutes() + "分钟内出场, 缴费后的时间不计费"));
            } else {
                lines.add(FeeLine.note("缴费后超过" + request.paidGraceMinutes() + "分钟才出场, 按出场时间计费, 补缴差额"));
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
            lines.add(new FeeLine("已预付 " + Fen.format(request.prepaidFen()) + "元", -prepaid,
                    FeeLine.Kind.PREPAID));
            if (request.prepaidFen() > due) {
                lines.add(FeeLine.note("预付金额多出 " + Fen.format(request.prepaidFen() - due) + "元, 出口不找零"));
            }
            due -= prepaid;
        }
        long balance = 0;
        if (request.balanceFen() > 0 && due > 0) {
            balance = Math.min(request.balanceFen(), due);
            due -= balance;
            lines.add(new FeeLine("储值卡支付 (余额 " + Fen.format(request.balanceFen()) + "元, 剩余 "
                    + Fen.format(request.balanceFen() - balance) + "元)", -balance, FeeLine.Kind.BALANCE));
            if (due > 0) {
                lines.add(FeeLine.note("储值卡余额不足, 差额 " + Fen.format(due) + "元 需另付"));
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
            String name = "优惠券 " + c.id();
            if (c.validUntil() != null && out.isAfter(c.validUntil())) {
                lines.add(FeeLine.note(name + " 已过期, 未使用"));
                continue;
            }
            if (invalid(c)) {
                LOG.warn("Coupon {} has an impossible value {} for {}; not used", c.id(), c.value(), c.kind());
                lines.add(FeeLine.note(name + " 面值无效 (" + c.value() + "), 未使用"));
                continue;
            }
            if (due == 0) {
                lines.add(FeeLine.note(name + " 未使用: 已无需缴费"));
                continue;
            }
            switch (c.kind()) {
                case FULL -> {
                    lines.add(new FeeLine(name + " 全免", -due, FeeLine.Kind.COUPON));
                    due = 0;
                }
                case TIME -> {
                    timeOff += c.value();
                    Instant shorter = chargedOut.minus(Duration.ofMinutes(timeOff));
                    long reduced = shorter.isAfter(in) ? pricer.price(rules, in, shorter).fen() : 0;
                    long off = Math.max(0, due - Math.min(due, reduced));
                    lines.add(new FeeLine(name + " 减免时长" + FeeText.duration(c.value()), -off,
                            FeeLine.Kind.COUPON));
                    due -= off;
                }
                case PERCENT -> {
                    long pay = (due * (100 - c.value()) + 50) / 100;
                    lines.add(new FeeLine(name + " 折扣" + c.value() + "%", pay - due, FeeLine.Kind.COUPON));
                    due = pay;
                }
                case AMOUNT -> {
                    long off = Math.min(due, c.value());
                    lines.add(new FeeLine(name + " 减免" + Fen.format(c.value()) + "元", -off, FeeLine.Kind.COUPON));
                    if (c.value() > off) {
                        lines.add(FeeLine.note(name + " 超出应缴的 " + Fen.format(c.value() - off) + "元 不找零"));
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
