package com.boothdesk.app.domain.lane;

import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.FeeRequest;

/** Prices a stay with the tariff in force. */
@FunctionalInterface
public interface FeeCalculator {
    FeeQuote quote(FeeRequest request);
}
