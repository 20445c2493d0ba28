package com.boothdesk.app.cloud.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.CarType;
import com.boothdesk.app.domain.lists.Collector;
import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthPackage;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.ParkChannel;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.StoredValueTrade;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.store.lists.ListUplinks;
import com.boothdesk.app.store.lists.ListsFixture;
import com.boothdesk.sdk.outbox.OutboxEntry;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every booth-side list change leaves its row and exactly one outbox entry, written together. */
class ListAdminTest {

    @TempDir
    Path dir;
    ListsFixture f;
    ListAdmin admin;
    JdbcListStore store;
    final AtomicInteger wakes = new AtomicInteger();

    @BeforeEach
    void open() {
        f = new ListsFixture(dir);
        store = f.store;
        admin = new ListAdmin(f.db, f.outbox, ListsFixture.ZONE, f.clock);
        admin.onUplinkStored(wakes::incrementAndGet);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** The single outbox entry written since {@code before} entries, checked for service_name and target. */
    ObjectNode onlyNewUplink(int before, String service) {
        List<OutboxEntry> all = f.outboxEntries();
        assertThat(all).as("exactly one new outbox entry").hasSize(before + 1);
        OutboxEntry e = all.get(before);
        assertThat(e.serviceName()).isEqualTo(service);
        assertThat(e.dataTarget()).isEqualTo("cloud");
        ObjectNode j = f.json(e);
        assertThat(j.path("data_target").asText()).isEqualTo("cloud");
        return j;
    }

    int outboxSize() {
        return f.outboxEntries().size();
    }

    @Test
    void collectors() {
        admin.saveCollector(new Collector("1234567", "小王", 1));
        ObjectNode add = onlyNewUplink(0, "upload_collector");
        assertThat(add.path("user_id").asText()).isEqualTo("1234567");
        assertThat(add.path("name").asText()).isEqualTo("小王");
        assertThat(add.path("operate_type").asInt()).isEqualTo(1);
        assertThat(add.path("create_time").asLong()).isEqualTo(ListsFixture.START.getEpochSecond());
        java.util.Optional<Collector> saved = f.db.read(c -> store.findCollector(c, "1234567"));
        assertThat(saved).isPresent();

        admin.saveCollector(new Collector("1234567", "老王", 1));
        assertThat(onlyNewUplink(1, "upload_collector").path("operate_type").asInt()).as("1 添加或修改").isEqualTo(1);
        assertThat(admin.deleteCollector("1234567")).isTrue();
        assertThat(onlyNewUplink(2, "upload_collector").path("operate_type").asInt()).isEqualTo(3);
        assertThat(f.rows("collector")).isZero();
        assertThat(admin.deleteCollector("1234567")).isFalse();
        assertThat(outboxSize()).as("deleting nothing uploads nothing").isEqualTo(3);
        assertThat(wakes.get()).isPositive();
        assertThatThrownBy(() -> admin.saveCollector(new Collector(" ", "x", 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outboxSize()).isEqualTo(3);
    }

    @Test
    void monthCardPackages() {
        admin.savePackage(new MonthPackage("P1", "包月", 30000, "月", "小车包月", "small", false));
        ObjectNode j = onlyNewUplink(0, "upload_month_card");
        assertThat(j.path("package_id").asText()).isEqualTo("P1");
        assertThat(j.path("price").asText()).isEqualTo("300.00");
        assertThat(j.path("period").asText()).isEqualTo("月");
        assertThat(j.path("operate_type").asInt()).isEqualTo(1);
        admin.savePackage(new MonthPackage("P1", "包月", 28000, "月", "", "small", false));
        assertThat(onlyNewUplink(1, "upload_month_card").path("operate_type").asInt()).isEqualTo(2);
        assertThat(f.db.read(c -> store.findPackage(c, "P1")).orElseThrow().priceFen()).isEqualTo(28000);
        assertThat(admin.deletePackage("P1")).isTrue();
        assertThat(onlyNewUplink(2, "upload_month_card").path("operate_type").asInt()).isEqualTo(3);
        assertThat(f.rows("month_package")).isZero();
    }

    @Test
    void monthMembersAndRenewals() {
        MonthlyCard card = new MonthlyCard("M1", List.of("京a12345", "京B67890"), "张三", LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 31), 1, "small", Set.of("A1"));
        admin.saveMonthMember(new MonthMember(card, "P1", "138", "", "", 30000, 30000, 1));
        ObjectNode j = onlyNewUplink(0, "upload_month_member");
        assertThat(j.path("card_id").asText()).isEqualTo("M1");
        assertThat(j.path("car_number").asText()).isEqualTo("京A12345,京B67890");
        assertThat(j.path("begin_time").asLong()).isEqualTo(1714492800L);
        assertThat(j.path("end_time").asLong()).isEqualTo(1717171199L);
        assertThat(j.path("price").asText()).isEqualTo("300.00");
        assertThat(j.path("channel_id").asText()).isEqualTo("A1");
        assertThat(j.path("operate_type").asInt()).isEqualTo(1);
        assertThat(f.lists.lookup("京A12345", f.clock.instant()).monthly()).isPresent();

        MonthRenewal r = admin.renewMonthCard("M1", LocalDate.of(2024, 6, 30), 30000, 30000, "现金", "小王", 1,
                "续费");
        ObjectNode pay = onlyNewUplink(1, "month_pay_record");
        assertThat(pay.path("trade_no").asText()).isEqualTo(r.tradeNo()).startsWith("MR");
        assertThat(pay.path("card_id").asText()).isEqualTo("M1");
        assertThat(pay.path("amount_pay").asText()).isEqualTo("300.00");
        assertThat(pay.path("limit_time").asLong()).isEqualTo(1719763199L);
        assertThat(pay.path("start_time").asLong()).as("the day after the old end").isEqualTo(1717171200L);
        assertThat(f.lists.lookup("京B67890", f.clock.instant()).monthly().orElseThrow().validTo())
                .isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(f.rows("month_renewal")).isEqualTo(1);

        assertThat(admin.deleteMonthMember("M1")).isTrue();
        ObjectNode del = onlyNewUplink(2, "upload_month_member");
        assertThat(del.path("operate_type").asInt()).isEqualTo(3);
        assertThat(del.has("begin_time")).isFalse();
        assertThat(f.lists.lookup("京A12345", f.clock.instant()).monthly()).isEmpty();
        assertThatThrownBy(() -> admin.renewMonthCard("M1", LocalDate.of(2024, 7, 31), 0, 0, "现金", "", 1, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outboxSize()).isEqualTo(3);
    }

    @Test
    void lanesBlacklistAndCarTypes() {
        admin.saveChannel(new ParkChannel("A1", "东出口", ParkChannel.Direction.EXIT, "", "777881"));
        ObjectNode g = onlyNewUplink(0, "upload_gate");
        assertThat(g.path("channel_id").asText()).isEqualTo("A1");
        assertThat(g.path("passtype").asInt()).as("2.14: 1 出口").isEqualTo(1);
        assertThat(g.path("device_no").asText()).isEqualTo("777881");
        assertThat(admin.deleteChannel("A1")).isTrue();
        assertThat(onlyNewUplink(1, "upload_gate").path("operate_type").asInt()).isEqualTo(3);

        BlacklistEntry b = admin.saveBlacklist(new BlacklistEntry("京x1", "逃费", "", null, null, LocalTime.of(22, 0),
                LocalTime.of(6, 0), Set.of(DayOfWeek.FRIDAY)), "admin");
        assertThat(b.blackId()).startsWith("BL");
        ObjectNode bl = onlyNewUplink(2, "upload_blackuser");
        assertThat(bl.path("black_uuid").asText()).isEqualTo(b.blackId());
        assertThat(bl.path("car_number").asText()).isEqualTo("京X1");
        assertThat(bl.path("resume").asText()).isEqualTo("逃费");
        List<BlacklistEntry> listed = f.db.read(c -> store.blacklistOf(c, "京X1"));
        assertThat(listed).singleElement()
                .satisfies(e -> assertThat(e.weekdays()).containsExactly(DayOfWeek.FRIDAY));
        assertThat(admin.deleteBlacklist(b.blackId(), "admin")).isTrue();
        assertThat(onlyNewUplink(3, "upload_blackuser").path("operate_type").asInt()).isEqualTo(3);

        admin.saveCarType(new CarType("big", "大车", 2));
        ObjectNode t = onlyNewUplink(4, "upload_car_type");
        assertThat(t.path("car_type_id").asText()).isEqualTo("big");
        assertThat(t.path("name").asText()).isEqualTo("大车");
        admin.saveCarType(new CarType("big", "大型车", 2));
        assertThat(onlyNewUplink(5, "upload_car_type").path("operate_type").asInt()).isEqualTo(2);
        assertThat(admin.deleteCarType("big")).isTrue();
        assertThat(onlyNewUplink(6, "upload_car_type").path("operate_type").asInt()).isEqualTo(3);
        assertThat(f.rows("car_type") + f.rows("blacklist") + f.rows("park_channel")).isZero();
    }

    @Test
    void storedValueCardsTopUpsAndDeductions() {
        admin.saveStoredValueCard(new StoredValueAccount("S1", List.of("京s1"), "王五", "139", 1000, "", ""));
        ObjectNode card = onlyNewUplink(0, ListUplinks.PREPAY_CARD_UPLOAD);
        assertThat(card.path("card_id").asText()).isEqualTo("S1");
        assertThat(card.path("total_price").asText()).isEqualTo("10.00");
        assertThat(card.path("car_number").asText()).isEqualTo("京S1");

        StoredValueTrade t = admin.topUp("S1", 5000, 5000, "现金");
        ObjectNode up = onlyNewUplink(1, "prepay_card_record");
        assertThat(up.path("trade_no").asText()).isEqualTo(t.tradeNo());
        assertThat(up.path("total_price").asText()).isEqualTo("50.00");
        assertThat(up.path("car_number").asText()).isEqualTo("京S1");
        assertThat(f.lists.lookup("京S1", f.clock.instant()).storedValue().orElseThrow().balanceFen()).isEqualTo(6000);

        admin.saveStoredValueCard(new StoredValueAccount("S1", List.of("京S1", "京S2"), "王五", "139", 0, "", ""));
        assertThat(onlyNewUplink(2, ListUplinks.PREPAY_CARD_UPLOAD).path("operate_type").asInt()).isEqualTo(2);
        assertThat(f.lists.lookup("京S2", f.clock.instant()).storedValue().orElseThrow().balanceFen())
                .as("a modify keeps the balance").isEqualTo(6000);

        assertThat(admin.deductStoredValue("S1", 2500, "A1_7")).isTrue();
        ObjectNode d = onlyNewUplink(3, ListUplinks.PREPAY_CARD_DEDUCTION);
        assertThat(d.path("order_id").asText()).isEqualTo("A1_7");
        assertThat(d.path("total_price").asText()).isEqualTo("25.00");
        assertThat(admin.deductStoredValue("S1", 9999, "A1_8")).isFalse();
        assertThat(outboxSize()).isEqualTo(4);

        assertThat(admin.deleteStoredValueCard("S1")).isTrue();
        assertThat(onlyNewUplink(4, ListUplinks.PREPAY_CARD_UPLOAD).path("operate_type").asInt()).isEqualTo(3);
        assertThatThrownBy(() -> admin.topUp("S1", 100, 100, "现金")).isInstanceOf(IllegalArgumentException.class);
        assertThat(outboxSize()).isEqualTo(5);
    }

    @Test
    void couponDeductionsAreUploadedOnce() {
        f.db.write(c -> {
            store.saveCoupon(c, new IssuedCoupon(Coupon.amount("5000161", 2000)
                    .validUntil(f.clock.instant().plus(Duration.ofDays(1))), "京ABC9991", "", 0, false, "111木哈哈", ""));
            return null;
        });
        assertThat(admin.couponDeducted("5000161", "121212", 2000)).isTrue();
        ObjectNode j = onlyNewUplink(0, "upload_ticket_deduction");
        assertThat(j.path("ticket_id").isNumber()).isTrue();
        assertThat(j.path("ticket_id").asLong()).isEqualTo(5000161L);
        assertThat(j.path("car_number").asText()).isEqualTo("京ABC9991");
        assertThat(j.path("shop_name").asText()).isEqualTo("111木哈哈");
        assertThat(j.path("order_id").asText()).isEqualTo("121212");
        assertThat(j.path("deduction_amount").asText()).isEqualTo("20.00");
        assertThat(f.lists.couponsFor("京ABC9991", "121212", f.clock.instant())).isEmpty();
        assertThat(admin.couponDeducted("5000161", "121212", 2000)).isFalse();
        assertThat(admin.couponDeducted("nope", "121212", 2000)).isFalse();
        assertThat(outboxSize()).isEqualTo(1);
    }

    @Test
    void internalCars() {
        admin.saveInternalCar(new WhiteListEntry("京n1", "赵六", LocalDate.of(2024, 5, 1), WhiteListEntry.FOREVER,
                "保安"), "9");
        ObjectNode j = onlyNewUplink(0, ListUplinks.WHITE_LIST_UPLOAD);
        assertThat(j.path("car_number").asText()).isEqualTo("京N1");
        assertThat(j.path("end_type").asInt()).isEqualTo(1);
        assertThat(j.has("e_time")).isFalse();
        assertThat(j.path("b_time").asLong()).isEqualTo(1714492800L);
        assertThat(f.lists.lookup("京N1", f.clock.instant()).white()).isPresent();
        admin.saveInternalCar(new WhiteListEntry("京N1", "赵六", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31),
                ""), "9");
        ObjectNode m = onlyNewUplink(1, ListUplinks.WHITE_LIST_UPLOAD);
        assertThat(m.path("operate_type").asInt()).isEqualTo(2);
        assertThat(m.path("e_time").asLong()).isEqualTo(1717171199L);
        assertThat(admin.deleteInternalCar("京N1")).isTrue();
        assertThat(onlyNewUplink(2, ListUplinks.WHITE_LIST_UPLOAD).path("operate_type").asInt()).isEqualTo(3);
        assertThat(f.lists.lookup("京N1", f.clock.instant()).white()).isEmpty();
    }

    @Test
    void aFailedChangeWritesNeitherRowNorUplink() {
        // the row is written first, then the outbox refuses the uplink: both must roll back together
        f.db.write(c -> {
            try (var st = c.createStatement()) {
                st.execute("ALTER TABLE sdk_outbox ADD CONSTRAINT no_collectors CHECK (service_name <> 'upload_collector')");
            }
            return null;
        });
        assertThatThrownBy(() -> admin.saveCollector(new Collector("u1", "小王", 0)))
                .isInstanceOf(RuntimeException.class);
        assertThat(f.rows("collector")).isZero();
        assertThat(outboxSize()).isZero();
    }
}
