package com.boothdesk.app.cloud.sync;

import static com.boothdesk.app.store.lists.ListsFixture.local;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.ParkChannel;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.store.lists.ListsFixture;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every list downlink through the router into the real H2 store: add, modify, delete, resend, bad input. */
class ListSyncTest {

    @TempDir
    Path dir;
    ListsFixture f;
    DownlinkRouter router;
    JdbcListStore store;

    @BeforeEach
    void open() {
        f = new ListsFixture(dir);
        store = f.store;
        router = new DownlinkRouter();
        new ListSync(f.db, f.outbox, ListsFixture.ZONE, f.clock).register(router);
    }

    @AfterEach
    void close() {
        f.close();
    }

    ObjectNode send(String json) {
        try {
            return router.apply(WireCodec.parseObject(json.replace('\'', '"')));
        } catch (com.boothdesk.sdk.wire.WireFormatException e) {
            throw new AssertionError(e);
        }
    }

    static void assertOk(ObjectNode reply, String service) {
        assertThat(reply.path("state").asInt()).as("state of %s", reply).isEqualTo(1);
        assertThat(reply.path("service_name").asText()).isEqualTo(service);
        assertThat(reply.path("data_target").asText()).isEqualTo("cloud");
    }

    static void assertRefused(ObjectNode reply, String errmsgPart) {
        assertThat(reply.path("state").asInt()).as("state of %s", reply).isZero();
        assertThat(reply.path("errmsg").asText()).contains(errmsgPart);
    }

    PlateStatus lookup(String plate) {
        return f.lists.lookup(plate, f.clock.instant());
    }

    // 2024-05-01 00:00 and 2024-06-01 00:00 Shanghai
    static final long MAY_1 = 1714492800L;
    static final long JUNE_1 = 1717171200L;

    String member(int op, String cardId, String plates) {
        return "{'service_name':'month_member_sync','data':{'card_id':'" + cardId + "','operate_type':" + op
                + ",'begin_time':" + MAY_1 + ",'end_time':" + JUNE_1 + ",'car_number':'" + plates
                + "','name':'李四','p_lot':'2','price':'300.00','amount_receivable':300.0,'pid':'null',"
                + "'car_type_id':'null','channel_id':'A1,A2','park_id':'test001','tel':'','remark':'会员1'}}";
    }

    @Test
    void monthMemberAddModifyValidityDeleteAndResend() {
        ObjectNode r = send(member(1, "100000", "京G00000,京g00001"));
        assertOk(r, "month_member_sync");
        assertThat(r.path("card_id").asText()).isEqualTo("100000");
        assertThat(r.path("operate_type").asInt()).isEqualTo(1);
        assertThat(r.has("card_id_local")).isFalse();
        MonthlyCard card = lookup("京G00001").monthly().orElseThrow();
        assertThat(card.plates()).containsExactly("京G00000", "京G00001");
        assertThat(card.validFrom()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(card.validTo()).as("end at midnight covers the day before").isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(card.spaces()).isEqualTo(2);
        assertThat(card.channels()).containsExactlyInAnyOrder("A1", "A2");
        assertThat(card.vehicleClass()).isEmpty();

        assertOk(send(member(1, "100000", "京G00000,京g00001")), "month_member_sync");
        assertThat(f.rows("month_card")).isEqualTo(1);
        assertThat(f.rows("month_card_plate")).as("resend adds no plate twice").isEqualTo(2);

        assertOk(send(member(2, "100000", "京G00000")), "month_member_sync");
        assertThat(lookup("京G00001").monthly()).isEmpty();
        assertThat(lookup("京G00000").monthly()).isPresent();

        ObjectNode v = send("{'service_name':'month_member_sync','data':{'card_id':'100000','operate_type':4,"
                + "'end_time':'1719763199000'}}");
        assertOk(v, "month_member_sync");
        assertThat(lookup("京G00000").monthly().orElseThrow().validTo()).as("milliseconds read too")
                .isEqualTo(LocalDate.of(2024, 6, 30));

        assertOk(send("{'service_name':'month_member_sync','data':{'card_id':'100000','operate_type':3}}"),
                "month_member_sync");
        assertThat(lookup("京G00000").monthly()).isEmpty();
        assertOk(send("{'service_name':'month_member_sync','data':{'card_id':'100000','operate_type':3}}"),
                "month_member_sync");
        assertThat(f.rows("month_card_plate")).isZero();
    }

    @Test
    void aCloudMemberMatchingABoothCardIsMergedAndAnsweredWithCardIdLocal() {
        f.db.write(c -> {
            store.saveMonthMember(c, MonthMember.of(new MonthlyCard("LOCAL7", java.util.List.of("京K1"), "",
                    LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), 1, "", java.util.Set.of())),
                    JdbcListStore.BOOTH, null);
            return null;
        });
        ObjectNode r = send(member(1, "C900", "京K1"));
        assertOk(r, "month_member_sync");
        assertThat(r.path("card_id").asText()).isEqualTo("C900");
        assertThat(r.path("card_id_local").asText()).isEqualTo("LOCAL7");
        assertThat(lookup("京K1").monthly().orElseThrow().cardId()).isEqualTo("LOCAL7");
        assertThat(lookup("京K1").monthly().orElseThrow().validTo()).isEqualTo(LocalDate.of(2024, 5, 31));
        // the cloud resends under its own id, then uses ours
        assertThat(send(member(2, "C900", "京K1")).path("card_id_local").asText()).isEqualTo("LOCAL7");
        assertOk(send(member(2, "LOCAL7", "京K1")), "month_member_sync");
        assertThat(f.rows("month_card")).isEqualTo(1);
    }

