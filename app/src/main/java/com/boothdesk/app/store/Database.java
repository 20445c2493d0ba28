package com.boothdesk.app.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.sdk.outbox.OutboxSchema;

/**
 * The embedded H2 database in the data folder. Every write runs in a transaction on one writer thread, so that
 * writes are serialised and never interleave; reads run on the caller's thread.
 *
 * <p>The URL carries {@code WRITE_DELAY=0}: with H2's default a kill -9 loses the last half second of committed
 * rows (measured, see research/toolchain.md §5).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final JdbcConnectionPool pool;
    private final ExecutorService writer = Threads.single("db-writer");
    private volatile Thread writerThread;
    private final java.util.Map<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

    private Database(Path file, JdbcConnectionPool pool) {
        this.file = file;
        this.pool = pool;
        try {
            writer.submit(() -> writerThread = Thread.currentThread()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens (creating if needed) {@code <dir>/boothdesk.mv.db} and brings its schema up to date. */
    public static Database open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("无法创建数据目录 / cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        Path base = dir.toAbsolutePath().resolve("boothdesk");
        String url = "jdbc:h2:file:" + base + ";WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "booth", "");
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            LOG.info("Opened database {} (H2 {})", base, c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreException("数据库正被另一个程序使用 / the database " + base
                        + ".mv.db is in use by another process: is BoothDesk already running?", e);
            }
            throw new StoreException("无法打开数据库 / cannot open the database " + base + ": " + e.getMessage(), e);
        }
        migrate(pool);
        return new Database(base, pool);
    }

    private static void migrate(DataSource ds) {
        // outOfOrder: the lists' scripts are numbered from V10 so that the order scripts (V2..V9) can grow
        // independently; a database that has V10 must still accept a later V3.
        var app = Flyway.configure().dataSource(ds)
                .locations("classpath:com/boothdesk/app/db/migration")
                .outOfOrder(true)
                .load().migrate();
        // The outbox belongs to sdk-adapter and has its own migration history.
        var outbox = Flyway.configure().dataSource(ds)
                .locations(OutboxSchema.LOCATION)
                .table(OutboxSchema.HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        LOG.info("Schema up to date: app {} migration(s), outbox {} migration(s) applied",
                app.migrationsExecuted, outbox.migrationsExecuted);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The database file, without the {@code .mv.db} suffix. */
    public Path file() {
        return file;
    }

    /** The one {@code type} kept with this database (in-memory state such as the lot index), made on first use. */
    public <T> T shared(Class<T> type, java.util.function.Function<Database, T> make) {
        synchronized (shared) {
            return type.cast(shared.computeIfAbsent(type, k -> make.apply(this)));
        }
    }

    /** Work done with one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction on the writer thread and waits for it; committed when it returns. */
    public <T> T write(SqlWork<T> work) {
        if (Thread.currentThread() == writerThread) {
            return inTransaction(work);
        }
        Future<T> f = writer.submit(() -> inTransaction(work));
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException("write failed: " + e.getCause(), e.getCause());
        }
    }

    /** Runs {@code work} on the caller's thread with a read-only view. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        }
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Threads.shutdown(writer);
        pool.dispose();
        LOG.info("Closed database {}", file);
    }
}
