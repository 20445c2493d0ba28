package com.boothdesk.app.domain.fee;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Loads the packed tariff files and builds instants in the lot's zone. */
final class TestTariffs {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private TestTariffs() {
    }

    static Tariff packed(String file) {
        try (InputStream in = TestTariffs.class.getClassLoader()
                .getResourceAsStream(Tariffs.CLASSPATH_FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("no packed tariff " + file);
            }
            return Tariffs.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TariffException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CHINA).toInstant();
    }
}
