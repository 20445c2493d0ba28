package com.boothdesk.sdk.outbox;

/**
 * Where the outbox schema lives. The application owns the DataSource and runs this migration with its own Flyway
 * instance: {@code Flyway.configure().dataSource(ds).locations(LOCATION).table(HISTORY_TABLE).load().migrate()}.
 * The table is {@code sdk_outbox}.
 */
public final class OutboxSchema {

    /** Flyway location of the SQL migrations (portable SQL: H2 2.x and PostgreSQL 15+). */
    public static final String LOCATION = "classpath:com/boothdesk/sdk/db/migration";
    /** Flyway history table of this module, separate from the application's. */
    public static final String HISTORY_TABLE = "sdk_schema_history";
    /** The outbox table. */
    public static final String TABLE = "sdk_outbox";

    private OutboxSchema() {
    }
}
