package com.boothdesk.app.domain.fee;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The price of one stay, itemised.
 *
 * @param totalFen     what is still to be collected at the lane now (never negative)
 * @param grossFen     what the tariff asks for the stay, after caps, before coupons, prepaid money and balance
 * @param lines        every item in the order it was applied; the amounts add up to {@code totalFen}
 * @param discountFen  taken off by coupons (not negative)
 * @param prepaidFen   prepaid money used against this fee (not negative)
 * @param balanceFen   taken from a stored-value card (not negative)
 * @param tariffId     the tariff that priced the stay
 * @param vehicleClass the vehicle class that was actually priced (may differ from the one asked, see the notes)
 * @param in           entry time used (truncated to the minute)
 * @param out          exit time used (truncated to the minute)
 * @param stayMinutes  whole minutes between {@code in} and {@code out}
 */
public record FeeQuote(long totalFen, long grossFen, List<FeeLine> lines, long discountFen, long prepaidFen,
                       long balanceFen, String tariffId, String vehicleClass, Instant in, Instant out,
                       long stayMinutes) {

    public FeeQuote {
        lines = List.copyOf(lines);
        Objects.requireNonNull(tariffId, "tariffId");
        if (totalFen < 0 || grossFen < 0) {
            throw new IllegalArgumentException("negative fee: total=" + totalFen + " gross=" + grossFen);
        }
    }

    /**
     * True when a note asks the attendant to check the times ("请核对": exit before entry, a stay over a year, an
     * absurd entry time): the amount, even 0, should not open the barrier without a look.
     */
    public boolean needsAttention() {
        return lines.stream().anyMatch(l -> l.kind() == FeeLine.Kind.NOTE && l.label().contains("请核对"));
    }

    /** The lines of the given kind, in order. */
    public List<FeeLine> lines(FeeLine.Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).toList();
    }

    /**
     * Chinese, one line per item, readable to a driver, ending with the total, e.g.
     * <pre>
     * 08:00-09:00 首小时 5.00元
     * 09:00-11:00 续时 2小时 × 1.00元/小时 2.00元
     * 应收 7.00元
     * 实收 7.00元
     * </pre>
     */
    public String explain() {
        return explain(Integer.MAX_VALUE);
    }

    /**
     * Like {@link #explain()}, but when there are more than {@code maxItems} lines (a long stay), the time charges
     * and the caps are each summed into one line and repeated notes are shown once; coupons, payments and the
     * totals stay as they are. For a screen or a quick answer; {@link #explain()} for a dispute.
     */
    public String explain(int maxItems) {
        return render(items(maxItems));
    }

    /** The time shown as "08:00" or "12-01 08:00" in a note, replaced by "…" when repeated notes are shown once. */
    private static final java.util.regex.Pattern NOTE_TIME =
            java.util.regex.Pattern.compile("(\\d{2}-\\d{2} )?\\d{2}:\\d{2}");

    /**
     * The item lines of {@link #explain(int)} (without the stay and the totals), each with its {@link FeeLine#phrase()}
     * so that a screen tells them in its language: the lines themselves, or for more than {@code maxItems} the brief
     * (summed charges and caps, coupons and payments as they are, repeated notes once).
     */
    public List<FeeLine> items(int maxItems) {
        if (lines.size() <= maxItems) {
            return lines;
        }
        java.util.List<FeeLine> brief = new java.util.ArrayList<>();
        long charged = 0;
        int chargeItems = 0;
        long capped = 0;
        int capItems = 0;
        int freeItems = 0;
        java.util.Map<String, Integer> notes = new java.util.LinkedHashMap<>();
        java.util.Map<String, FeeLine> firstNote = new java.util.HashMap<>();
        for (FeeLine line : lines) {
            switch (line.kind()) {
                case CHARGE -> {
                    charged += line.amountFen();
                    chargeItems++;
                }
                case CAP -> {
                    capped += line.amountFen();
                    capItems++;
                }
                case FREE -> freeItems++;
                case NOTE -> {
                    String key = NOTE_TIME.matcher(line.label()).replaceAll("…");
                    notes.merge(key, 1, Integer::sum);
                    firstNote.computeIfAbsent(key, k -> withoutTimes(k, line));
                }
                default -> { }
            }
        }
        brief.add(freeItems > 0
                ? FeeLine.of(FeeLine.Kind.CHARGE, charged, FeeLine.Say.BRIEF_CHARGES_FREE, chargeItems, freeItems)
                : FeeLine.of(FeeLine.Kind.CHARGE, charged, FeeLine.Say.BRIEF_CHARGES, chargeItems));
        if (capItems > 0) {
            brief.add(FeeLine.of(FeeLine.Kind.CAP, capped, FeeLine.Say.BRIEF_CAPS, capItems));
        }
        for (FeeLine line : lines) {
            if (line.kind() == FeeLine.Kind.COUPON || line.kind() == FeeLine.Kind.PREPAID
                    || line.kind() == FeeLine.Kind.BALANCE) {
                brief.add(line);
            }
        }
        notes.forEach((note, count) -> {
            FeeLine first = firstNote.get(note);
            brief.add(count > 1 ? FeeLine.note(FeeLine.Say.REPEATED, first, count) : first);
        });
        return brief;
    }

    /** A note with its times replaced by "…" ({@code label}, already replaced), its phrase likewise. */
    private static FeeLine withoutTimes(String label, FeeLine note) {
        if (note.phrase() == null) {
            return new FeeLine(label, 0, FeeLine.Kind.NOTE);
        }
        List<Object> args = note.phrase().args().stream()
                .map(a -> a instanceof String s ? (Object) NOTE_TIME.matcher(s).replaceAll("…") : a).toList();
        return new FeeLine(label, 0, FeeLine.Kind.NOTE, new FeeLine.Phrase(note.phrase().say(), args));
    }

    private String render(List<FeeLine> lines) {
        StringBuilder text = new StringBuilder();
        for (FeeLine line : lines) {
            text.append(line.text()).append('\n');
        }
        text.append("停车时长 ").append(FeeText.duration(stayMinutes)).append('\n');
        text.append("应收 ").append(Fen.format(grossFen)).append("元\n");
        text.append("待缴 ").append(Fen.format(totalFen)).append("元");
        return text.toString();
    }

    /**
     * How much each of {@code offered} took off this fee (coupons that did nothing are left out): what the 2.29
     * deduction upload reports per coupon.
     */
    public java.util.Map<String, Long> couponDeductions(List<Coupon> offered) {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (Coupon c : offered) {
            String prefix = "优惠券 " + c.id() + " "; // the label FeeEngine gives a coupon's line
            long off = lines.stream().filter(l -> l.kind() == FeeLine.Kind.COUPON && l.label().startsWith(prefix))
                    .mapToLong(l -> -l.amountFen()).sum();
            if (off > 0) {
                out.put(c.id(), off);
            }
        }
        return out;
    }
}