    @Test
    void monthMemberRefusals() {
        assertRefused(send("{'service_name':'month_member_sync','data':{'operate_type':1}}"), "card_id");
        assertRefused(send("{'service_name':'month_member_sync','data':{'card_id':'1'}}"), "operate_type");
        assertRefused(send("{'service_name':'month_member_sync','data':{'card_id':'1','operate_type':9}}"),
                "operate_type");
        ObjectNode noPlate = send("{'service_name':'month_member_sync','data':{'card_id':'1','operate_type':1,"
                + "'begin_time':1,'end_time':2}}");
        assertRefused(noPlate, "car_number");
        assertThat(noPlate.path("card_id").asText()).as("key echoed on failure").isEqualTo("1");
        assertRefused(send("{'service_name':'month_member_sync','data':{'card_id':'1','operate_type':1,"
                + "'car_number':'京A1','begin_time':'soon','end_time':2}}"), "begin_time");
        assertRefused(send("{'service_name':'month_member_sync','data':{'card_id':'nope','operate_type':4,"
                + "'end_time':2}}"), "不存在");
        assertThat(f.rows("month_card")).isZero();
    }

    @Test
    void monthPaySyncRenewsOnceAndNeedsAKnownCard() {
        send(member(1, "100000", "京G00000"));
        String pay = "{'service_name':'month_pay_sync','data':{'trade_no':'T1','park_id':'test001',"
                + "'amount_pay':'300.0','pay_type':'现金','start_time':" + JUNE_1 + ",'end_time ':1719763199,"
                + "'pay_time':1717000000,'buy_month':1,'card_id':'100000','amount_receivable':'300.0'}}";
        ObjectNode r = send(pay);
        assertOk(r, "month_pay_sync");
        assertThat(r.path("trade_no").asText()).isEqualTo("T1");
        assertThat(r.path("card_id").asText()).isEqualTo("100000");
        MonthlyCard card = lookup("京G00000").monthly().orElseThrow();
        assertThat(card.validTo()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(card.validFrom()).as("an earlier start is kept").isEqualTo(LocalDate.of(2024, 5, 1));

        // the booth shortens the card, then the same renewal is resent: it must not be applied again
        f.db.write(c -> store.setMonthValidity(c, "100000", null, LocalDate.of(2024, 6, 15)));
        assertOk(send(pay), "month_pay_sync");
        assertThat(lookup("京G00000").monthly().orElseThrow().validTo()).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(f.rows("month_renewal")).isEqualTo(1);

        assertRefused(send(pay.replace("'100000'", "'404'").replace("T1", "T2")), "不存在");
        assertRefused(send("{'service_name':'month_pay_sync','data':{'card_id':'100000','end_time':1}}"), "trade_no");
    }

    @Test
    void monthCardPackagesAndPriceRecords() {
        String pkg = "{'data':{'operate_type':1,'price':3.00,'park_id':'test001','update_time':1532685547,"
                + "'name':'测下发111','describe':'','create_time':1531962824,'package_id':'1033','period':'月',"
                + "'car_type':'20000_107416','end_type':0},'service_name':'month_card_sync'}";
        ObjectNode r = send(pkg);
        assertOk(r, "month_card_sync");
        assertThat(r.path("package_id").asText()).isEqualTo("1033");
        assertOk(send(pkg.replace("'operate_type':1", "'operate_type':2").replace("3.00", "'4.5'")),
                "month_card_sync");
        assertThat(f.db.read(c -> store.findPackage(c, "1033")).orElseThrow().priceFen()).isEqualTo(450);
        assertOk(send("{'data':{'operate_type':3,'package_id':'1033'},'service_name':'month_card_sync'}"),
                "month_card_sync");
        assertThat(f.rows("month_package")).isZero();
        assertRefused(send("{'data':{'operate_type':1,'price':'abc','package_id':'1'},"
                + "'service_name':'month_card_sync'}"), "price");
        assertRefused(send("{'data':{'operate_type':1},'service_name':'month_card_sync'}"), "package_id");

        String price = "{'service_name':'price_sync','data':{'price_id':'P1','car_type':'小车','describe':'首小时5元',"
                + "'operate_type':'1'}}";
        ObjectNode p = send(price);
        assertOk(p, "price_sync");
        assertThat(p.path("price_id").asText()).isEqualTo("P1");
        assertThat(p.path("operate_type").asInt()).isEqualTo(1);
        assertOk(send(price.replace("'1'}", "'3'}")), "price_sync");
        assertThat(f.db.read(c -> store.findTariffRecord(c, "P1")).orElseThrow().getValue()).as("kept, deleted")
                .isTrue();
        assertRefused(send("{'service_name':'price_sync','data':{'operate_type':1}}"), "price_id");
    }

    @Test
    void collectorsLanesAndCarTypes() {
        ObjectNode c1 = send("{'service_name':'collector_sync','data':{'user_id':'11','name':'小王','sex':1,"
                + "'operate_type':1}}");
        assertOk(c1, "collector_sync");
        assertThat(c1.path("user_id").asText()).isEqualTo("11");
        send("{'service_name':'collector_sync','data':{'user_id':'11','name':'老王','operate_type':2}}");
        assertThat(f.db.read(c -> store.findCollector(c, "11")).orElseThrow().name()).isEqualTo("老王");
        send("{'service_name':'collector_sync','data':{'user_id':'11','operate_type':3}}");
        assertThat(f.rows("collector")).isZero();
        assertRefused(send("{'service_name':'collector_sync','data':{'operate_type':1}}"), "user_id");

        ObjectNode g = send("{'data':{'operate_type':1,'passtype':'1','park_id':'test001','passname':'东入口',"
                + "'channel_id':'A1','device_no':'777881'},'service_name':'gate_sync'}");
        assertOk(g, "gate_sync");
        assertThat(g.path("channel_id").asText()).isEqualTo("A1");
        assertThat(f.db.read(c -> store.findChannel(c, "A1")).orElseThrow().direction())
                .isEqualTo(ParkChannel.Direction.ENTRY);
        send("{'data':{'operate_type':2,'passtype':0,'passname':'东出口','channel_id':'A1'},'service_name':'gate_sync'}");
        assertThat(f.db.read(c -> store.findChannel(c, "A1")).orElseThrow().direction())
                .isEqualTo(ParkChannel.Direction.EXIT);
        send("{'data':{'operate_type':3,'channel_id':'A1'},'service_name':'gate_sync'}");
        assertThat(f.rows("park_channel")).isZero();
        assertRefused(send("{'data':{'operate_type':1},'service_name':'gate_sync'}"), "channel_id");

        ObjectNode t = send("{'service_name':'car_type_sync','data':{'car_type_id':'big','name':'大车','sort':'2',"
                + "'operate_type':1}}");
        assertOk(t, "car_type_sync");
        assertThat(t.path("car_type_id").asText()).isEqualTo("big");
        assertThat(f.db.read(c -> store.findCarType(c, "big")).orElseThrow().sort()).isEqualTo(2);
        send("{'service_name':'car_type_sync','data':{'car_type_id':'big','operate_type':3}}");
        assertThat(f.rows("car_type")).isZero();
        assertRefused(send("{'service_name':'car_type_sync','data':{'operate_type':1}}"), "car_type_id");
    }

    @Test
    void blacklistFromTheCloudWithDateTimeValidity() {
        String add = "{'data':{'resume':'逃费','operate_type':1,'park_id':'test001','car_number':'京akkkk1',"
                + "'create_time':1531992262,'black_uuid':'20000_632618','operator':'522222',"
                + "'start_time':'2024-05-01 00:00:00','end_time':'2024-05-31 23:59:59'},'service_name':'blackuser_sync'}";
        ObjectNode r = send(add);
        assertOk(r, "blackuser_sync");
        assertThat(r.path("black_uuid").asText()).isEqualTo("20000_632618");
        assertThat(lookup("京AKKKK1").blacklist()).hasValueSatisfying(b -> {
            assertThat(b.reason()).isEqualTo("逃费");
            assertThat(b.validTo()).isEqualTo(LocalDateTime.of(2024, 5, 31, 23, 59, 59));
        });
        assertThat(f.lists.lookup("京AKKKK1", local(2024, 6, 1, 0, 0)).blacklist()).isEmpty();
        assertOk(send(add), "blackuser_sync");
        assertThat(f.rows("blacklist")).isEqualTo(1);
        send("{'data':{'operate_type':3,'black_uuid':'20000_632618'},'service_name':'blackuser_sync'}");
        assertThat(lookup("京AKKKK1").blacklist()).isEmpty();
        assertRefused(send("{'data':{'operate_type':1},'service_name':'blackuser_sync'}"), "black_uuid");
        assertRefused(send("{'data':{'operate_type':1,'black_uuid':'x','car_number':'京A1',"
                + "'start_time':'yesterday'},'service_name':'blackuser_sync'}"), "start_time");
    }

    @Test
    void lockAndUnlockAStayInTheLot() {
        f.db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO parking_order (order_id, plate, car_type, entry_lane,"
                    + " in_time, status) VALUES ('A1_1', '京L1', 'small', 'A1', CURRENT_TIMESTAMP, 'IN_LOT')")) {
                ps.executeUpdate();
            }
            return null;
        });
        String lock = "{'local_id':'x','park_id':'test001','comid':'20000','service_name':'lock_car',"
                + "'order_id':'A1_1','is_locked':1,'lock_key':'4000'}";
        ObjectNode r = send(lock);
        assertOk(r, "lock_car");
        assertThat(r.path("order_id").asText()).isEqualTo("A1_1");
        assertThat(r.path("is_locked").asInt()).isEqualTo(1);
        assertThat(lookup("京L1").lock()).hasValueSatisfying(l -> assertThat(l.lockKey()).isEqualTo("4000"));
        assertOk(send(lock), "lock_car");
        assertThat(f.rows("car_lock")).isEqualTo(1);

        ObjectNode u = send(lock.replace("'is_locked':1", "'is_locked':'0'"));
        assertOk(u, "lock_car");
        assertThat(u.path("is_locked").asInt()).isZero();
        assertThat(lookup("京L1").lock()).isEmpty();

        assertRefused(send(lock.replace("A1_1", "A9_9")), "未找到订单");
        assertRefused(send("{'service_name':'lock_car','is_locked':1}"), "order_id");
        assertRefused(send("{'service_name':'lock_car','order_id':'A1_1','is_locked':7}"), "is_locked");
    }

    @Test
    void couponsOfEveryKind() {
        Instant now = f.clock.instant();
        long limit = now.getEpochSecond() + 86_400;
        String base = "{'service_name':'deliver_ticket','create_time':" + now.getEpochSecond() + ",'limit_day':" + limit
                + ",'car_number':'苏AQW888','order_id':'A1_5','have_order':1,'park_id':'24155','shop_name':'测',"
                + "'time_range':0,'discount':'','money':'','duration':0,";
        ObjectNode r = send(base + "'ticket_id':'1','ticket_type':0,'money':'3.50'}");
        assertOk(r, "deliver_ticket");
        assertThat(r.path("ticket_id").asText()).isEqualTo("1");
        assertThat(r.path("order_id").asText()).isEqualTo("A1_5");
        assertOk(send(base + "'ticket_id':'2','ticket_type':1,'duration':2,'ticket_unit':2}"), "deliver_ticket");
        assertOk(send(base + "'ticket_id':'3','ticket_type':2}"), "deliver_ticket");
        assertOk(send(base + "'ticket_id':'4','ticket_type':3,'discount':'8'}"), "deliver_ticket");
        assertOk(send(base + "'ticket_id':'5','ticket_type':3,'discount':'85'}"), "deliver_ticket");
        assertOk(send(base + "'ticket_id':'6','ticket_type':5,'time_range':" + (now.getEpochSecond() + 3600) + "}"),
                "deliver_ticket");
        assertRefused(send(base + "'ticket_id':'7','ticket_type':4}"), "外部优惠券");
        assertRefused(send(base + "'ticket_id':'8','ticket_type':0}"), "money");
        assertRefused(send("{'service_name':'deliver_ticket','ticket_type':2,'car_number':'京A1'}"), "ticket_id");

        assertThat(f.lists.couponsFor("苏AQW888", "A1_5", now)).containsExactly(
                Coupon.amount("1", 350).validUntil(Instant.ofEpochSecond(limit)),
                Coupon.minutes("2", 120).validUntil(Instant.ofEpochSecond(limit)),
                Coupon.full("3").validUntil(Instant.ofEpochSecond(limit)),
                Coupon.percentOff("4", 20).validUntil(Instant.ofEpochSecond(limit)),
                Coupon.percentOff("5", 15).validUntil(Instant.ofEpochSecond(limit)),
                Coupon.full("6").validUntil(now.plusSeconds(3600)));
        assertThat(f.lists.couponsFor("苏AQW888", "A1_6", now)).as("bound to another stay").isEmpty();

        f.lists.couponsUsed(java.util.List.of("1"), "A1_5", now);
        assertOk(send(base + "'ticket_id':'1','ticket_type':0,'money':'3.50'}"), "deliver_ticket");
        assertThat(f.lists.couponsFor("苏AQW888", "A1_5", now)).as("a resend does not revive a used coupon")
                .extracting(Coupon::id).doesNotContain("1");
    }

    @Test
    void visitorsNeedApproval() {
        Instant now = f.clock.instant();
        String v = "{'data':{'operate_type':1,'car_number':'鲁A00000','visitor_id':10238,'end_time':"
                + (now.getEpochSecond() + 7200) + ",'mobile':'17800000000','park_id':'22370','begin_time':"
                + (now.getEpochSecond() - 60) + ",'remark':'访客','state':0,'type':0},'service_name':'visitor_sync'}";
        ObjectNode r = send(v);
        assertOk(r, "visitor_sync");
        assertThat(r.path("visitor_id").asLong()).isEqualTo(10238);
        assertThat(lookup("鲁A00000").visitor()).as("pending").isEmpty();
        assertOk(send(v.replace("'state':0", "'state':1").replace("'operate_type':1", "'operate_type':2")),
                "visitor_sync");
        assertThat(lookup("鲁A00000").visitor()).hasValueSatisfying(p -> assertThat(p.usableAt(now)).isTrue());
        f.lists.visitorEntered("鲁A00000", now);
        send(v.replace("'state':0", "'state':1"));
        assertThat(lookup("鲁A00000").visitor().orElseThrow().usedEntries()).as("a resend keeps the count")
                .isEqualTo(1);
        send("{'data':{'operate_type':3,'visitor_id':10238},'service_name':'visitor_sync'}");
        assertThat(lookup("鲁A00000").visitor()).isEmpty();
        assertRefused(send("{'data':{'operate_type':1},'service_name':'visitor_sync'}"), "visitor_id");
    }

    @Test
    void storedValueCardsAndTheirTrades() {
        String card = "{'data':{'operate_type':1,'create_time':1544170891,'total_price':20.00,'car_number':'京A111111',"
                + "'mobile':'15311121112','name':'张三','park_id':'12345','remark':'注册','card_id':'10003',"
                + "'car_type_id':'20190111'},'service_name':'prepay_card_sync'}";
        ObjectNode r = send(card);
        assertOk(r, "prepay_card_sync");
        assertThat(r.path("card_id").asText()).isEqualTo("10003");
        assertThat(lookup("京A111111").storedValue().orElseThrow().balanceFen()).isEqualTo(2000);

        String topUp = "{'data':{'total_price':'1.00','car_number':'京A111111','mobile':'1','name':'张三',"
                + "'park_id':'12345','trade_no':'2018120720010621782','pay_type':'现金','card_id':'10003',"
                + "'pay_time':1544184066},'service_name':'prepay_card_trade_sync','account_type':1}";
        ObjectNode t = send(topUp);
        assertOk(t, "prepay_card_trade_sync");
        assertThat(t.path("trade_no").asText()).isEqualTo("2018120720010621782");
        assertOk(send(topUp), "prepay_card_trade_sync");
        assertThat(lookup("京A111111").storedValue().orElseThrow().balanceFen()).as("resent once").isEqualTo(2100);

        assertOk(send(topUp.replace("'1.00'", "'-5.00'").replace("21782", "21783")), "prepay_card_trade_sync");
        assertThat(lookup("京A111111").storedValue().orElseThrow().balanceFen()).as("refund").isEqualTo(1600);

        assertRefused(send(topUp.replace("'10003'", "'404'").replace("21782", "21784")), "不存在");
        assertRefused(send("{'data':{'card_id':'10003','total_price':'1'},'service_name':'prepay_card_trade_sync'}"),
                "trade_no");
        assertRefused(send(card.replace("'car_number':'京A111111',", "")), "car_number");

        assertOk(send(card.replace("'operate_type':1", "'operate_type':3")), "prepay_card_sync");
        assertThat(lookup("京A111111").storedValue()).isEmpty();
    }

    @Test
    void internalCars() {
        String w = "{'data':{'b_time':" + MAY_1 + ",'operate_type':1,'car_location':'1_101','end_type':0,"
                + "'user_name':'张女士','car_number':'京ABCDEF','mobile':'','park_id':'12345','remark':'',"
                + "'e_time':" + JUNE_1 + "},'service_name':'white_list_sync'}";
        ObjectNode r = send(w);
        assertOk(r, "white_list_sync");
        assertThat(r.path("operate_type").asText()).isEqualTo("1");
        assertThat(r.path("car_number").asText()).isEqualTo("京ABCDEF");
        WhiteListEntry e = lookup("京abcdef").white().orElseThrow();
        assertThat(e.validTo()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(e.remark()).contains("1_101");
        assertOk(send(w.replace("'end_type':0", "'end_type':1").replace("'operate_type':1", "'operate_type':2")),
                "white_list_sync");
        assertThat(lookup("京ABCDEF").white().orElseThrow().longTerm()).isTrue();
        assertThat(f.rows("white_list")).isEqualTo(1);
        send("{'data':{'operate_type':3,'car_number':'京ABCDEF'},'service_name':'white_list_sync'}");
        assertThat(lookup("京ABCDEF").white()).isEmpty();
        assertRefused(send("{'data':{'operate_type':1},'service_name':'white_list_sync'}"), "car_number");
        assertRefused(send("{'data':{'operate_type':1,'car_number':'京A1,京A2,京A3,京A4,京A5'},"
                + "'service_name':'white_list_sync'}"), "车牌");
    }
    @Test
    void garbageIsAnsweredStateZeroAndChangesNothing() {
        String[] bad = {
            "{'service_name':'month_member_sync','data':'not an object'}",
            "{'service_name':'month_member_sync','data':{'card_id':['a'],'operate_type':1}}",
            "{'service_name':'month_member_sync','data':{'card_id':'1','operate_type':'one'}}",
            "{'service_name':'month_member_sync','data':{'card_id':'1','operate_type':1,'car_number':'京A1',"
                    + "'begin_time':" + JUNE_1 + ",'end_time':" + MAY_1 + "}}",
            "{'service_name':'month_member_sync','data':{'card_id':'1','operate_type':99999999999}}",
            "{'service_name':'prepay_card_trade_sync','data':{'trade_no':'t','card_id':'c','total_price':'1.234'}}",
            "{'service_name':'deliver_ticket','ticket_id':'1','car_number':'京A1','ticket_type':3,'discount':'abc'}",
            "{'service_name':'deliver_ticket','ticket_id':'1','car_number':'京A1','ticket_type':3,'discount':'0'}",
            "{'service_name':'deliver_ticket','ticket_id':'1','car_number':'京A1','ticket_type':42}",
            "{'service_name':'visitor_sync','data':{'visitor_id':1,'operate_type':1,'car_number':'京A1',"
                    + "'begin_time':'2024-13-45 99:00:00'}}",
            "{'service_name':'gate_sync','data':{'channel_id':'A1','operate_type':1,'passtype':'entry'}}",
        };
        for (String b : bad) {
            ObjectNode r = send(b);
            assertThat(r.path("state").asInt()).as("answer to %s: %s", b, r).isZero();
            assertThat(r.path("errmsg").asText()).isNotBlank();
            assertThat(r.path("data_target").asText()).isEqualTo("cloud");
        }
        assertThat(f.rows("month_card") + f.rows("coupon") + f.rows("visitor") + f.rows("park_channel")
                + f.rows("prepay_trade")).isZero();
    }
}
