package com.boothdesk.app.config;

import java.nio.file.Path;

import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.TariffException;
import com.boothdesk.app.domain.fee.Tariffs;

/** The tariff in force: the file named by {@code fee.tariff} (relative to the data folder), else the demo's. */
public final class TariffSource {

    private TariffSource() {
    }

    public static Tariff configured(BoothConfig config) {
        if (config.tariffFile() == null) {
            return Tariffs.demoDefault();
        }
        Path file = config.dataDir().resolve(config.tariffFile());
        try {
            return Tariffs.read(file);
        } catch (TariffException e) {
            throw new ConfigException("fee.tariff: " + file + " is not a valid tariff: " + e.getMessage());
        }
    }
}
