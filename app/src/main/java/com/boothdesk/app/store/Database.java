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
import com.boothdesk.app.ops.OwnerOnly;
import com.boothdesk.sdk.outbox.OutboxSchema;

/**
 * The booth's database: the embedded H2 file in the data folder (one booth, the default) or a site's shared
 * PostgreSQL server ({@code store.url}, {@link #connect}). Every write of this booth runs in a transaction on one
 * writer thread, so that this booth's writes are serialised and never interleave; reads run on the caller's thread.
 * The schema is the same on both: one set of Flyway migrations ({@value #COMMON_MIGRATIONS}) with vendor scripts
 * only where the SQL differs ({@value #VENDOR_MIGRATIONS}, the placeholder replaced by {@code h2} or
 * {@code postgresql}: {@link #locations}), and the store code is the same for both.
 *
 * <p>On a shared database other booths write too: whatever this booth keeps in memory (the {@code LotIndex}) is a
 * cache of the database, refreshed from it ({@link #shared()} tells the stores which rule applies).
 *
 * <p>The H2 URL carries {@code WRITE_DELAY=0}: with H2's default a kill -9 loses the last half second of committed
 * rows (measured, see research/toolchain.md §5).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Migrations that run on every database (portable SQL: H2 2.x and PostgreSQL 15+). */
    public static final String COMMON_MIGRATIONS = "classpath:com/boothdesk/app/db/migration";
    /** Migrations whose SQL differs per database, in a folder per Flyway database type. */
    public static final String VENDOR_MIGRATIONS = "classpath:com/boothdesk/app/db/vendor/{vendor}";

    /** Which database this is. */
    public enum Vendor { H2, POSTGRESQL }

    private final Path file;
    private final DataSource pool;
    /** The site server's pool behind {@link #pool} (null for the embedded file): {@link #acquire} waits in slices. */
    private final com.zaxxer.hikari.HikariDataSource hikari;
    private final Vendor vendor;
    private final String description;
    private final Runnable closePool;
    private final ExecutorService writer = Threads.single("db-writer");
    private final java.util.List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile java.time.Duration refreshEvery = java.time.Duration.ofSeconds(2);
    private volatile Thread writerThread;
    private final java.util.Map<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

    private Database(Path file, JdbcConnectionPool pool) {
        this(file, pool, Vendor.H2, String.valueOf(file), pool::dispose);
    }

    private Database(Path file, DataSource pool, Vendor vendor, String description, Runnable closePool) {
        this.file = file;
        this.hikari = pool instanceof com.zaxxer.hikari.HikariDataSource h ? h : null;
        this.pool = hikari == null ? pool : new Sliced(hikari, this);
        this.vendor = vendor;
        this.description = description;
        this.closePool = closePool;
        try {
            writer.submit(() -> writerThread = Thread.currentThread()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file beside the database that holds its generated password (owner-only). */
    public static final String PASSWORD_FILE = "db.password";
    static final String USER = "booth";

    /**
     * Opens (creating if needed) {@code <dir>/boothdesk.mv.db} and brings its schema up to date. The folder and the
     * database files are made readable by the booth's account only; the database's password is generated on first
     * use and kept in {@code <dir>/db.password}. A database from before passwords (user {@code booth}, empty
     * password) gets that password on its first open.
     */
    public static Database open(Path dir) {
        return open(dir, java.util.List.of());
    }

    /**
     * The database the settings name: the embedded H2 file in {@code <dataDir>/db} when no {@code store.url} is set,
     * else the site's server.
     */
    public static Database open(com.boothdesk.app.config.StoreSettings settings, Path dataDir) {
        if (settings.embedded()) {
            return open(com.boothdesk.app.config.StoreSettings.h2Folder(dataDir));
        }
        Database db = connect(settings.url(), settings.user(), settings.password(), settings.poolSize());
        db.refreshEvery = settings.lotRefresh();
        return db;
    }

    /** As {@link #open(Path)}, with more migration locations (the upgrade test's "next version"). */
    public static Database open(Path dir, java.util.List<String> extraMigrations) {
        Path base = dir.toAbsolutePath().resolve("boothdesk");
        String password;
        try {
            OwnerOnly.directory(dir);
            password = password(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("无法创建数据目录 / cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        String url = url(base);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, USER, password);
        pool.setMaxConnections(8);
        try (Connection c = connect(pool, url, password)) {
            LOG.info("Opened database {} (H2 {})", base, c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreException("数据库正被另一个程序使用 / the database " + base
                        + ".mv.db is in use by another process: is BoothDesk already running?", e);
            }
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new StoreException("数据库密码不符 / the database " + base + ".mv.db does not accept the password in "
                        + dir.resolve(PASSWORD_FILE) + " (restore that file from the backup it came with)", e);
            }
            throw new StoreException("无法打开数据库 / cannot open the database " + base + ": " + e.getMessage(), e);
        }
        restrictFiles(dir);
        migrate(pool, Vendor.H2, extraMigrations);
        return new Database(base, pool);
    }

    /** The H2 URL of the database whose files start with {@code base}. */
    public static String url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /** The password in {@code <dir>/db.password}, generated (32 random bytes, hex) if the file does not exist. */
    public static String password(Path dir) throws java.io.IOException {
        Path file = dir.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            String pw = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).trim();
            if (!pw.isEmpty()) {
                OwnerOnly.restrict(file);
                return pw;
            }
        }
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String pw = java.util.HexFormat.of().formatHex(bytes);
        // written before the database is changed: a crash between the two leaves a file that the next start uses
        OwnerOnly.writeString(file, pw + "\n");
        return pw;
    }

    /** Connects; a database that still has the empty password of earlier versions is given {@code password}. */
    private static Connection connect(JdbcConnectionPool pool, String url, String password) throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw e;
            }
            try (Connection old = java.sql.DriverManager.getConnection(url, USER, "");
                 java.sql.Statement st = old.createStatement()) {
                st.execute("ALTER USER " + USER + " SET PASSWORD '" + password.replace("'", "''") + "'");
                LOG.warn("The database had no password: it now has the generated one kept in {}", PASSWORD_FILE);
            } catch (SQLException old) {
                e.addSuppressed(old);
                throw e;
            }
            return pool.getConnection();
        }
    }

    private static void restrictFiles(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                OwnerOnly.restrict(f);
            }
        } catch (java.io.IOException e) {
            LOG.warn("Could not make the database files in {} owner-only: {}", dir, e.toString());
        }
    }

    /**
     * Opens the site's database server named by {@code url} (PostgreSQL) through a HikariCP pool and brings its
     * schema up to date (Flyway takes a lock on the server, so booths starting at once migrate one after the other).
     * A server that is not reachable, or refuses the user, stops the start with a message saying which.
     */
    public static Database connect(String url, String user, String password, int poolSize) {
        return connect(url, user, password, poolSize, java.util.List.of());
    }

    /** As {@link #connect(String, String, String, int)}, with more migration locations. */
    public static Database connect(String url, String user, String password, int poolSize,
                                   java.util.List<String> extraMigrations) {
        com.zaxxer.hikari.HikariDataSource ds = sitePool(url, user, password, poolSize);
        String where = redact(url) + " as " + user;
        Vendor vendor;
        try (Connection c = firstConnection(ds)) {
            String product = c.getMetaData().getDatabaseProductName();
            vendor = product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? Vendor.POSTGRESQL : Vendor.H2;
            LOG.info("Connected to the site database {} ({} {})", where, product,
                    c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            ds.close();
            String state = String.valueOf(e.getSQLState());
            if (state.equals("28P01") || state.equals("28000")) {
                throw new StoreException("数据库拒绝登录 / the site database " + where + " refused the user or password"
                        + " (store.user, store.password in <data>/secrets.properties)", e);
            }
            throw new StoreException("无法连接站点数据库 / cannot connect to the site database " + where + ": "
                    + e.getMessage(), e);
        }
        Database db = new Database(null, ds, vendor, where, ds::close);
        try {
            migrate(db.pool, vendor, extraMigrations); // through the sliced source: 5 s per connection, as before
        } catch (RuntimeException e) {
            db.close();
            throw new StoreException("站点数据库结构无法更新 / cannot bring the site database " + where
                    + " up to date: " + e.getMessage(), e);
        }
        return db;
    }

    /** Connection acquisitions wait this long each, looping until {@link #ACQUIRE_WAIT} or a suspension. */
    static final long ACQUIRE_SLICE_MS = 250;
    /** The longest a read or write waits for a connection of the pool (as the pool's single timeout did). */
    static final long ACQUIRE_WAIT = 5_000;

    private static com.zaxxer.hikari.HikariDataSource sitePool(String url, String user, String password,
                                                              int poolSize) {
        com.zaxxer.hikari.HikariConfig hc = new com.zaxxer.hikari.HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(2, poolSize));
        hc.setPoolName("boothdesk-store");
        // a server that went away is noticed within seconds, not after a TCP timeout of minutes. The pool's own
        // timeout is short: acquire() waits in slices of it (5 s in all, as before) and stops at once when the
        // outage watch has declared the server down meanwhile, so no lane waits for the pool (outage: ostart)
        hc.setConnectionTimeout(ACQUIRE_SLICE_MS);
        hc.setValidationTimeout(1_000);
        hc.setKeepaliveTime(60_000);
        hc.addDataSourceProperty("connectTimeout", "5");
        hc.addDataSourceProperty("socketTimeout", "60");
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        hc.addDataSourceProperty("ApplicationName", "BoothDesk");
        // the pool starts even when the server is not up yet; the first connection below says why it failed
        hc.setInitializationFailTimeout(-1);
        return new com.zaxxer.hikari.HikariDataSource(hc);
    }

    /** The first connection of a new pool: waits up to {@value #ACQUIRE_WAIT} ms in all, as the pool did before. */
    private static Connection firstConnection(com.zaxxer.hikari.HikariDataSource ds) throws SQLException {
        long deadline = System.nanoTime() + ACQUIRE_WAIT * 1_000_000L;
        while (true) {
            try {
                return ds.getConnection();
            } catch (java.sql.SQLTransientConnectionException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
        }
    }

    // ---- a booth of a site started while its server is down (site.outage.OutageStart) -------------------------

    private volatile java.util.List<String> pendingMigrations;

    /**
     * The site database named by {@code url} when its server cannot be reached at the booth's start: the pool is
     * made (it connects once the server answers), nothing is migrated yet ({@link #completeOpen} runs Flyway when it
     * is back) and the database starts {@linkplain #suspend suspended}. Reads go to {@code localCopy} meanwhile
     * ({@link #localCopy}).
     */
    public static Database offline(String url, String user, String password, int poolSize, String because) {
        com.zaxxer.hikari.HikariDataSource ds = sitePool(url, user, password, poolSize);
        String where = redact(url) + " as " + user;
        Vendor vendor = url.startsWith("jdbc:postgresql:") ? Vendor.POSTGRESQL : Vendor.H2;
        Database db = new Database(null, ds, vendor, where, ds::close);
        db.pendingMigrations = java.util.List.of();
        db.suspend(because);
        return db;
    }

    /** True for a database {@linkplain #offline opened offline} whose schema has not been checked yet. */
    public boolean schemaPending() {
        return pendingMigrations != null;
    }

    /**
     * The rest of the normal open of a database {@linkplain #offline opened offline}: Flyway's validation and
     * migration (or the schema stamp) on the server, now that it answers. Call it {@link #throughSuspension through}
     * the suspension; a failure leaves it pending (tried again).
     */
    public synchronized void completeOpen() {
        java.util.List<String> extra = pendingMigrations;
        if (extra == null) {
            return;
        }
        try {
            migrate(pool, vendor, extra);
        } catch (RuntimeException e) {
            throw new StoreException("站点数据库结构无法更新 / cannot bring the site database " + description
                    + " up to date: " + e.getMessage(), e);
        }
        pendingMigrations = null;
        LOG.info("Site database {} reached: its schema is checked, the normal open is complete", description);
    }

    /** The URL without a password given in it. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The Flyway locations of this vendor's schema: the common folder and the vendor's own. */
    public static String[] locations(Vendor vendor) {
        return new String[] {COMMON_MIGRATIONS,
                VENDOR_MIGRATIONS.replace("{vendor}", vendor.name().toLowerCase(java.util.Locale.ROOT))};
    }

    private static void migrate(DataSource ds, Vendor vendor, java.util.List<String> extraMigrations) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.Arrays.asList(locations(vendor)));
        all.addAll(extraMigrations);
        all.add(OutboxSchema.LOCATION);
        // the stamp covers scripts on the class path only; any other location always goes through Flyway
        String stamp = all.stream().allMatch(l -> l.startsWith("classpath:")) ? SchemaStamp.of(vendor.name(), all) : null;
        if (stamp != null && stamp.equals(SchemaStamp.read(ds))) {
            LOG.info("Schema up to date: the database carries this build's migration stamp {}", stamp.substring(0, 12));
            return;
        }
        flyway(ds, vendor, extraMigrations);
        if (stamp != null) {
            try {
                SchemaStamp.write(ds, stamp);
            } catch (java.sql.SQLException e) {
                // only the next start's head start is lost: it runs Flyway again
                LOG.warn("Could not record the migration stamp: {}", e.getMessage());
            }
        }
    }

    private static void flyway(DataSource ds, Vendor vendor, java.util.List<String> extraMigrations) {
        // outOfOrder: the lists' scripts are numbered from V10 so that the order scripts (V2..V9) can grow
        // independently; a database that has V10 must still accept a later V3.
        var app = Flyway.configure().dataSource(ds)
                .locations(java.util.stream.Stream.concat(java.util.Arrays.stream(locations(vendor)),
                        extraMigrations.stream()).toArray(String[]::new))
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

    /** The database file, without the {@code .mv.db} suffix; null for a site database server. */
    public Path file() {
        return file;
    }

    public Vendor vendor() {
        return vendor;
    }

    /**
     * True when other booths may write this database too (a site's server): in-memory state is a cache that must be
     * refreshed from the database, and counts are read from it.
     */
    public boolean shared() {
        return vendor != Vendor.H2 || file == null;
    }

    /** On a shared database: how often in-memory caches of it (the lot index) are re-read. */
    public java.time.Duration refreshEvery() {
        return refreshEvery;
    }

    /** Sets {@link #refreshEvery()} (tests, benchmarks); takes effect for caches made afterwards. */
    public void refreshEvery(java.time.Duration every) {
        this.refreshEvery = every;
    }

    /** Runs {@code r} when the database closes, before its connections do (caches' refresh threads). */
    public void onClose(Runnable r) {
        onClose.add(r);
    }

    /** Where the database is, for messages (no password). */
    public String description() {
        return description;
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
        Database copy = localCopyWhileSuspended();
        if (copy != null) {
            if (startWrites != null) {
                startWrites.incrementAndGet();
                return copy.write(work);
            }
            return copy.write(c -> work.run(LocalWrites.guard(c, description)));
        }
        failFastWhileSuspended();
        boolean through = THROUGH_SUSPENSION.get(); // the replay's writes wait for their connection as usual
        Future<T> f = writer.submit(() -> {
            THROUGH_SUSPENSION.set(through);
            try {
                return inTransaction(work);
            } finally {
                THROUGH_SUSPENSION.set(Boolean.FALSE);
            }
        });
        try {
            T result = f.get();
            wrote();
            return result;
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

    /**
     * Runs {@code work} in its own transaction on the caller's thread, on a connection of its own, not queued on the
     * writer thread: for a write that must not wait behind this booth's other writes (the intake journal's row,
     * committed before the camera is answered). Only for rows no writer-thread transaction has to be ordered with:
     * the work must touch tables the writer changes only by key, after this commit (the journal row is deleted by
     * its id in the stay's transaction, which can only begin once this returned the id). Committed when it returns.
     */
    public <T> T writeAside(SqlWork<T> work) {
        Database copy = localCopyWhileSuspended();
        if (copy != null) {
            if (startWrites != null) {
                startWrites.incrementAndGet();
                return copy.writeAside(work);
            }
            return copy.writeAside(c -> work.run(LocalWrites.guard(c, description)));
        }
        failFastWhileSuspended();
        T result = inTransaction(work);
        wrote();
        return result;
    }

    /** Runs {@code work} on the caller's thread with a read-only view. */
    public <T> T read(SqlWork<T> work) {
        Database copy = localCopyWhileSuspended();
        if (copy != null) {
            return copy.read(work);
        }
        failFastWhileSuspended();
        try (Connection c = acquire()) {
            c.setReadOnly(true);
            return work.run(c);
        } catch (SQLException e) {
            noticeLost(e);
            throw new StoreException("read failed: " + e.getMessage(), e);
        }
    }

    /** The after-commit actions of the transactions open on this thread, innermost first. */
    private static final ThreadLocal<java.util.ArrayDeque<java.util.List<Runnable>>> AFTER_COMMIT =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    /**
     * Runs {@code action} once the write transaction open on this thread has committed (never when it rolls back);
     * with no such transaction (a connection in auto-commit, outside {@link #write}) at once.
     */
    public static void afterCommit(Runnable action) {
        java.util.ArrayDeque<java.util.List<Runnable>> open = AFTER_COMMIT.get();
        if (open.isEmpty()) {
            action.run();
        } else {
            open.peek().add(action);
        }
    }

    private <T> T inTransaction(SqlWork<T> work) {
        java.util.List<Runnable> after = new java.util.ArrayList<>(0);
        java.util.ArrayDeque<java.util.List<Runnable>> open = AFTER_COMMIT.get();
        T result;
        try (Connection c = acquire()) {
            c.setAutoCommit(false);
            open.push(after);
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackKeeping(c, e);
                throw e;
            } finally {
                open.pop();
            }
        } catch (SQLException e) {
            noticeLost(e);
            throw new StoreException("write failed: " + e.getMessage(), e);
        }
        for (Runnable r : after) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("after-commit action failed: {}", e.toString());
            }
        }
        return result;
    }

    /**
     * A connection of the pool. On a site's server the pool's own timeout is short ({@value #ACQUIRE_SLICE_MS} ms): this
     * waits in slices of it, {@value #ACQUIRE_WAIT} ms in all as before, and gives up at once with {@link Unreachable}
     * when the database was {@linkplain #suspend suspended} meanwhile (the outage watch found the server gone), so a
     * lane that asked just before that does not wait out the pool's timeout.
     */
    private Connection acquire() throws SQLException {
        if (hikari == null) {
            return pool.getConnection();
        }
        long deadline = System.nanoTime() + ACQUIRE_WAIT * 1_000_000L;
        boolean through = THROUGH_SUSPENSION.get();
        Thread me = Thread.currentThread();
        while (true) {
            if (!through) {
                synchronized (waiters) {
                    waiters.add(me);
                }
            }
            try {
                return hikari.getConnection();
            } catch (SQLException e) {
                String why = suspendedBecause;
                boolean timedOut = e instanceof java.sql.SQLTransientConnectionException;
                if (why != null && !through && (timedOut || woken(me))) {
                    Unreachable u = new Unreachable("站点数据库不可达 / the site database " + description
                            + " is unreachable (" + why + ")");
                    u.addSuppressed(e);
                    throw u;
                }
                if (!timedOut || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            } finally {
                if (!through) {
                    synchronized (waiters) {
                        waiters.remove(me);
                        if (wokenByUs.remove(me)) {
                            Thread.interrupted(); // ours, not a stop's: the thread goes on to journal (H2 files)
                        }
                    }
                }
            }
        }
    }

    /** Threads waiting in {@link #acquire} for a connection of the pool (not through the suspension). */
    private final java.util.Set<Thread> waiters = new java.util.HashSet<>();
    /** Waiters {@link #suspend} interrupted; their interrupt is cleared when they leave {@link #acquire}. */
    private final java.util.Set<Thread> wokenByUs = new java.util.HashSet<>();

    private boolean woken(Thread t) {
        synchronized (waiters) {
            return wokenByUs.contains(t);
        }
    }

    /**
     * Wakes every thread waiting for a connection (the server was declared down): each gives up at once with
     * {@link Unreachable} instead of at the end of its slice. Under the waiters' lock, so that only a thread still
     * waiting is interrupted and its interrupt is cleared before it leaves {@link #acquire}.
     */
    private void wakeWaiters() {
        synchronized (waiters) {
            for (Thread t : waiters) {
                if (wokenByUs.add(t)) {
                    t.interrupt();
                }
            }
        }
    }

    private Connection pingConnection;

    /**
     * One cheap look at the server ({@code SELECT 1}) on a connection of its own, not the pool's, waiting at most
     * {@code timeout} for the answer (and for a new connection's socket): the outage watch runs it while the site is
     * up, so that a server gone away is known before a lane asks for it.
     *
     * @throws SQLException the server did not answer
     */
    public synchronized void ping(java.time.Duration timeout) throws SQLException {
        if (pingConnection != null) {
            try {
                pingOnce(timeout);
                return;
            } catch (SQLException | RuntimeException stale) {
                // the connection of an earlier look may have been cut while nobody looked (an outage noticed by a
                // lane, then the return): one more look on a new connection decides
            }
        }
        pingOnce(timeout);
    }

    private void pingOnce(java.time.Duration timeout) throws SQLException {
        int ms = (int) Math.max(100, Math.min(60_000, timeout.toMillis()));
        try {
            if (pingConnection == null) {
                if (hikari != null) {
                    com.zaxxer.hikari.HikariDataSource h = hikari;
                    java.util.Properties p = new java.util.Properties();
                    p.setProperty("user", h.getUsername());
                    if (h.getPassword() != null) {
                        p.setProperty("password", h.getPassword());
                    }
                    int seconds = Math.max(1, (ms + 999) / 1000);
                    p.setProperty("connectTimeout", String.valueOf(seconds));
                    p.setProperty("loginTimeout", String.valueOf(seconds));
                    p.setProperty("ApplicationName", "BoothDesk watch");
                    pingConnection = java.sql.DriverManager.getConnection(h.getJdbcUrl(), p);
                } else {
                    pingConnection = pool.getConnection();
                }
                pingConnection.setNetworkTimeout(PING_TIMEOUTS, ms);
            }
            try (java.sql.Statement st = pingConnection.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            closePing();
            throw e;
        }
    }

    private static final java.util.concurrent.Executor PING_TIMEOUTS = r -> {
        Thread t = new Thread(r, "db-ping-timeout");
        t.setDaemon(true);
        t.start();
    };

    private synchronized void closePing() {
        if (pingConnection != null) {
            try {
                pingConnection.close();
            } catch (SQLException ignored) {
                // it is gone anyway
            }
            pingConnection = null;
        }
    }

    /**
     * The data source handed out for a site server ({@link #dataSource()}, Flyway, the outbox): the pool, with its
     * connections acquired as {@link #acquire} does (in slices, 5 s in all, given up once the database is suspended).
     */
    private static final class Sliced implements DataSource {
        private final com.zaxxer.hikari.HikariDataSource ds;
        private final Database db;

        Sliced(com.zaxxer.hikari.HikariDataSource ds, Database db) {
            this.ds = ds;
            this.db = db;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return db.acquire();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return ds.getConnection(username, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws SQLException {
            return ds.getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws SQLException {
            ds.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            ds.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return ds.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getLogger("com.boothdesk.app.store");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(ds) ? iface.cast(ds) : ds.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(ds) || ds.isWrapperFor(iface);
        }
    }

    // ---- the local copy of a site database (site.outage.SiteCopy) ------------------------------------------------

    private volatile Database localCopy;
    private volatile Runnable afterWrites;

    /**
     * While this database is {@linkplain #suspend suspended}, reads run on {@code copy} (the booth's local copy of
     * what it needs to decide and to let an attendant log in) and writes fail at once as before, except those of the
     * log-in (the session row: {@link LocalWrites}), which are kept in the copy. Null turns it off.
     */
    public void localCopy(Database copy) {
        this.localCopy = copy;
    }

    private volatile java.util.concurrent.atomic.AtomicInteger startWrites;

    /**
     * While a booth {@linkplain #offline started offline} is still starting, its start-up writes (the tariff version
     * in force, the installed-version mark, …) are kept in the local copy: they belong to this run only, and the next
     * start that reaches the server writes them there. {@code false} ends it (the start is complete: from then on only
     * the log-in's writes are kept, {@link LocalWrites}); returns how many writes were kept.
     */
    public int copyTakesStartWrites(boolean on) {
        java.util.concurrent.atomic.AtomicInteger was = startWrites;
        startWrites = on ? new java.util.concurrent.atomic.AtomicInteger() : null;
        return was == null ? 0 : was.get();
    }

    /** The local copy, if one is set. */
    public java.util.Optional<Database> localCopy() {
        return java.util.Optional.ofNullable(localCopy);
    }

    /** Runs {@code r} after each committed write of this booth to the server (the local copy's refresh). */
    public void afterWrites(Runnable r) {
        this.afterWrites = r;
    }

    private void wrote() {
        Runnable r = afterWrites;
        if (r != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("after-write action failed: {}", e.toString());
            }
        }
    }

    private Database localCopyWhileSuspended() {
        Database copy = localCopy;
        return copy != null && suspendedBecause != null && !THROUGH_SUSPENSION.get() ? copy : null;
    }

    // ---- site outage (site.outage.SiteOutage): the one seam between "the site database" and "the local journal" --

    /** Told when a read or write of this database failed because its server could not be reached. */
    @FunctionalInterface
    public interface ConnectionWatch {
        void lost(SQLException why);
    }

    /**
     * The cause of the {@link StoreException} a read or write gets at once while the database is
     * {@linkplain #suspend suspended} (SQLSTATE 08000: {@link #connectionLost} says true).
     */
    public static final class Unreachable extends java.sql.SQLTransientConnectionException {
        public Unreachable(String message) {
            super(message, "08000");
        }
    }

    private volatile ConnectionWatch connectionWatch;
    private volatile String suspendedBecause;
    private static final ThreadLocal<Boolean> THROUGH_SUSPENSION = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Watches every read and write for a lost server (one watcher: the booth's outage mode). */
    public void watchConnections(ConnectionWatch watch) {
        this.connectionWatch = watch;
    }

    /**
     * While the server is known to be down, reads and writes fail at once with {@link Unreachable} instead of each
     * waiting for the pool's connection timeout; only work run {@link #throughSuspension through} it reaches the
     * server (the outage mode's probe and its replay).
     */
    public void suspend(String because) {
        this.suspendedBecause = because == null ? "unreachable" : because;
        wakeWaiters();
    }

    /** Ends {@link #suspend}. */
    public void resume() {
        this.suspendedBecause = null;
    }

    /** True between {@link #suspend} and {@link #resume}. */
    public boolean suspended() {
        return suspendedBecause != null;
    }

    /** Runs {@code work} on this thread with the database reachable even while suspended (probe, replay). */
    public <T> T throughSuspension(java.util.function.Supplier<T> work) {
        boolean was = THROUGH_SUSPENSION.get();
        THROUGH_SUSPENSION.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            THROUGH_SUSPENSION.set(was);
        }
    }

    /**
     * True when {@code e} says the server could not be reached or the connection broke (SQLSTATE class 08, a server
     * shutting down 57P01-57P03, the pool's timeout), not that the statement was wrong.
     */
    public static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private void failFastWhileSuspended() {
        String why = suspendedBecause;
        if (why != null && !THROUGH_SUSPENSION.get()) {
            String message = "站点数据库不可达 / the site database " + description + " is unreachable (" + why + ")";
            throw new StoreException(message, new Unreachable(message));
        }
    }

    private void noticeLost(SQLException e) {
        ConnectionWatch w = connectionWatch;
        if (w != null && connectionLost(e)) {
            try {
                w.lost(e);
            } catch (RuntimeException failed) {
                LOG.warn("connection watch failed: {}", failed.toString());
            }
        }
    }

    /**
     * Rolls back; a rollback that fails too (the connection is gone) is kept as suppressed, so that the caller sees
     * the first failure (a lost connection's SQLSTATE, not the pool's "Connection is closed").
     */
    private static void rollbackKeeping(Connection c, Exception first) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException again) {
            first.addSuppressed(again);
        }
    }

    /** The one {@code type} kept with this database, if it was made. */
    public <T> java.util.Optional<T> sharedIfMade(Class<T> type) {
        return java.util.Optional.ofNullable(type.cast(shared.get(type)));
    }

    @Override
    public void close() {
        for (Runnable r : onClose) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("closing {}: {}", description, e.toString());
            }
        }
        Threads.shutdown(writer);
        closePing();
        closePool.run();
        LOG.info("Closed database {}", description);
    }
}
