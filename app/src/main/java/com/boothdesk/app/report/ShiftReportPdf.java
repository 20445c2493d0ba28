package com.boothdesk.app.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.ShiftOrder;
import com.boothdesk.app.domain.staff.ShiftTotals;
import com.boothdesk.sdk.message.Fen;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The shift report as a PDF (OpenPDF), A4: page 1 the summary and the handover, page 2 the charts (income per hour
 * by payment kind, stacked; cars in and out per hour), then the detail list of every exit. A reprint carries
 * "重印" in its title and on every page.
 */
public final class ShiftReportPdf {

    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    static final Color[] SERIES = {new Color(0x2e, 0x7d, 0x32), new Color(0x15, 0x65, 0xc0),
            new Color(0xef, 0x6c, 0x00), new Color(0x6a, 0x1b, 0x9a)};

    private final BaseFont base;

    public ShiftReportPdf() {
        this(ReportFonts.base());
    }

    public ShiftReportPdf(BaseFont base) {
        this.base = base;
    }

    public byte[] bytes(ShiftReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(r, out);
        return out.toByteArray();
    }

    public void write(ShiftReport r, OutputStream out) {
        Document doc = new Document(PageSize.A4, 36, 36, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(r));
            doc.addTitle("班次报表 " + r.shift().shiftId());
            doc.addCreator("BoothDesk");
            doc.open();
            summary(doc, r);
            doc.newPage();
            charts(doc, writer, r);
            doc.newPage();
            details(doc, r);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the shift report could not be written: " + e.getMessage(), e);
        }
    }

    private Font font(float size) {
        return new Font(base, size);
    }

    private Font bold(float size) {
        return new Font(base, size, Font.BOLD);
    }

    private String t(Instant i, ZoneId zone) {
        return i == null ? "-" : DT.format(i.atZone(zone));
    }

    private void summary(Document doc, ShiftReport r) throws DocumentException {
        String title = "班次报表 Shift report" + (r.reprint() ? "（重印 第" + r.printNo() + "次 / reprint）" : "");
        Paragraph p = new Paragraph(title, bold(16));
        p.setSpacingAfter(6);
        doc.add(p);
        ShiftTotals x = r.totals();
        PdfPTable head = table(new float[] {1.2f, 2f, 1.2f, 2f});
        pair(head, "岗亭 Booth", r.boothId());
        pair(head, "班次 Shift", r.shift().shiftId());
        pair(head, "收费员 Attendant", r.attendant());
        pair(head, "状态 State", r.shift().open() ? "在班（未交班）" : "已交班");
        pair(head, "上班 Start", t(r.shift().startedAt(), r.zone()));
        pair(head, "下班 End", t(r.shift().endedAt(), r.zone()));
        pair(head, "时长 Duration", duration(r));
        pair(head, "打印 Printed", t(r.generatedAt(), r.zone()));
        doc.add(head);

        doc.add(section("金额汇总 Totals"));
        PdfPTable m = table(new float[] {2f, 1.2f, 2f, 1.2f});
        money(m, "应收 Receivable", x.receivableFen());
        money(m, "减免 Reductions", x.reductionFen());
        money(m, "实收 Received", x.receivedFen());
        money(m, "现金 Cash", x.cashFen());
        for (Map.Entry<String, Long> e : x.electronicFen().entrySet()) {
            money(m, "电子 " + e.getKey(), e.getValue());
        }
        if (x.electronicFen().isEmpty()) {
            money(m, "电子支付 Electronic", 0);
        }
        money(m, "场内预付 Prepaid", x.prepaidFen());
        money(m, "储值卡 Stored value", x.storedValueFen());
        money(m, "优惠券 Coupons", x.couponFen());
        pair(m, "出场笔数 Exits", String.valueOf(x.exitCount()));
        pair(m, "入场/出场车辆 Cars in/out", x.carsIn() + " / " + x.carsOut());
        m.completeRow();
        doc.add(m);

        doc.add(section("免费放行 Free releases（按原因）"));
        PdfPTable free = table(new float[] {3f, 1f, 1.4f});
        header(free, "原因 Reason", "笔数 Count", "金额 Amount");
        for (Map.Entry<String, ShiftTotals.Tally> e : x.free().entrySet()) {
            row(free, e.getKey(), String.valueOf(e.getValue().count()), Fen.format(e.getValue().fen()));
        }
        row(free, "合计 Total", String.valueOf(x.freeTotal().count()), Fen.format(x.freeTotal().fen()));
        doc.add(free);

        doc.add(section("无入场记录收费 No-record fees / 手动抬落杆 Manual barrier"));
        PdfPTable misc = table(new float[] {3f, 1f, 1.4f});
        header(misc, "项目 Item", "次数 Count", "金额 Amount");
        row(misc, "无入场记录收费", String.valueOf(x.noRecord().count()), Fen.format(x.noRecord().fen()));
        for (Map.Entry<String, Integer> e : x.manual().entrySet()) {
            row(misc, e.getKey(), String.valueOf(e.getValue()), "");
        }
        doc.add(misc);

        HandoverRecord h = r.handover();
        doc.add(section("交班 Handover"));
        PdfPTable hv = table(new float[] {2f, 1.6f, 2f, 1.6f});
        money(hv, "应有现金 Expected cash", x.expectedCashFen());
        if (h != null && h.counted() != null) {
            money(hv, "实点现金 Counted cash", h.counted().totalFen());
            money(hv, "差额 Difference", h.differenceFen());
        } else {
            pair(hv, "实点现金 Counted cash", h == null ? "（未交班）" : "（未清点）");
            pair(hv, "差额 Difference", "-");
        }
        pair(hv, "接班 Incoming", h == null || h.incoming() == null ? "-" : h.incoming());
        pair(hv, "结班人 Closed by", h == null ? "-" : h.closedBy());
        pair(hv, "点钞 Denominations", r.denominations().isEmpty() ? "-" : r.denominations());
        hv.completeRow();
        doc.add(hv);
        Paragraph remark = new Paragraph("备注 Remark: " + (h == null || h.remark() == null || h.remark().isEmpty()
                ? "-" : h.remark()), font(10));
        remark.setSpacingBefore(4);
        doc.add(remark);
        Paragraph sign = new Paragraph("交班人签字：__________        接班人签字：__________        主管签字：__________",
                font(10));
        sign.setSpacingBefore(24);
        doc.add(sign);
    }

    private String duration(ShiftReport r) {
        Instant end = r.shift().endedAt() == null ? r.generatedAt() : r.shift().endedAt();
        Duration d = Duration.between(r.shift().startedAt(), end);
        return d.toHours() + "小时" + d.toMinutesPart() + "分";
    }

    // ---- charts -------------------------------------------------------------------------------------------------

    private void charts(Document doc, PdfWriter writer, ShiftReport r) throws DocumentException {
        doc.add(new Paragraph("图表 Charts", bold(14)));
        PdfContentByte cb = writer.getDirectContent();
        Rectangle page = doc.getPageSize();
        float left = doc.leftMargin() + 30;
        float width = page.getWidth() - doc.leftMargin() - doc.rightMargin() - 40;
        List<ShiftReport.Hour> hours = r.hours();
        List<String> labels = new ArrayList<>();
        hours.forEach(h -> labels.add(String.format("%02d", h.start().getHour())));

        // income per hour by payment kind, stacked (yuan)
        List<long[]> income = new ArrayList<>();
        for (ShiftReport.Hour h : hours) {
            long[] v = new long[ShiftReport.INCOME_KINDS.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = h.incomeFen().getOrDefault(ShiftReport.INCOME_KINDS.get(i), 0L);
            }
            income.add(v);
        }
        bars(cb, left, 470, width, 250, "每小时收入（元）Income per hour by payment kind", labels, income,
                ShiftReport.INCOME_KINDS, true, true);

        List<long[]> cars = new ArrayList<>();
        hours.forEach(h -> cars.add(new long[] {h.in(), h.out()}));
        bars(cb, left, 110, width, 250, "每小时进出车辆 Cars in / out per hour", labels, cars,
                List.of("入场 in", "出场 out"), false, false);
    }

    /** A bar chart at (x, y) (bottom-left of the plot) of {@code w} × {@code h} points. */
    private void bars(PdfContentByte cb, float x, float y, float w, float h, String title, List<String> labels,
                      List<long[]> values, List<String> series, boolean stacked, boolean money) {
        long max = 1;
        for (long[] v : values) {
            long s = 0;
            for (long n : v) {
                s = stacked ? s + n : Math.max(s, n);
            }
            max = Math.max(max, s);
        }
        max = niceCeiling(max, money);
        cb.saveState();
        text(cb, title, x, y + h + 22, 11, Element.ALIGN_LEFT);
        // axes and grid
        cb.setLineWidth(0.5f);
        cb.setColorStroke(Color.GRAY);
        cb.moveTo(x, y);
        cb.lineTo(x + w, y);
        cb.moveTo(x, y);
        cb.lineTo(x, y + h);
        cb.stroke();
        cb.setColorStroke(new Color(0xdd, 0xdd, 0xdd));
        for (int i = 1; i <= 4; i++) {
            float gy = y + h * i / 4f;
            cb.moveTo(x, gy);
            cb.lineTo(x + w, gy);
            long v = max * i / 4;
            text(cb, money ? Fen.format(v).replace(".00", "") : String.valueOf(v), x - 3, gy - 3, 7,
                    Element.ALIGN_RIGHT);
        }
        cb.stroke();
        int n = Math.max(1, values.size());
        float slot = w / n;
        float barW = stacked ? slot * 0.6f : slot * 0.7f / series.size();
        for (int i = 0; i < values.size(); i++) {
            long[] v = values.get(i);
            float sx = x + i * slot + (slot - (stacked ? barW : barW * series.size())) / 2;
            float base = y;
            for (int k = 0; k < v.length; k++) {
                float bh = h * v[k] / (float) max;
                cb.setColorFill(SERIES[k % SERIES.length]);
                if (stacked) {
                    cb.rectangle(sx, base, barW, bh);
                    base += bh;
                } else {
                    cb.rectangle(sx + k * barW, y, barW, bh);
                }
                cb.fill();
            }
            if (n <= 24 || i % 2 == 0) {
                cb.setColorFill(Color.BLACK);
                text(cb, labels.get(i), x + i * slot + slot / 2, y - 10, 7, Element.ALIGN_CENTER);
            }
        }
        // legend
        float lx = x;
        for (int k = 0; k < series.size(); k++) {
            cb.setColorFill(SERIES[k % SERIES.length]);
            cb.rectangle(lx, y + h + 6, 8, 8);
            cb.fill();
            cb.setColorFill(Color.BLACK);
            text(cb, series.get(k), lx + 11, y + h + 7, 8, Element.ALIGN_LEFT);
            lx += 80;
        }
        cb.restoreState();
    }

    private static long niceCeiling(long max, boolean money) {
        long unit = money ? 100 : 1;
        long m = Math.max(unit, max);
        long step = unit;
        while (step * 10 < m) {
            step *= 10;
        }
        return ((m + step - 1) / step) * step;
    }

    private void text(PdfContentByte cb, String s, float x, float y, float size, int align) {
        cb.beginText();
        cb.setFontAndSize(base, size);
        cb.showTextAligned(align, s, x, y, 0);
        cb.endText();
    }

    // ---- details ------------------------------------------------------------------------------------------------

    private void details(Document doc, ShiftReport r) throws DocumentException {
        doc.add(new Paragraph("明细 Detail list（" + r.orders().size() + " 笔）", bold(14)));
        PdfPTable d = new PdfPTable(new float[] {1.1f, 1.1f, 0.8f, 0.8f, 0.8f, 1f, 1.6f, 1.8f});
        d.setWidthPercentage(100);
        d.setSpacingBefore(6);
        d.setHeaderRows(1);
        header(d, "入场", "出场", "车牌", "应收", "实收", "支付方式", "原因/备注", "订单号");
        for (ShiftOrder o : r.orders()) {
            String reason = o.noRecord() ? "无入场记录" : o.freeReason() == null ? "" : o.freeReason();
            cell(d, o.inTime() == null ? "-" : HM.format(o.inTime().atZone(r.zone())), 7);
            cell(d, HM.format(o.outTime().atZone(r.zone())), 7);
            cell(d, o.plate(), 7);
            cell(d, Fen.format(o.dueFen()), 7);
            cell(d, Fen.format(o.receivedFen()), 7);
            cell(d, o.payKind(), 7);
            cell(d, reason, 7);
            cell(d, o.orderId(), 6);
        }
        if (r.orders().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("（本班次没有出场记录）", font(8)));
            none.setColspan(8);
            d.addCell(none);
        }
        doc.add(d);
    }

    // ---- table helpers ------------------------------------------------------------------------------------------

    private Paragraph section(String s) {
        Paragraph p = new Paragraph(s, bold(12));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        return t;
    }

    private void pair(PdfPTable t, String k, String v) {
        PdfPCell a = new PdfPCell(new Phrase(k, font(9)));
        a.setBackgroundColor(new Color(0xf2, 0xf2, 0xf2));
        t.addCell(a);
        t.addCell(new PdfPCell(new Phrase(v == null ? "-" : v, font(9))));
    }

    private void money(PdfPTable t, String k, long fen) {
        pair(t, k, Fen.format(fen) + " 元");
    }

    private void header(PdfPTable t, String... names) {
        for (String n : names) {
            PdfPCell c = new PdfPCell(new Phrase(n, bold(8)));
            c.setBackgroundColor(new Color(0xe0, 0xe0, 0xe0));
            t.addCell(c);
        }
    }

    private void row(PdfPTable t, String... values) {
        for (String v : values) {
            cell(t, v, 9);
        }
    }

    private void cell(PdfPTable t, String v, float size) {
        t.addCell(new PdfPCell(new Phrase(v == null ? "" : v, font(size))));
    }

    /** Page number, shift and (for a reprint) 重印 on every page. */
    private final class Footer extends PdfPageEventHelper {
        private final ShiftReport r;

        Footer(ShiftReport r) {
            this.r = r;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            String s = "BoothDesk  " + r.boothId() + "  " + r.shift().shiftId() + "  第 " + writer.getPageNumber()
                    + " 页" + (r.reprint() ? "  重印 REPRINT" : "");
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, new Phrase(s, font(8)),
                    (document.left() + document.right()) / 2, document.bottom() - 20, 0);
        }
    }
}
