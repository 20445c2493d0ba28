package com.boothdesk.app.store.lists;

import static com.boothdesk.app.store.lists.ListsFixture.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.CarLock;
import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.VisitorPass;
import com.boothdesk.app.domain.lists.VisitorRecord;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.sdk.outbox.OutboxEntry;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The lists through the real H2 store: what lookup says, and what the exit-time changes write. */
class JdbcVehicleListsTest {

    /** The database the tests run on (the PostgreSQL subclass sets it). */
    com.boothdesk.app.store.TestStore stores = com.boothdesk.app.store.TestStore.h2();

    @TempDir
    Path dir;
    ListsFixture f;
    JdbcVehicleLists lists;
    JdbcListStore store;

    @BeforeEach
    void open() {
        f = new ListsFixture(stores, dir);
        lists = f.lists;
        store = f.store;
    }

    @AfterEach
    void close() {
        f.close();
    }

    static MonthlyCard card(String id, LocalDate from, LocalDate to, String... plates) {
        return new MonthlyCard(id, List.of(plates), "张三", from, to, 1, "", Set.of());
    }

    @Test
    void anUnknownPlateIsListedNowhere() {
        PlateStatus s = lists.lookup("京Z99999", f.clock.instant());
        assertThat(s.isNone()).isTrue();
        assertThat(s.plate()).isEqualTo("京Z99999");
        assertThat(lists.lookup("  ", f.clock.instant()).isNone()).isTrue();
    }

