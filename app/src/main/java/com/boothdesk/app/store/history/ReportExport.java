package com.boothdesk.app.store.history;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The back office's report as a file: Excel (one sheet per table, FastExcel) or PDF (OpenPDF, the CJK font of the
 * shift reports): the title, each table, and the charts as the screen drew them (PNG).
 */
public final class ReportExport {

    /** One table of the report: its title, header and rows (String, Number, {@link TableExport.Money}). */
    public record Table(String title, List<String> header, List<List<Object>> rows) {
    }

    private ReportExport() {
    }

    public static void xlsx(Path file, List<Table> tables) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(file);
             org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "BoothDesk", "1.0")) {
            for (Table t : tables) {
                org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet(t.title().length() > 31 ? t.title()
                        .substring(0, 31) : t.title());
                for (int c = 0; c < t.header().size(); c++) {
                    ws.value(0, c, t.header().get(c));
                    ws.style(0, c).bold().set();
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof TableExport.Money m) {
                            ws.value(r + 1, c, m.yuan());
                            ws.style(r + 1, c).format("0.00").set();
                        } else if (v instanceof Number n) {
                            ws.value(r + 1, c, n);
                        } else if (v != null) {
                            ws.value(r + 1, c, v.toString());
                        }
                    }
                }
            }
        }
    }

    public static void pdf(Path file, String title, List<Table> tables, List<byte[]> charts, BaseFont font)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfWriter.getInstance(doc, out);
            doc.open();
            Font h1 = new Font(font, 16, Font.BOLD);
            Font h2 = new Font(font, 12, Font.BOLD);
            Font body = new Font(font, 9);
            doc.add(new Paragraph(title, h1));
            for (byte[] png : charts) {
                Image img = Image.getInstance(png);
                img.scaleToFit(PageSize.A4.getWidth() - 72, 260);
                img.setAlignment(Element.ALIGN_CENTER);
                doc.add(img);
            }
            for (Table t : tables) {
                doc.add(new Paragraph(" ", body));
                doc.add(new Paragraph(t.title(), h2));
                PdfPTable pt = new PdfPTable(Math.max(1, t.header().size()));
                pt.setWidthPercentage(100);
                pt.setHeaderRows(1);
                for (String h : t.header()) {
                    pt.addCell(new com.lowagie.text.Phrase(h, h2));
                }
                for (List<Object> row : t.rows()) {
                    for (Object v : row) {
                        String s = v == null ? "" : v instanceof TableExport.Money m ? m.yuan().toPlainString()
                                : v.toString();
                        pt.addCell(new com.lowagie.text.Phrase(s, body));
                    }
                }
                doc.add(pt);
            }
            doc.close();
        } catch (com.lowagie.text.DocumentException e) {
            throw new IOException("the report PDF could not be written: " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
    }
}
