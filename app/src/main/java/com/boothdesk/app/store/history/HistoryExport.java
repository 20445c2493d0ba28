package com.boothdesk.app.store.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** A history search written to CSV or Excel: every matching stay, not only the rows on screen. */
public final class HistoryExport {

    public static final List<String> HEADER = List.of("订单号", "车牌", "出口识别", "车辆类型", "入场车道", "入场时间",
            "入场操作员", "出场车道", "出场时间", "出场操作员", "状态", "应收(元)", "实收(元)", "预付(元)", "减免(元)", "支付方式",
            "免费原因");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HistoryExport() {
    }

    /** Writes the stays of {@code q} to {@code file} (.csv or .xlsx) and returns how many were written. */
    public static long write(JdbcHistory history, HistoryQuery q, Path file, ZoneId zone) throws IOException {
        try (TableExport t = TableExport.open(file, "历史记录", HEADER)) {
            try {
                history.stream(q, r -> {
                    try {
                        t.row(cells(r, zone));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return t.rows();
        }
    }

    static List<Object> cells(HistoryRow r, ZoneId zone) {
        return Arrays.asList(r.orderId(), r.plate(), r.readPlate(), r.kind().label(), r.entryLane(),
                time(r.inTime(), zone), r.entryOperator(), r.exitLane(), time(r.outTime(), zone), r.exitOperator(),
                r.outcome().name(), new TableExport.Money(r.dueFen()), new TableExport.Money(r.paidFen()),
                new TableExport.Money(r.prepaidFen()), new TableExport.Money(r.discountFen()),
                r.payment() == null ? null : r.payment().name(), r.freeReason());
    }

    static String time(Instant i, ZoneId zone) {
        return i == null ? null : TIME.format(i.atZone(zone));
    }
}
