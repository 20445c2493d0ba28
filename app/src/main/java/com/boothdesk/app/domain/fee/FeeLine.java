package com.boothdesk.app.domain.fee;

import java.util.List;
import java.util.Objects;

/**
 * One item of an itemised fee, readable to a driver.
 *
 * <p>Besides its Chinese {@code label} (the log, the CLI, receipts), a line made by the fee engine carries what it
 * says as structure ({@link #phrase()}: a {@link Say} and its arguments), so that a screen can tell it in the
 * operator's language (the UI's message keys {@code fee.line.<say>}); the domain knows no bundle. Two lines are equal
 * when their label, amount and kind are (the phrase is how the label was made).
 *
 * @param label     Chinese text without the amount, e.g. "08:00-09:00 首小时"
 * @param amountFen what this item adds to (positive) or takes off (negative) the fee; 0 for free time and notes
 * @param kind      what sort of item this is
 * @param phrase    what the label says, as structure; null for a line made from a text only (then the label is all)
 */
public record FeeLine(String label, long amountFen, Kind kind, Phrase phrase) {

    /** What a line stands for. */
    public enum Kind {
        /** Time charged by the tariff. */
        CHARGE,
        /** Time that costs nothing (free minutes, free periods). */
        FREE,
        /** A cap that took money off (period cap, daily cap, stay cap). */
        CAP,
        /** A coupon that took money or time off. */
        COUPON,
        /** Money already paid before the exit. */
        PREPAID,
        /** Money taken from a stored-value card. */
        BALANCE,
        /** Something the attendant should know that changes no money (what did not apply and why). */
        NOTE
    }

    /**
     * What a line says, each with its Chinese wording ({@code {0}} … are the arguments, told by {@link #chinese}); the
     * UI's key is {@code fee.line.} + the lower-case name.
     */
    public enum Say {
        FREE_WITHIN("停车{0}, 在免费时长{1}分钟内"),
        UNDER_A_MINUTE("停车不足1分钟, 不计费"),
        FREE_MINUTES("{0} 免费时长{1}分钟"),
        FREE_NOT_DEDUCTED("停车超过免费时长{0}分钟, 免费时长不抵扣, 从入场起计费"),
        PER_VISIT("按次收费"),
        STAY_CAP("单次停车封顶 {0}元, 减免"),
        COVERED("{0} {1} 已被补时覆盖"),
        PERIOD_FREE("{0} {1}免费"),
        FIRST("{0} {1}首{2}"),
        /** range, period name (a {@link Continued} after a first unit), count, unit, price of a unit. */
        UNITS("{0} {1}{2} (每{3}{4}元)"),
        GRACE("{0}末尾{1}分钟不足{2}, 在{3}分钟宽限内, 不计费"),
        PERIOD_CAP("{0}时段封顶 {1}元, 减免"),
        CARRY("最后一个计费单位跨时段, 补足到 {0} (按本时段价格)"),
        CARRY_NAMED("{0}最后一个计费单位跨时段, 补足到 {1} (按{0}时段价格)"),
        /** from, to, days, per day, the day priced in detail. */
        DAYS_FOLDED("{0} 至 {1} 共{2}个完整日 × 每日{3}元 (每日明细同 {4}) ="),
        /** from, to, period name, windows, per window, units per window, unit, price of a unit. */
        WINDOWS_FOLDED("{0} 至 {1} {2}共{3}日 × 每日{4}元 ({5}, 每{6}{7}元) ="),
        WINDOWS_FOLDED_24H("{0} 至 {1} {2}共{3}个24小时 × 每个{4}元 ({5}, 每{6}{7}元) ="),
        DAY_CAP("{0} 当日封顶 {1}元, 减免"),
        WINDOW_CAP("第{0}个24小时 ({1}起) 封顶 {2}元, 减免"),
        WINDOW_CAPS("第{0}至第{1}个24小时 ({2}起) 每个封顶 {3}元, 共{4}个24小时 × 每个减免{5}元 ="),
        DAY_CAPS("{0} 至 {1} 每日封顶 {2}元, 共{3}日 × 每日减免{4}元 ="),
        LADDER_CYCLES("满{0}个{1} × {2}元"),
        LADDER_STAY("停车{0} (≤{1}档)"),
        LADDER_REST("其余{0} (≤{1}档)"),
        PER_DAY("按天收费 {0}天 × {1}元 (自然日)"),
        PER_DAY_24H("按天收费 {0}天 × {1}元 (每24小时)"),
        NO_CLASS("未指定车型, 按{0}计费"),
        UNKNOWN_CLASS("车型 {0} 无收费标准, 按{1}计费"),
        EXIT_BEFORE_ENTRY("出场时间早于入场时间, 不计费, 请核对"),
        ENTRY_TOO_OLD("入场时间 {0} 距出场超过{1}天, 按{1}天计费, 请核对入场时间"),
        LONG_STAY("停车超过{0}天, 请核对入场时间"),
        PAID_IN_GRACE("已于缴费后{0}分钟内出场, 缴费后的时间不计费"),
        PAID_LATE("缴费后超过{0}分钟才出场, 按出场时间计费, 补缴差额"),
        PREPAID("已预付 {0}元"),
        PREPAID_EXTRA("预付金额多出 {0}元, 出口不找零"),
        BALANCE("储值卡支付 (余额 {0}元, 剩余 {1}元)"),
        BALANCE_SHORT("储值卡余额不足, 差额 {0}元 需另付"),
        COUPON_EXPIRED("优惠券 {0} 已过期, 未使用"),
        COUPON_INVALID("优惠券 {0} 面值无效 ({1}), 未使用"),
        COUPON_UNUSED("优惠券 {0} 未使用: 已无需缴费"),
        COUPON_FULL("优惠券 {0} 全免"),
        COUPON_TIME("优惠券 {0} 减免时长{1}"),
        COUPON_PERCENT("优惠券 {0} 折扣{1}%"),
        COUPON_AMOUNT("优惠券 {0} 减免{1}元"),
        COUPON_EXTRA("优惠券 {0} 超出应缴的 {1}元 不找零"),
        /** The brief of a long stay ({@link FeeQuote#items(int)}). */
        BRIEF_CHARGES("计费 {0} 项"),
        BRIEF_CHARGES_FREE("计费 {0} 项 (另有免费 {1} 项)"),
        BRIEF_CAPS("封顶 {0} 次, 减免"),
        /** A note (a nested line) shown once for several. */
        REPEATED("{0} ({1}次)");