    @Test
    void aMonthlyCardIsFoundByAnyOfItsPlatesNormalised() {
        f.db.write(c -> {
            store.saveMonthMember(c, MonthMember.of(new MonthlyCard("c1", List.of("京A11111", "京B22222"), "张三",
                    LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), 1, "small", Set.of("A1", "A2"))),
                    JdbcListStore.CLOUD, null);
            return null;
        });
        PlateStatus s = lists.lookup(" 京b22222 ", f.clock.instant());
        assertThat(s.monthly()).hasValueSatisfying(m -> {
            assertThat(m.cardId()).isEqualTo("c1");
            assertThat(m.plates()).containsExactly("京A11111", "京B22222");
            assertThat(m.channels()).containsExactlyInAnyOrder("A1", "A2");
            assertThat(m.vehicleClass()).isEqualTo("small");
            assertThat(m.daysLeft(LocalDate.of(2024, 5, 10))).isEqualTo(21);
        });
        assertThat(s.plate()).isEqualTo("京B22222");
        assertThat(s.white()).isEmpty();
    }

    @Test
    void theCardValidTodayWinsOverAnExpiredOneAndAnExpiredOneIsStillShown() {
        f.db.write(c -> {
            store.saveMonthMember(c, MonthMember.of(card("old", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                    "京A1")), JdbcListStore.CLOUD, null);
            store.saveMonthMember(c, MonthMember.of(card("new", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 5, 10),
                    "京A1")), JdbcListStore.CLOUD, null);
            return null;
        });
        assertThat(lists.lookup("京A1", f.clock.instant()).monthly().map(MonthlyCard::cardId)).hasValue("new");
        // 11 May in Shanghai: both expired, the latest is shown so that the lane can say "expired"
        PlateStatus later = lists.lookup("京A1", local(2024, 5, 11, 0, 30));
        assertThat(later.monthly()).hasValueSatisfying(m -> {
            assertThat(m.cardId()).isEqualTo("new");
            assertThat(m.validOn(LocalDate.of(2024, 5, 11))).isFalse();
        });
    }

    @Test
    void whiteListEntriesAreFoundWithTheirDates() {
        f.db.write(c -> {
            store.saveWhite(c, new WhiteListEntry("京C1", "李四", LocalDate.of(2024, 1, 1), WhiteListEntry.FOREVER,
                    "内部车"), "7");
            return null;
        });
        assertThat(lists.lookup("京c1", f.clock.instant()).white()).hasValueSatisfying(w -> {
            assertThat(w.name()).isEqualTo("李四");
            assertThat(w.longTerm()).isTrue();
        });
    }

    @Test
    void onlyApprovedVisitorsCountAndEntriesAreLimited() {
        Instant now = f.clock.instant();
        f.db.write(c -> {
            store.saveVisitor(c, new VisitorRecord("v1", new VisitorPass("京D1", now.minusSeconds(60),
                    now.plus(Duration.ofHours(4)), 2, 0), 1, "", "", ""));
            store.saveVisitor(c, new VisitorRecord("v2", new VisitorPass("京D2", now.minusSeconds(60),
                    now.plus(Duration.ofHours(4)), 0, 0), 0, "", "", "待审批"));
            return null;
        });
        assertThat(lists.lookup("京D2", now).visitor()).as("pending approval").isEmpty();
        assertThat(lists.lookup("京D1", now).visitor()).hasValueSatisfying(v -> assertThat(v.usableAt(now)).isTrue());

        lists.visitorEntered("京d1", now);
        assertThat(lists.lookup("京D1", now).visitor().orElseThrow().usedEntries()).isEqualTo(1);
        lists.visitorEntered("京D1", now);
        VisitorPass used = lists.lookup("京D1", now).visitor().orElseThrow();
        assertThat(used.usedEntries()).isEqualTo(2);
        assertThat(used.usableAt(now)).isFalse();
        lists.visitorEntered("京D1", now);
        assertThat(lists.lookup("京D1", now).visitor().orElseThrow().usedEntries())
                .as("a used-up pass is not counted further").isEqualTo(2);
    }

    @Test
    void aBlacklistEntryIsInTheStatusOnlyWhileActiveInTheParksZone() {
        // Friday nights 22:00-06:00 Shanghai time, during May 2024
        f.db.write(c -> {
            store.saveBlacklist(c, new BlacklistEntry("京E1", "逃费", "b1", LocalDateTime.of(2024, 5, 1, 0, 0),
                    LocalDateTime.of(2024, 5, 31, 23, 59, 59), LocalTime.of(22, 0), LocalTime.of(6, 0),
                    Set.of(DayOfWeek.FRIDAY)), "admin");
            return null;
        });
        assertThat(lists.lookup("京E1", local(2024, 5, 10, 21, 0)).blacklist()).isEmpty();
        assertThat(lists.lookup("京E1", local(2024, 5, 10, 23, 0)).blacklist())
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo("逃费"));
        assertThat(lists.lookup("京E1", local(2024, 5, 11, 3, 0)).blacklist()).as("Saturday 03:00").isPresent();
        assertThat(lists.lookup("京E1", local(2024, 5, 11, 23, 0)).blacklist()).as("Saturday night").isEmpty();
        assertThat(lists.lookup("京E1", local(2024, 5, 17, 22, 30)).blacklist()).as("next Friday").isPresent();
        assertThat(lists.lookup("京E1", local(2024, 6, 7, 22, 30)).blacklist()).as("June: expired").isEmpty();
        // 2024-05-10T14:30Z is 22:30 in Shanghai although it is 14:30 in UTC
        assertThat(lists.lookup("京E1", Instant.parse("2024-05-10T14:30:00Z")).blacklist()).isPresent();
    }

    @Test
    void aLockedCarShowsItsLock() {
        f.db.write(c -> {
            store.lock(c, new CarLock("京F1", f.clock.instant(), "cloud", "o1", "4000"));
            return null;
        });
        assertThat(lists.lookup("京F1", f.clock.instant()).lock()).hasValueSatisfying(l -> {
            assertThat(l.orderId()).isEqualTo("o1");
            assertThat(l.opensWith("4000")).isTrue();
        });
        f.db.write(c -> store.unlock(c, "o1"));
        assertThat(lists.lookup("京F1", f.clock.instant()).lock()).isEmpty();
    }

    private void storedValueCard(String id, long fen, String... plates) {
        f.db.write(c -> {
            store.saveStoredValue(c, new StoredValueAccount(id, List.of(plates), "王五", "138", fen, "", ""));
            return null;
        });
    }

    @Test
    void aStoredValueChargeTakesTheMoneyOnceAndUploadsOneDeduction() {
        storedValueCard("s1", 5000, "京G1");
        assertThat(lists.lookup("京G1", f.clock.instant()).storedValue())
                .hasValueSatisfying(s -> assertThat(s.balanceFen()).isEqualTo(5000));

        assertThat(lists.chargeStoredValue("s1", 1200, "A1_1", f.clock.instant())).isTrue();
        assertThat(lists.chargeStoredValue("s1", 1200, "A1_1", f.clock.instant())).as("same order again").isTrue();

        assertThat(lists.lookup("京G1", f.clock.instant()).storedValue().orElseThrow().balanceFen()).isEqualTo(3800);
        List<OutboxEntry> out = f.outboxEntries();
        assertThat(out).singleElement().satisfies(e -> {
            assertThat(e.serviceName()).isEqualTo(ListUplinks.PREPAY_CARD_DEDUCTION);
            assertThat(e.dataTarget()).isEqualTo("cloud");
            ObjectNode j = f.json(e);
            assertThat(j.path("card_id").asText()).isEqualTo("s1");
            assertThat(j.path("order_id").asText()).isEqualTo("A1_1");
            assertThat(j.path("total_price").asText()).isEqualTo("12.00");
            assertThat(j.path("balance").asText()).isEqualTo("38.00");
            assertThat(j.path("car_number").asText()).isEqualTo("京G1");
            assertThat(j.path("pay_time").asLong()).isEqualTo(f.clock.instant().getEpochSecond());
        });
        assertThat(f.rows("prepay_trade")).isEqualTo(1);
    }

    @Test
    void aShortBalanceOrAnUnknownCardTakesNothingAndUploadsNothing() {
        storedValueCard("s1", 1000, "京G1");
        assertThat(lists.chargeStoredValue("s1", 1001, "A1_2", f.clock.instant())).isFalse();
        assertThat(lists.chargeStoredValue("nope", 1, "A1_2", f.clock.instant())).isFalse();
        assertThat(lists.chargeStoredValue("s1", 1000, "A1_3", f.clock.instant())).as("exactly the balance").isTrue();
        assertThat(lists.lookup("京G1", f.clock.instant()).storedValue().orElseThrow().balanceFen()).isZero();
        assertThat(f.outboxEntries()).hasSize(1);
        assertThatThrownBy(() -> lists.chargeStoredValue("s1", -5, "A1_4", f.clock.instant()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void couponsAreOfferedForTheirPlateAndStayUntilUsedOrExpired() {
        Instant now = f.clock.instant();
        Instant tomorrow = now.plus(Duration.ofDays(1));
        f.db.write(c -> {
            store.saveCoupon(c, new IssuedCoupon(Coupon.amount("t1", 500).validUntil(tomorrow), "京H1", "", 0, false,
                    "咖啡店", ""));
            store.saveCoupon(c, new IssuedCoupon(Coupon.full("t2").validUntil(tomorrow), "京H1", "A1_9", 2, false,
                    "超市", ""));
            store.saveCoupon(c, new IssuedCoupon(Coupon.minutes("t3", 60).validUntil(now.minusSeconds(1)), "京H1", "",
                    1, false, "书店", ""));
            store.saveCoupon(c, new IssuedCoupon(Coupon.full("t4").validUntil(tomorrow), "京H1", "", 2, true, "商场",
                    ""));
            return null;
        });
        assertThat(lists.couponsFor("京h1", "A1_8", now)).extracting(Coupon::id).containsExactly("t1", "t4");
        assertThat(lists.couponsFor("京H1", "A1_9", now)).extracting(Coupon::id).containsExactly("t1", "t2", "t4");
        assertThat(lists.couponsFor("京H1", "A1_9", now).get(0)).isEqualTo(Coupon.amount("t1", 500)
                .validUntil(tomorrow));

        lists.couponsUsed(List.of("t1", "t2", "t4", "unknown"), "A1_9", now);
        assertThat(lists.couponsFor("京H1", "A1_9", now)).extracting(Coupon::id)
                .as("the multi-use coupon stays").containsExactly("t4");
        assertThat(lists.couponsFor("京H1", "A1_9", tomorrow.plusSeconds(1))).isEmpty();
    }
}
