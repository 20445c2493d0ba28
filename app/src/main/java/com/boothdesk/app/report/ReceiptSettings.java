package com.boothdesk.app.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import com.boothdesk.app.config.ConfigException;

/**
 * The {@code receipt.*} keys of the site file (docs/configuration.md, "Exit receipts").
 *
 * @param print    {@code always}: every cash exit prints its receipt; {@code request}: kept, printed when asked
 *                 (reprint from the order); {@code off}: not kept
 * @param paper    58 or 80 mm thermal paper
 * @param parkName the heading of the receipt (empty: 停车收费凭证)
 */
public record ReceiptSettings(Mode print, ReceiptLayout.Paper paper, String parkName) {

    /** When receipts are printed. */
    public enum Mode { ALWAYS, REQUEST, OFF }

    public static ReceiptSettings defaults() {
        return new ReceiptSettings(Mode.REQUEST, ReceiptLayout.Paper.MM58, "");
    }

    public static ReceiptSettings load(Path dataDir) {
        Properties p = new Properties();
        Path site = dataDir.resolve("boothdesk.properties");
        if (Files.isRegularFile(site)) {
            try (Reader r = Files.newBufferedReader(site, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + site + ": " + e.getMessage());
            }
        }
        return from(p);
    }

    public static ReceiptSettings from(Properties p) {
        String mode = p.getProperty("receipt.print", "request").trim().toUpperCase(Locale.ROOT);
        Mode m;
        try {
            m = Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("receipt.print: '" + p.getProperty("receipt.print").trim()
                    + "' is not one of always, request, off");
        }
        String paper = p.getProperty("receipt.paper", "58").trim();
        ReceiptLayout.Paper pp = switch (paper) {
            case "58" -> ReceiptLayout.Paper.MM58;
            case "80" -> ReceiptLayout.Paper.MM80;
            default -> throw new ConfigException("receipt.paper: '" + paper + "' is not 58 or 80 (mm)");
        };
        String name = p.getProperty("receipt.park_name", "").trim();
        if (name.length() > 32) {
            throw new ConfigException("receipt.park_name: at most 32 characters, got " + name.length());
        }
        return new ReceiptSettings(m, pp, name);
    }
}
