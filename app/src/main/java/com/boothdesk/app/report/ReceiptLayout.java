package com.boothdesk.app.report;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.sdk.message.Fen;

/**
 * A cash receipt laid out in text columns for thermal printers: 58 mm paper prints 32 columns, 80 mm 48 (a Chinese
 * character takes two). The same lines feed the PDF / image sink and the printer.
 */
public final class ReceiptLayout {

    /** Thermal paper widths. */
    public enum Paper {
        MM58(32, 58), MM80(48, 80);

        private final int columns;
        private final int millimetres;

        Paper(int columns, int millimetres) {
            this.columns = columns;
            this.millimetres = millimetres;
        }

        public int columns() {
            return columns;
        }

        public int millimetres() {
            return millimetres;
        }
    }

    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private ReceiptLayout() {
    }

    public static List<String> lines(Receipt r, Paper paper, ZoneId zone) {
        int w = paper.columns();
        List<String> out = new ArrayList<>();
        out.add(center(r.parkName() == null || r.parkName().isEmpty() ? "停车收费凭证" : r.parkName(), w));
        out.add(center(r.reprint() ? "停车收费凭证（重印）" : "停车收费凭证", w));
        out.add("-".repeat(w));
        out.add(pair("车牌", r.plate(), w));
        out.add(pair("入场", r.inTime() == null ? "-" : DT.format(r.inTime().atZone(zone)), w));
        out.add(pair("出场", DT.format(r.outTime().atZone(zone)), w));
        if (r.inTime() != null) {
            Duration d = Duration.between(r.inTime(), r.outTime());
            out.add(pair("停车时长", d.toHours() + "小时" + d.toMinutesPart() + "分", w));
        }
        out.add("-".repeat(w));
        for (Receipt.Line l : r.lines()) {
            for (String s : wrapPair(l.label(), Fen.format(l.fen()), w)) {
                out.add(s);
            }
        }
        out.add("-".repeat(w));
        out.add(pair("应收", Fen.format(r.dueFen()) + "元", w));
        out.add(pair("实收", Fen.format(r.paidFen()) + "元", w));
        if (r.tenderedFen() > 0) {
            out.add(pair("收款", Fen.format(r.tenderedFen()) + "元", w));
            out.add(pair("找零", Fen.format(r.changeFen()) + "元", w));
        }
        out.add(pair("收费员", r.attendant() == null ? "-" : r.attendant(), w));
        out.add(pair("岗亭", r.boothId(), w));
        out.add(pair("订单号", "", w));
        out.add(fit(r.orderId(), w));
        out.add("-".repeat(w));
        out.add(center("谢谢惠顾 一路顺风", w));
        return out;
    }

    /** Display width: CJK and full-width characters count two columns. */
    public static int width(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }

    private static String pair(String k, String v, int w) {
        int space = w - width(k) - width(v);
        if (space < 1) {
            return fit(k + " " + v, w);
        }
        return k + " ".repeat(space) + v;
    }

    private static List<String> wrapPair(String k, String v, int w) {
        List<String> out = new ArrayList<>();
        String rest = k;
        while (width(rest) + width(v) + 1 > w) {
            String head = fit(rest, w);
            out.add(head);
            rest = rest.substring(head.length());
        }
        out.add(pair(rest, v, w));
        return out;
    }

    private static String center(String s, int w) {
        String f = fit(s, w);
        int pad = (w - width(f)) / 2;
        return " ".repeat(Math.max(0, pad)) + f;
    }

    /** The longest prefix of {@code s} that fits in {@code w} columns. */
    static String fit(String s, int w) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = wide(cp) ? 2 : 1;
            if (n + cw > w) {
                break;
            }
            sb.appendCodePoint(cp);
            n += cw;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
