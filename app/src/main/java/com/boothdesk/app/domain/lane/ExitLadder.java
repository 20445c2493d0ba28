package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.FeeRequest;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;

/**
 * The exit ladder once the stay is known (the MATCH rung — exact, fuzzy with the attendant's pick, or none — is
 * the controller's): lock → list status → fee → payment state → confirmation. Pure: decides, changes nothing.
 */
public final class ExitLadder {

    private final LaneRules rules;
    private final ZoneId zone;
    private final LaneTexts texts;

    public ExitLadder(LaneRules rules, ZoneId zone, LaneTexts texts) {
        this.rules = rules;
        this.zone = zone;
        this.texts = texts;
    }

    public ExitVerdict decide(ParkingOrder order, Instant out, PlateStatus status, List<Coupon> coupons,
                              FeeCalculator fees) {
        String plate = order.plate();
        if (status.lock().isPresent()) {
            return ExitVerdict.refuse(Decision.of(Step.LOCK, "exit.locked", plate), texts.locked(plate));
        }
        LocalDate today = out.atZone(zone).toLocalDate();
        if (status.white().isPresent() && EntryLadder.validOn(status.white().get().validFrom(),
                status.white().get().validTo(), today)) {
            return release(CarKind.WHITE, PaymentMethod.FREE, null, Decision.of(Step.LIST_STATUS, "exit.white", plate),
                    texts.goodbye(plate), "内部车");
        }
        if (status.monthly().isPresent() && status.monthly().get().validOn(today)
                && order.kind() == CarKind.MONTHLY) {
            MonthlyCard card = status.monthly().get();
            long left = card.daysLeft(today);
            return release(CarKind.MONTHLY, PaymentMethod.MONTHLY, null,
                    Decision.of(Step.LIST_STATUS, "exit.monthly", plate, left),
                    texts.goodbyeMonthly(plate, left, left <= rules.monthlyReminderDays()), null);
        }
        if (order.kind() == CarKind.VISITOR && status.visitor().isPresent()
                && !out.isAfter(status.visitor().get().validTo())) {
            return release(CarKind.VISITOR, PaymentMethod.FREE, null, Decision.of(Step.LIST_STATUS, "exit.visitor",
                    plate), texts.goodbye(plate), "访客");
        }
        long balance = status.storedValue().map(c -> c.balanceFen()).orElse(0L);
        FeeQuote quote = fees.quote(new FeeRequest(order.carType(), order.inTime(), out, order.prepaidFen(),
                order.prepaidAt(), rules.prepaidGraceMinutes(), coupons, balance));
        CarKind kind = order.kind() == CarKind.MONTHLY ? CarKind.TEMPORARY : order.kind();
        if (quote.totalFen() == 0 && quote.needsAttention()) {
            // e.g. an exit time before the entry time: never let a car out free on a doubtful quote
            return new ExitVerdict(ExitVerdict.Outcome.ASK_ATTENDANT, kind, PaymentMethod.FREE, quote,
                    Decision.of(Step.FEE, "exit.checktimes", plate), texts.waitPlease(plate), "时间异常,人工确认");
        }
        if (quote.totalFen() == 0) {
            if (quote.balanceFen() > 0) {
                return release(kind, PaymentMethod.STORED_VALUE, quote, Decision.of(Step.PAYMENT, "exit.storedvalue",
                        plate, Fen.format(quote.balanceFen())), texts.goodbye(plate), null);
            }
            if (quote.prepaidFen() > 0) {
                return release(kind, PaymentMethod.PREPAID, quote, Decision.of(Step.PAYMENT, "exit.prepaid", plate,
                        Fen.format(quote.prepaidFen())), texts.goodbye(plate), null);
            }
            return release(kind, PaymentMethod.FREE, quote, Decision.of(Step.FEE, "exit.nofee", plate),
                    texts.goodbye(plate), quote.discountFen() > 0 ? "优惠券" : "免费时段");
        }
        Decision charge = quote.prepaidFen() > 0
                ? Decision.of(Step.PAYMENT, "exit.topup", plate, Fen.format(quote.totalFen()),
                        Fen.format(quote.prepaidFen()))
                : Decision.of(Step.FEE, "exit.charge", plate, Fen.format(quote.totalFen()));
        return new ExitVerdict(ExitVerdict.Outcome.CHARGE, kind, null, quote, charge,
                texts.feeDue(plate, order.stay(out), quote.totalFen()), null);
    }

    private ExitVerdict release(CarKind kind, PaymentMethod method, FeeQuote quote, Decision d, LaneTexts.Say say,
                                String freeReason) {
        ExitVerdict.Outcome o = rules.confirmExit().contains(kind) ? ExitVerdict.Outcome.ASK_ATTENDANT
                : ExitVerdict.Outcome.RELEASE;
        return new ExitVerdict(o, kind, method, quote, d, say, freeReason);
    }

    /** What the exit ladder decided. */
    public record ExitVerdict(Outcome outcome, CarKind kind, PaymentMethod method, FeeQuote quote, Decision decision,
                              LaneTexts.Say say, String freeReason) {

        /** RELEASE: open now; ASK_ATTENDANT: open when confirmed; CHARGE: wait for payment; REFUSE: keep shut. */
        public enum Outcome { RELEASE, ASK_ATTENDANT, CHARGE, REFUSE }

        static ExitVerdict refuse(Decision d, LaneTexts.Say say) {
            return new ExitVerdict(Outcome.REFUSE, null, null, null, d, say, null);
        }
    }
}
