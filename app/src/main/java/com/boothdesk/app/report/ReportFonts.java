package com.boothdesk.app.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lowagie.text.pdf.BaseFont;

/**
 * The Chinese font of the reports. A TrueType font found on the machine is embedded (subset): the one named by the
 * system property {@code boothdesk.report.font} ({@code path} or {@code path.ttc,index}), else Microsoft YaHei /
 * SimHei / SimSun on Windows, else WenQuanYi or Noto CJK on Linux. With none of them, OpenPDF's built-in
 * STSong-Light (Adobe-GB1, not embedded: the viewer supplies a Song face) is used, so a report is always written.
 */
public final class ReportFonts {

    private static final Logger LOG = LoggerFactory.getLogger(ReportFonts.class);
    private static final List<String> CANDIDATES = List.of(
            "C:/Windows/Fonts/msyh.ttc,0", "C:/Windows/Fonts/simhei.ttf", "C:/Windows/Fonts/simsun.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,2",
            "/System/Library/Fonts/PingFang.ttc,0");

    private static volatile BaseFont cached;

    private ReportFonts() {
    }

    public static BaseFont base() {
        BaseFont f = cached;
        if (f == null) {
            synchronized (ReportFonts.class) {
                if (cached == null) {
                    cached = find();
                }
                f = cached;
            }
        }
        return f;
    }

    /** OpenPDF's built-in Chinese font, never embedded (what {@link #base} falls back to). */
    public static BaseFont builtIn() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("OpenPDF's STSong-Light is missing: " + e, e);
        }
    }

    private static BaseFont find() {
        List<String> tries = new ArrayList<>();
        String configured = System.getProperty("boothdesk.report.font");
        if (configured != null && !configured.isBlank()) {
            tries.add(configured.trim());
        }
        tries.addAll(CANDIDATES);
        for (String spec : tries) {
            String file = spec.replaceFirst(",\\d+$", "");
            if (!Files.isRegularFile(Path.of(file))) {
                continue;
            }
            try {
                BaseFont f = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                LOG.info("Report font: {}", spec);
                return f;
            } catch (Exception e) {
                LOG.warn("Report font {} unusable: {}", spec, e.toString());
            }
        }
        LOG.info("No Chinese TrueType font found; reports use OpenPDF's STSong-Light (not embedded)");
        return builtIn();
    }
}
