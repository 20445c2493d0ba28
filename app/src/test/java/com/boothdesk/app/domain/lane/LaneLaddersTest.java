package com.boothdesk.app.domain.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.CarLock;
import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.VisitorPass;
import com.boothdesk.app.domain.lists.VisitorRecord;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.FileImageStore;
import com.boothdesk.app.store.JdbcGateEventLog;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.store.lists.JdbcVehicleLists;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;

/**
 * Every rung of the entry and exit ladders, and every list kind, through the real H2 store in a temp folder. The
 * lanes run on a same-thread executor, so each step is finished when its future is joined.
 */
class LaneLaddersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 2026-11-25 08:00 in Shanghai. */
    static final Instant EIGHT_AM = Instant.parse("2026-11-25T00:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(EIGHT_AM, SHANGHAI);
    final RecordingSignals signals = new RecordingSignals();
    Database db;
    JdbcOutbox outbox;
    JdbcOrderRepository orders;
    JdbcVehicleLists lists;
    JdbcGateEventLog gates;
    JdbcParkSpaces spaces;
    LaneController entry;
    LaneController exit;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        outbox = new JdbcOutbox(db.dataSource(), clock);
        CloudBridge bridge = new CloudBridge(outbox, "B1", clock);
        orders = new JdbcOrderRepository(db, bridge);
        lists = new JdbcVehicleLists(db, outbox, SHANGHAI, clock);
        gates = new JdbcGateEventLog(db, bridge);
        lanes(LaneRules.defaults(), 100);
    }

    @AfterEach
    void close() {
        db.close();
    }

    void lanes(LaneRules rules, int capacity) {
        spaces = new JdbcParkSpaces(db, capacity, clock);
        FeeEngine engine = new FeeEngine(SHANGHAI);
        LaneServices s = new LaneServices(orders, gates, r -> engine.quote(Tariffs.demoDefault(), r), signals,
                new FileImageStore(dir.resolve("images"), clock), lists, spaces, rules, LaneTexts.BUILT_IN,
                lane -> java.util.Optional.of(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}), clock, () -> "op7",
                Duration.ofSeconds(10), "small");
        entry = new LaneController(new LaneInfo("A1", "入口1", LaneDirection.ENTRY), s, Runnable::run);
        exit = new LaneController(new LaneInfo("B1", "出口1", LaneDirection.EXIT), s, Runnable::run);
    }

    // ---- entry ladder -----------------------------------------------------------------------------------------

    @Test
    void aTemporaryCarIsAdmittedRecordedUploadedAndWelcomed() {
        read(entry, "京A12345");
        ParkingOrder o = orders.findInLot("京A12345").orElseThrow();
        assertThat(o.kind()).isEqualTo(CarKind.TEMPORARY);
        assertThat(o.inTime()).isEqualTo(EIGHT_AM);
        assertThat(state(entry)).isEqualTo(LanePhase.ENTERED);
        assertThat(entry.state().get().decision().step()).isEqualTo(Step.LIST_STATUS);
        assertThat(gates.recent(10)).singleElement().extracting(GateEvent::cause)
                .isEqualTo(GateEvent.Cause.ENTRY_ACCEPTED);
        assertThat(signals.log).containsExactly("gate A1", "show A1 [京A12345, 欢迎光临, 请入场停车] / 京A12345,欢迎光临,请入场停车");
        assertThat(uplinks(o.orderId())).singleElement().satisfies(e -> assertThat(e.json())
                .contains("\"service_name\":\"in_park\"").contains("\"car_cost_type\":1").contains("\"empty_plot\":99"));
    }

    @Test
    void theSamePlateAgainWithinTheDebounceIsIgnored() {
        read(entry, "京A12345");
        clock.advance(Duration.ofSeconds(9));
        read(entry, "京A12345");
        assertThat(orders.countInLot()).isEqualTo(1);
        assertThat(gates.recent(10)).hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        read(entry, "京A12345");
        assertThat(gates.recent(10)).hasSize(2);
    }

    @Test
    void aCarWithoutAPlateWaitsForTheAttendantAndGetsAPseudoPlate() {
        read(entry, "");
        assertThat(state(entry)).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(entry.state().get().decision().step()).isEqualTo(Step.READ_QUALITY);
        assertThat(gates.recent(10)).isEmpty();

        entry.confirm().join();
        assertThat(state(entry)).isEqualTo(LanePhase.ENTERED);
        ParkingOrder o = entry.state().get().order();
        assertThat(o.plate()).matches("无[0-9A-Z]{6}");
        assertThat(o.kind()).isEqualTo(CarKind.NO_PLATE);
        assertThat(gates.recent(10)).hasSize(1);
    }

    @Test
    void aDoubtfulReadWaitsAndTheAttendantsCorrectionIsAdmitted() {
        lanes(rules(r -> new LaneRules(80, r.confirmEntry(), r.confirmExit(), r.admitWhenFull(),
                r.refuseBlacklisted(), r.monthlyReminderDays(), r.noRecordFeeFen(), r.prepaidGraceMinutes(),
                r.freeReasons(), r.match())), 100);
        entry.onPlate(new PlateRead("A1", "京A1234S", 1, 60, clock.instant(), new byte[0], "cam")).join();
        assertThat(state(entry)).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(entry.state().get().decision().messageKey()).isEqualTo("entry.lowconfidence");

        entry.correctPlate("京A12345").join();
        assertThat(state(entry)).isEqualTo(LanePhase.ENTERED);
        assertThat(orders.findInLot("京A12345")).isPresent();
        assertThat(orders.findInLot("京A1234S")).isEmpty();
    }

    @Test
    void aPlateCorrectedAfterEntryFixesTheStay() {
        read(entry, "京A1234S");
        entry.correctPlate("京A12345").join();
        assertThat(orders.findInLot("京A12345")).isPresent();
        assertThat(orders.countInLot()).isEqualTo(1);
        assertThat(entry.state().get().decision().messageKey()).isEqualTo("lane.corrected");
    }

    @Test
    void anActiveBlacklistEntryRefusesTheCarAndAnInactiveOneDoesNot() {
        // only at night (22:00-06:00) and only on weekends
        blacklist("京B66666", LocalTime.of(22, 0), LocalTime.of(6, 0), EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        blacklist("京B77777", null, null, Set.of());

        read(entry, "京B77777");
        assertThat(state(entry)).isEqualTo(LanePhase.REFUSED);
        assertThat(entry.state().get().decision().step()).isEqualTo(Step.BLACKLIST);
        assertThat(orders.countInLot()).isZero();
        assertThat(gates.recent(10)).isEmpty();
        assertThat(signals.log).last().asString().contains("禁止通行");

        read(entry, "京B66666"); // Wednesday morning: not in its window
        assertThat(state(entry)).isEqualTo(LanePhase.ENTERED);
    }

    @Test
    void whereTheAttendantDecidesOnBlacklistedCarsTheyWait() {
        lanes(rules(r -> new LaneRules(r.minConfidence(), r.confirmEntry(), r.confirmExit(), r.admitWhenFull(),
                false, r.monthlyReminderDays(), r.noRecordFeeFen(), r.prepaidGraceMinutes(), r.freeReasons(),
                r.match())), 100);
        blacklist("京B77777", null, null, Set.of());
        read(entry, "京B77777");
        assertThat(state(entry)).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        entry.refuse().join();
        assertThat(state(entry)).isEqualTo(LanePhase.REFUSED);
        assertThat(orders.countInLot()).isZero();
    }

    @Test
    void aFullLotRefusesTemporaryCarsButAdmitsMonthlyOnes() {
        lanes(LaneRules.defaults(), 1);
        monthly("M1", List.of("京M00001"), TODAY.minusDays(10), TODAY.plusDays(100), 1, Set.of());
        read(entry, "京A00001");
        assertThat(spaces.free()).isZero();

        read(entry, "京A00002");
        assertThat(state(entry)).isEqualTo(LanePhase.REFUSED);
        assertThat(entry.state().get().decision().step()).isEqualTo(Step.LOT_FULL);

        read(entry, "京M00001");
        assertThat(state(entry)).isEqualTo(LanePhase.ENTERED);
        assertThat(orders.findInLot("京M00001").orElseThrow().kind()).isEqualTo(CarKind.MONTHLY);
    }

    @Test
    void monthlyCardsAreRecognisedRemindedExpiredAndLimitedToTheirSpaces() {
        monthly("M1", List.of("京M00001"), TODAY.minusDays(30), TODAY.plusDays(100), 1, Set.of());
        monthly("M2", List.of("京M00002"), TODAY.minusDays(30), TODAY.plusDays(3), 1, Set.of());
        monthly("M3", List.of("京M00003"), TODAY.minusDays(60), TODAY.minusDays(1), 1, Set.of());
        monthly("M4", List.of("京M00004", "京M00005"), TODAY.minusDays(30), TODAY.plusDays(100), 1, Set.of());
        monthly("M6", List.of("京M00006"), TODAY.minusDays(30), TODAY.plusDays(100), 1, Set.of("C9"));

        read(entry, "京M00001");
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.MONTHLY);
        assertThat(signals.log).last().asString().doesNotContain("续费");

        read(entry, "京M00002");
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.MONTHLY);
        assertThat(signals.log).last().asString().contains("月卡剩余3天,请及时续费");

        read(entry, "京M00003");
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.TEMPORARY);
        assertThat(entry.state().get().decision().messageKey()).isEqualTo("entry.monthly.expired");

        read(entry, "京M00004");
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.MONTHLY);
        read(entry, "京M00005"); // the card's one space is taken by 京M00004
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.TEMPORARY);
        assertThat(entry.state().get().decision().messageKey()).isEqualTo("entry.monthly.groupfull");

        read(entry, "京M00006"); // valid only at lane C9
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.TEMPORARY);
        assertThat(entry.state().get().decision().messageKey()).isEqualTo("entry.monthly.otherlane");
    }

    @Test
    void whiteListVisitorsAndStoredValueCarsGetTheirKind() {
        white("京W00001");
        visitor("京V00001", 1);
        storedValue("S1", "京S00001", 5000);

        read(entry, "京W00001");
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.WHITE);
        read(entry, "京V00001");
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.VISITOR);
        read(entry, "京S00001");
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.STORED_VALUE);
        assertThat(orders.findInLot("京S00001").orElseThrow().cardId()).isEqualTo("S1");

        // the visitor pass allowed one entry: used up
        orders.recordExit(orders.findInLot("京V00001").orElseThrow().closed("B1", clock.instant(), 0, 0,
                PaymentMethod.FREE, "op7", null, "访客"), 99);
        clock.advance(Duration.ofMinutes(5));
        read(entry, "京V00001");
        assertThat(entry.state().get().kind()).isEqualTo(CarKind.TEMPORARY);
    }

    @Test
    void configuredConfirmationMakesTheAttendantAdmitOrRefuse() {
        lanes(rules(r -> new LaneRules(r.minConfidence(), Set.of(CarKind.TEMPORARY), r.confirmExit(),
                r.admitWhenFull(), r.refuseBlacklisted(), r.monthlyReminderDays(), r.noRecordFeeFen(),
                r.prepaidGraceMinutes(), r.freeReasons(), r.match())), 100);
        read(entry, "京A12345");
        assertThat(state(entry)).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        assertThat(entry.state().get().decision().step()).isEqualTo(Step.CONFIRMATION);
        assertThat(orders.countInLot()).isZero();
        entry.confirm().join();
        assertThat(state(entry)).isEqualTo(LanePhase.ENTERED);
        assertThat(orders.countInLot()).isEqualTo(1);
        assertThatThrownBy(() -> entry.confirm().join()).cause().isInstanceOf(LaneException.class);
    }

    @Test
    void anOfflineReadIsRecordedWithoutMovingTheGate() {
        Instant earlier = clock.instant().minus(Duration.ofHours(1));
        entry.onOfflineRead(new PlateRead("A1", "京O00001", 1, 90, earlier, new byte[0], "cam")).join();
        ParkingOrder o = orders.findInLot("京O00001").orElseThrow();
        assertThat(o.inTime()).isEqualTo(earlier);
        assertThat(o.remark()).isEqualTo("离线补传");
        exit.onOfflineRead(new PlateRead("B1", "京O00001", 1, 90, clock.instant(), new byte[0], "cam")).join();
        assertThat(orders.findInLot("京O00001")).isPresent();
        assertThat(gates.recent(10)).isEmpty();
        assertThat(signals.log).isEmpty();
    }

    // ---- exit ladder ------------------------------------------------------------------------------------------

    @Test
    void anExactMatchIsChargedAndCashClosesTheStayWithChange() {
        String id = enter("京A12345");
        clock.advance(Duration.ofHours(3));
        read(exit, "京A12345");
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(exit.state().get().quote().totalFen()).isEqualTo(700);
        assertThat(gates.recent(10)).hasSize(1);

        SettleResult r = exit.settleCash(1000).join();
        assertThat(r.changeFen()).isEqualTo(300);
        ParkingOrder closed = orders.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.dueFen()).isEqualTo(700);
        assertThat(closed.paidFen()).isEqualTo(700);
        assertThat(closed.paymentMethod()).isEqualTo(PaymentMethod.CASH);
        assertThat(uplinks(id)).extracting(OutboxEntry::serviceName).containsExactly("in_park", "out_park");
        assertThat(uplinks(id).get(1).json()).contains("\"total\":\"7.00\"").contains("\"cash_pay\":\"7.00\"");
        assertThat(gates.recent(1).get(0).cause()).isEqualTo(GateEvent.Cause.EXIT_PAID);
    }

    @Test
    void cashShortOfTheFeeIsRefusedAndNothingChanges() {
        enter("京A12345");
        clock.advance(Duration.ofHours(3));
        read(exit, "京A12345");
        assertThatThrownBy(() -> exit.settleCash(500).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(LaneException.class).extracting(e -> ((LaneException) e).messageKey())
                .isEqualTo("settle.short");
        assertThat(orders.findInLot("京A12345")).isPresent();
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_PAYMENT);
    }

    @Test
    void aShortStayLeavesFreeWithoutTheAttendant() {
        String id = enter("京A12345");
        clock.advance(Duration.ofMinutes(10));
        read(exit, "京A12345");
        assertThat(state(exit)).isEqualTo(LanePhase.RELEASED);
        assertThat(orders.find(id).orElseThrow().paymentMethod()).isEqualTo(PaymentMethod.FREE);
        assertThat(orders.find(id).orElseThrow().freeReason()).isEqualTo("免费时段");
    }

    @Test
    void aFuzzyMatchIsNeverBilledBeforeTheAttendantPicksIt() {
        String id = enter("京A12345");
        enter("沪C99999");
        clock.advance(Duration.ofHours(3));
        read(exit, "京A1234S"); // 5 read as S

        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_MATCH);
        assertThat(exit.state().get().candidates()).extracting(c -> c.order().orderId()).containsExactly(id);
        assertThat(exit.state().get().quote()).isNull();
        assertThat(uplinks(id)).hasSize(1);

        exit.pick(id).join();
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_PAYMENT);
        exit.settleCash(0).join();
        ParkingOrder closed = orders.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.exitPlateRead()).isEqualTo("京A1234S");
    }

    @Test
    void noRecordAtAllChargesTheConfiguredFeeOnlyWithAReason() {
        read(exit, "粤Z00001");
        assertThat(state(exit)).isEqualTo(LanePhase.NO_RECORD);
        assertThat(gates.recent(10)).isEmpty();
        assertThatThrownBy(() -> exit.chargeNoRecord(" ").join()).cause().isInstanceOf(LaneException.class)
                .extracting(e -> ((LaneException) e).messageKey()).isEqualTo("reason.required");

        exit.chargeNoRecord("入口未识别").join();
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(exit.state().get().quote().totalFen()).isEqualTo(1000);
        SettleResult r = exit.settleCash(0).join();
        assertThat(r.order().remark()).contains("入口未识别");
        assertThat(r.order().paidFen()).isEqualTo(1000);
    }

    @Test
    void theAttendantCanFindTheStayBySearchingWhenNothingIsSimilar() {
        String id = enter("京A12345");
        clock.advance(Duration.ofHours(2));
        read(exit, "粤Z00001");
        assertThat(exit.search("A123")).extracting(ParkingOrder::orderId).containsExactly(id);
        exit.pick(id).join();
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_PAYMENT);
    }

    @Test
    void aLockedCarMayNotLeave() {
        String id = enter("京L00001");
        db.write(c -> {
            lists.store().lock(c, new CarLock("京L00001", clock.instant(), "owner", id, "3321"));
            return null;
        });
        clock.advance(Duration.ofHours(1));
        read(exit, "京L00001");
        assertThat(state(exit)).isEqualTo(LanePhase.REFUSED);
        assertThat(exit.state().get().decision().step()).isEqualTo(Step.LOCK);
        assertThat(orders.find(id).orElseThrow().status()).isEqualTo(OrderStatus.IN_LOT);
        assertThat(gates.recent(10)).hasSize(1);
    }

    @Test
    void monthlyAndWhiteCarsLeaveWithoutPayingAndMonthlyExitsCanNeedConfirmation() {
        monthly("M1", List.of("京M00001"), TODAY.minusDays(30), TODAY.plusDays(100), 1, Set.of());
        white("京W00001");
        enter("京M00001");
        enter("京W00001");
        clock.advance(Duration.ofHours(5));

        read(exit, "京W00001");
        assertThat(state(exit)).isEqualTo(LanePhase.RELEASED);
        assertThat(exit.state().get().order().freeReason()).isEqualTo("内部车");

        lanes(rules(r -> new LaneRules(r.minConfidence(), r.confirmEntry(), Set.of(CarKind.MONTHLY),
                r.admitWhenFull(), r.refuseBlacklisted(), r.monthlyReminderDays(), r.noRecordFeeFen(),
                r.prepaidGraceMinutes(), r.freeReasons(), r.match())), 100);
        read(exit, "京M00001");
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_CONFIRMATION);
        exit.confirm().join();
        assertThat(state(exit)).isEqualTo(LanePhase.RELEASED);
        assertThat(exit.state().get().order().paymentMethod()).isEqualTo(PaymentMethod.MONTHLY);
        assertThat(exit.state().get().order().paidFen()).isZero();
    }

    @Test
    void aPrepaidStayLeavesWithinTheGraceAndPaysTheRestAfterIt() {
        String a = enter("京P00001");
        String b = enter("京P00002");
        clock.advance(Duration.ofHours(3));
        assertThat(orders.recordPrepayment("T1", a, 700, clock.instant(), clock.instant())).isTrue();
        assertThat(orders.recordPrepayment("T1", a, 700, clock.instant(), clock.instant())).isFalse();
        assertThat(orders.recordPrepayment("T2", b, 700, clock.instant(), clock.instant())).isTrue();

        clock.advance(Duration.ofMinutes(10));
        read(exit, "京P00001");
        assertThat(state(exit)).isEqualTo(LanePhase.RELEASED);
        assertThat(exit.state().get().order().paymentMethod()).isEqualTo(PaymentMethod.PREPAID);
        assertThat(exit.state().get().order().prepaidFen()).isEqualTo(700);

        clock.advance(Duration.ofMinutes(50)); // 70 minutes after paying: past the 15 minute grace
        read(exit, "京P00002");
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(exit.state().get().decision().messageKey()).isEqualTo("exit.topup");
        assertThat(exit.state().get().quote().totalFen()).isPositive();
    }

    @Test
    void aPrepaymentArrivingWhileTheCarWaitsReleasesIt() {
        String id = enter("京P00001");
        clock.advance(Duration.ofHours(3));
        read(exit, "京P00001");
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_PAYMENT);
        orders.recordPrepayment("T9", id, 700, clock.instant(), clock.instant());
        exit.prepaid(id).join();
        assertThat(state(exit)).isEqualTo(LanePhase.RELEASED);
    }

    @Test
    void storedValuePaysFromTheBalance() {
        storedValue("S1", "京S00001", 5000);
        String id = enter("京S00001");
        clock.advance(Duration.ofHours(3));
        read(exit, "京S00001");
        assertThat(state(exit)).isEqualTo(LanePhase.RELEASED);
        assertThat(orders.find(id).orElseThrow().paymentMethod()).isEqualTo(PaymentMethod.STORED_VALUE);
        assertThat(lists.lookup("京S00001", clock.instant()).storedValue().orElseThrow().balanceFen())
                .isEqualTo(4300);
    }

    @Test
    void aCouponTakesItsShareOffAndItsDeductionIsUploadedOnce() {
        String id = enter("京T00001");
        db.write(c -> {
            lists.store().saveCoupon(c, new IssuedCoupon(Coupon.amount("TK1", 200), "京T00001", null, 1, false,
                    "商户A", ""));
            return null;
        });
        clock.advance(Duration.ofHours(3));
        read(exit, "京T00001");
        assertThat(exit.state().get().quote().totalFen()).isEqualTo(500);
        exit.settleCash(0).join();
        ParkingOrder o = orders.find(id).orElseThrow();
        assertThat(o.discountFen()).isEqualTo(200);
        assertThat(o.paidFen()).isEqualTo(500);
        List<OutboxEntry> deductions = outbox.recent(50).stream()
                .filter(e -> e.serviceName().equals("upload_ticket_deduction")).toList();
        assertThat(deductions).singleElement().satisfies(e -> assertThat(e.json()).contains("TK1").contains(id));
        assertThat(lists.couponsFor("京T00001", id, clock.instant())).isEmpty();
        assertThat(uplinks(id).get(1).json()).contains("\"reduce_amount\":\"2.00\"").contains("\"total\":\"5.00\"");
    }

    @Test
    void aFreeReleaseNeedsAReasonAndRecordsIt() {
        String id = enter("京A12345");
        clock.advance(Duration.ofHours(3));
        read(exit, "京A12345");
        assertThatThrownBy(() -> exit.releaseFree("").join()).cause().isInstanceOf(LaneException.class);
        exit.releaseFree("设备故障").join();
        ParkingOrder o = orders.find(id).orElseThrow();
        assertThat(o.paymentMethod()).isEqualTo(PaymentMethod.FREE);
        assertThat(o.freeReason()).isEqualTo("设备故障");
        assertThat(o.dueFen()).isEqualTo(700);
        assertThat(o.paidFen()).isZero();
        assertThat(uplinks(id).get(1).json()).contains("\"freereasons\":\"设备故障\"").contains("\"pay_type\":\"free\"");
        assertThat(gates.recent(1).get(0).cause()).isEqualTo(GateEvent.Cause.EXIT_FREE);
        assertThat(gates.recent(1).get(0).reason()).isEqualTo("设备故障");
    }

    @Test
    void aNoPlateEntryFromTheCloudCreatesTheStayAndOpensTheGate() {
        ParkingOrder o = entry.admitNoPlate("62000F9", clock.instant()).join();
        assertThat(o.kind()).isEqualTo(CarKind.NO_PLATE);
        assertThat(orders.findInLot("62000F9")).isPresent();
        assertThat(signals.log).contains("gate A1");
    }

    @Test
    void aManualOverrideNeedsAReasonAndRecordsWhoWhyAndAPictureAndReportsIt() {
        String id = enter("京M12345");
        clock.advance(Duration.ofHours(1));
        read(exit, "京M12345");
        assertThat(state(exit)).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThatThrownBy(() -> exit.override(true, " ").join()).cause().isInstanceOf(LaneException.class);
        assertThat(signals.log).doesNotContain("gate B1");

        exit.override(true, "车辆故障,推车离场").join();
        GateEvent g = gates.recent(1).get(0);
        assertThat(g.cause()).isEqualTo(GateEvent.Cause.MANUAL);
        assertThat(g.operator()).isEqualTo("op7");
        assertThat(g.reason()).isEqualTo("车辆故障,推车离场");
        assertThat(g.orderId()).isEqualTo(id);
        assertThat(g.image()).isNotNull();
        assertThat(signals.log).contains("gate B1");
        assertThat(outbox.recent(50)).filteredOn(e -> e.serviceName().equals("upload_liftrod")).singleElement()
                .satisfies(e -> assertThat(e.json()).contains("\"operate\":0").contains("\"channel_id\":\"B1\"")
                        .contains("\"user_id\":\"op7\"").contains(id));
        exit.override(false, "误操作,落杆").join();
        assertThat(signals.log).contains("close B1");
        assertThat(gates.recent(1).get(0).action()).isEqualTo(GateEvent.Action.CLOSE);
    }

    @Test
    void theRemoteGateIsRecordedWithWhoAndWhy() {
        exit.gate(true, "cloud", "云端远程抬杆", null).join();
        assertThat(gates.recent(1)).singleElement().satisfies(g -> {
            assertThat(g.cause()).isEqualTo(GateEvent.Cause.MANUAL);
            assertThat(g.operator()).isEqualTo("cloud");
            assertThat(g.reason()).isEqualTo("云端远程抬杆");
        });
        assertThat(signals.log).containsExactly("gate B1");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    String enter(String plate) {
        read(entry, plate);
        clock.advance(Duration.ofSeconds(1));
        return orders.findInLot(plate).orElseThrow().orderId();
    }

    void read(LaneController lane, String plate) {
        lane.onPlate(new PlateRead(lane.lane().id(), plate, 1, 95, clock.instant(), new byte[0], "test")).join();
    }

    LanePhase state(LaneController lane) {
        return lane.state().get().phase();
    }

    List<OutboxEntry> uplinks(String orderId) {
        return outbox.byOrderKey(orderId);
    }

    static LaneRules rules(java.util.function.UnaryOperator<LaneRules> change) {
        return change.apply(LaneRules.defaults());
    }

    void monthly(String id, List<String> plates, LocalDate from, LocalDate to, int spaces, Set<String> channels) {
        db.write(c -> {
            lists.store().saveMonthMember(c, MonthMember.of(new MonthlyCard(id, plates, "车主" + id, from, to, spaces,
                    "small", channels)), JdbcListStore.BOOTH, null);
            return null;
        });
    }

    void white(String plate) {
        db.write(c -> {
            lists.store().saveWhite(c, new WhiteListEntry(plate, "内部", TODAY.minusDays(1), WhiteListEntry.FOREVER, ""), "W-" + plate);
            return null;
        });
    }

    void visitor(String plate, int maxEntries) {
        db.write(c -> {
            lists.store().saveVisitor(c, new VisitorRecord("V-" + plate, new VisitorPass(plate,
                    clock.instant().minus(Duration.ofHours(1)), clock.instant().plus(Duration.ofDays(1)), maxEntries, 0),
                    VisitorRecord.APPROVED, null, "", ""));
            return null;
        });
    }

    void storedValue(String card, String plate, long fen) {
        db.write(c -> {
            lists.store().saveStoredValue(c, new StoredValueAccount(card, List.of(plate), "车主", "", fen, null, ""));
            return null;
        });
    }

    void blacklist(String plate, LocalTime from, LocalTime to, Set<DayOfWeek> days) {
        db.write(c -> {
            lists.store().saveBlacklist(c, new BlacklistEntry(plate, "欠费", "BL-" + plate,
                    LocalDateTime.of(2026, 1, 1, 0, 0), LocalDateTime.of(2027, 1, 1, 0, 0), from, to, days), "op7");
            return null;
        });
    }

    static final class RecordingSignals implements LaneSignals {
        final List<String> log = new ArrayList<>();

        @Override
        public void openGate(LaneInfo lane) {
            log.add("gate " + lane.id());
        }

        @Override
        public void closeGate(LaneInfo lane) {
            log.add("close " + lane.id());
        }

        @Override
        public void announce(LaneInfo lane, List<String> lines, String voice) {
            log.add("show " + lane.id() + " " + lines + " / " + voice);
        }
    }
}