        private final String chinese;

        Say(String chinese) {
            this.chinese = chinese;
        }

        /** The Chinese pattern ({@code {0}} … the arguments). */
        public String chinese() {
            return chinese;
        }

        /** The UI's message key: {@code fee.line.<name in lower case>}. */
        public String key() {
            return "fee.line." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An argument that is a length of time, told as "3小时5分钟" / "3 h 5 min". */
    public record Minutes(long minutes) {
    }

    /** An argument that is a charging unit, told as "小时" for 60 minutes, else as a length ("15分钟"). */
    public record Unit(int minutes) {
    }

    /** An argument that is a period's name before units that follow its first unit: "白天续时 ". */
    public record Continued(String name) {
    }

    /** An argument that is a number of units: "2小时" for hours, else "3×15分钟". */
    public record Units(long count, int unitMinutes) {
    }

    /**
     * What a line says: {@code args} are Strings (times such as "08:00-09:00", amounts such as "5.00", names from the
     * tariff, told as they are), Numbers, {@link Minutes}, {@link Continued}, {@link Unit}, {@link Units} or a nested
     * {@link FeeLine}.
     */
    public record Phrase(Say say, List<Object> args) {
        public Phrase {
            Objects.requireNonNull(say, "say");
            args = List.copyOf(args);
        }

        /** The Chinese wording, as the label. */
        public String chinese() {
            String p = say.chinese();
            StringBuilder out = new StringBuilder(p.length() + 16 * args.size());
            for (int i = 0; i < p.length(); i++) {
                char ch = p.charAt(i);
                if (ch == '{' && i + 2 < p.length() && p.charAt(i + 2) == '}') {
                    out.append(chinese(args.get(p.charAt(i + 1) - '0')));
                    i += 2;
                } else {
                    out.append(ch);
                }
            }
            return out.toString();
        }

        private static String chinese(Object arg) {
            if (arg instanceof Minutes m) {
                return FeeText.duration(m.minutes());
            }
            if (arg instanceof Unit u) {
                return FeeText.unit(u.minutes());
            }
            if (arg instanceof Units u) {
                return u.unitMinutes() == 60 ? u.count() + "小时" : u.count() + "×" + FeeText.unit(u.unitMinutes());
            }
            if (arg instanceof Continued c) {
                return c.name() + "续时 ";
            }
            if (arg instanceof FeeLine l) {
                return l.label();
            }
            return String.valueOf(arg);
        }
    }

    /** A line from a text only (no phrase): told as the label in every language. */
    public FeeLine(String label, long amountFen, Kind kind) {
        this(label, amountFen, kind, null);
    }

    public FeeLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    /** A line saying {@code say} with {@code args}; its label is the Chinese wording. */
    static FeeLine of(Kind kind, long amountFen, Say say, Object... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                args[i] = "null"; // as the text was made before (string concatenation)
            }
        }
        Phrase phrase = new Phrase(say, List.of(args));
        return new FeeLine(phrase.chinese(), amountFen, kind, phrase);
    }

    static FeeLine note(Say say, Object... args) {
        return of(Kind.NOTE, 0, say, args);
    }

    static FeeLine note(String label) {
        return new FeeLine(label, 0, Kind.NOTE);
    }

    /** The line as the driver hears it: label, then the amount (notes have none). */
    public String text() {
        return kind == Kind.NOTE ? label : label + " " + Fen.format(amountFen) + "元";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeeLine l && l.amountFen == amountFen && l.kind == kind && l.label.equals(label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, amountFen, kind);
    }
}
