package com.boothdesk.app.domain.lane;

import java.time.Instant;

import com.boothdesk.app.domain.fee.FeeQuote;

/** Prices a stay with the tariff in force. */
@FunctionalInterface
public interface FeeCalculator {
    FeeQuote quote(String vehicleClass, Instant in, Instant out);
}
