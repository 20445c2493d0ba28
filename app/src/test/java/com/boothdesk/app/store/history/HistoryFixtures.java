package com.boothdesk.app.store.history;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;

/** Writes stays straight into the store (batched), for the history tests, the property test and the benchmark. */
public final class HistoryFixtures {

    /** One closed (or, with {@code out == null}, in-lot) stay. Money in fen. */
    public record Stay(String orderId, String plate, String readPlate, CarKind kind, String entryLane, Instant in,
                       String entryOp, String exitLane, Instant out, String exitOp, long dueFen, long paidFen,
                       long discountFen, PaymentMethod method, String freeReason) {
    }

    private HistoryFixtures() {
    }

    public static void insert(Database db, List<Stay> stays) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parking_order (order_id, plate, car_type,"
                    + " entry_lane, in_time, entry_operator, entry_image, status, exit_lane, out_time, due_fen,"
                    + " paid_fen, pay_method, exit_operator, exit_image, car_kind, discount_fen, free_reason,"
                    + " exit_plate_read) VALUES (?, ?, 'small', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Stay s : stays) {
                    ps.setString(1, s.orderId());
                    ps.setString(2, s.plate());
                    ps.setString(3, s.entryLane());
                    ps.setObject(4, OffsetDateTime.ofInstant(s.in(), ZoneOffset.UTC));
                    ps.setString(5, s.entryOp());
                    ps.setString(6, "2026-11-25/" + s.orderId() + "-in.jpg");
                    ps.setString(7, s.out() == null ? "IN_LOT" : "CLOSED");
                    ps.setString(8, s.exitLane());
                    ps.setObject(9, s.out() == null ? null : OffsetDateTime.ofInstant(s.out(), ZoneOffset.UTC));
                    ps.setLong(10, s.dueFen());
                    ps.setLong(11, s.paidFen());
                    ps.setString(12, s.method() == null ? null : s.method().name());
                    ps.setString(13, s.exitOp());
                    ps.setString(14, s.out() == null ? null : "2026-11-25/" + s.orderId() + "-out.jpg");
                    ps.setString(15, s.kind().name());
                    ps.setLong(16, s.discountFen());
                    ps.setString(17, s.freeReason());
                    ps.setString(18, s.readPlate());
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** A closed, cash-paid stay. */
    public static Stay paid(String id, String plate, String lane, Instant in, Instant out, String op, long fen) {
        return new Stay(id, plate, null, CarKind.TEMPORARY, "A1", in, "op0", lane, out, op, fen, fen, 0,
                PaymentMethod.CASH, null);
    }
}
