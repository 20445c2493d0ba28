package com.boothdesk.app.report;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.List;

import com.boothdesk.app.report.ReceiptLayout.Paper;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

/**
 * A receipt as a PDF page the width of the thermal paper (58 or 80 mm): what a machine without a receipt printer
 * produces, and what the tests read back. Lines come from {@link ReceiptLayout}; the font size is chosen so that a
 * line of the paper's columns fills the printable width (Chinese characters are two columns).
 */
public final class ReceiptPdf {

    private static final float MM = 72f / 25.4f;

    private final BaseFont base;

    public ReceiptPdf() {
        this(ReportFonts.base());
    }

    public ReceiptPdf(BaseFont base) {
        this.base = base;
    }

    public byte[] bytes(Receipt r, Paper paper, ZoneId zone) {
        List<String> lines = ReceiptLayout.lines(r, paper, zone);
        float width = paper.millimetres() * MM;
        float margin = 3 * MM;
        float size = (width - 2 * margin) / (paper.columns() / 2f) * 0.95f;
        float leading = size * 1.35f;
        float height = 2 * margin + leading * (lines.size() + 1);
        Document doc = new Document(new Rectangle(width, height), margin, margin, margin, margin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            Font f = new Font(base, size);
            for (String line : lines) {
                Paragraph p = new Paragraph(leading, line.isEmpty() ? " " : line.replace(' ', '\u00a0'), f);
                doc.add(p);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the receipt could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
