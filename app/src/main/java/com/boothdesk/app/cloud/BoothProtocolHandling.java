package com.boothdesk.app.cloud;

import com.boothdesk.sdk.protocol.BoothHandling;

/** {@code ./boothdesk protocol list}: this booth's {@link ProtocolCoverage} (found by the ServiceLoader). */
public final class BoothProtocolHandling implements BoothHandling {

    private ProtocolCoverage coverage;

    private synchronized ProtocolCoverage coverage() {
        if (coverage == null) {
            coverage = quietly(ProtocolCoverage::ofThisBooth);
        }
        return coverage;
    }

    /**
     * The dry run opens a throw-away database: its start-up lines are noise on the console, where the table (or
     * the Markdown redirected into PROTOCOL-COVERAGE.md) is printed. The console's log is off meanwhile.
     */
    private static <T> T quietly(java.util.function.Supplier<T> run) {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx)) {
            return run.get();
        }
        java.util.Map<ch.qos.logback.classic.Logger, ch.qos.logback.classic.Level> was = new java.util.HashMap<>();
        for (ch.qos.logback.classic.Logger l : ctx.getLoggerList()) {
            if (l.getLevel() != null) { // the root and every logger with a level of its own (org.flywaydb …)
                was.put(l, l.getLevel());
                l.setLevel(ch.qos.logback.classic.Level.OFF);
            }
        }
        try {
            return run.get();
        } finally {
            was.forEach(ch.qos.logback.classic.Logger::setLevel);
        }
    }

    @Override
    public String text() {
        return coverage().text();
    }

    @Override
    public String markdown() {
        return coverage().markdown();
    }
}
