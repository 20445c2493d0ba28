package com.boothdesk.app.store.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.ShiftOrder;
import com.boothdesk.app.domain.staff.ShiftTotals;

/**
 * Electronic payments by channel in the shift's totals, from the channel the payments part records on the order
 * ({@code payment_record}, state 1); an order without one is counted under its pay_type.
 */
class ShiftChannelsTest {

    @TempDir
    Path dir;

    @Test
    void electronicPaymentsAreTotalledPerChannelRecordedOnTheOrder() {
        try (StaffFixture f = new StaffFixture(dir)) {
            f.admin("a1");
            f.staff.login("a1", StaffFixture.pw("a1"));
            String wx = f.exit("京A00001", 700, 700, 0, PaymentMethod.CASH, null, "a1");
            String ali = f.exit("京A00002", 500, 500, 0, PaymentMethod.CASH, null, "a1");
            String wx2 = f.exit("京A00003", 300, 300, 0, PaymentMethod.CASH, null, "a1");
            String other = f.exit("京A00004", 200, 200, 0, PaymentMethod.CASH, null, "a1");
            f.exit("京A00005", 900, 900, 0, PaymentMethod.CASH, null, "a1"); // stays cash
            // as the payments part books an exit QR payment: method ELECTRONIC with its channel (the fixture's
            // exits go through the cash path, whose out_park needs no auth code)
            // and records the payment event with its channel in payment_record (V90; a failed attempt first)
            for (String[] x : new String[][] {{wx, "wechat"}, {ali, "alipay"}, {wx2, "0"}, {other, null}}) {
                f.db.write(c -> c.createStatement().executeUpdate("UPDATE parking_order SET pay_method = 'ELECTRONIC'"
                        + " WHERE order_id = '" + x[0] + "'"));
                if (x[1] != null) {
                    f.db.write(c -> c.createStatement().executeUpdate("INSERT INTO payment_record (kind, trade_no,"
                            + " order_id, state, pay_type, channel, amount_fen, received) VALUES ('OUTPARK', 'T0" + x[0]
                            + "', '" + x[0] + "', 0, 'sweepcode', 'unionpay', 0, CURRENT_TIMESTAMP), ('OUTPARK', 'T"
                            + x[0] + "', '" + x[0] + "', 1, 'sweepcode', '" + x[1] + "', 100, CURRENT_TIMESTAMP)"));
                }
            }
            ShiftTotals t = f.staff.currentTotals();
            assertThat(t.electronicFen()).containsExactlyInAnyOrderEntriesOf(Map.of("微信", 1000L, "支付宝", 500L,
                    "扫码支付(sweepcode)", 200L));
            assertThat(t.electronicTotalFen()).isEqualTo(1700);
            assertThat(t.cashFen()).isEqualTo(900);
            assertThat(f.staff.ledger(f.staff.currentShift().orElseThrow()).orders())
                    .extracting(ShiftOrder::payKind)
                    .containsExactly("电子支付·微信", "电子支付·支付宝", "电子支付·微信", "电子支付", "现金");
        }
    }

    @Test
    void anElectronicOrderWithoutARecordedChannelIsCountedByItsPayType() {
        try (StaffFixture f = new StaffFixture(dir)) {
            f.admin("a1");
            f.staff.login("a1", StaffFixture.pw("a1"));
            String id = f.exit("京A00001", 700, 700, 0, PaymentMethod.CASH, null, "a1");
            f.db.write(c -> c.createStatement().executeUpdate(
                    "UPDATE parking_order SET pay_method = 'ELECTRONIC' WHERE order_id = '" + id + "'"));
            assertThat(f.staff.currentTotals().electronicFen()).containsExactly(Map.entry("扫码支付(sweepcode)", 700L));
        }
    }
}
