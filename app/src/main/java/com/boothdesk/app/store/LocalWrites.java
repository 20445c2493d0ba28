package com.boothdesk.app.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * What a booth may write to its local copy of the site database while the server is down ({@link
 * Database#localCopy}) in a write transaction: the log-in's session row ({@code staff_session}: who is logged in at this
 * booth); reads go to the copy through {@link Database#read}.
 * Everything else — stays, gate events, payments, shifts, accounts, the outbox — is refused at once with {@link
 * Database.Unreachable}, as the suspended database does: the lanes' stores journal what they must (site.outage), and a
 * write that is not journaled fails as before instead of being kept where the next refresh of the copy would lose it.
 */
final class LocalWrites {

    /**
     * A write whose target is the session table. Nothing else, not even a SELECT: a read done inside a write
     * transaction is the read of something that replaces what the booth holds in memory (the lot index's re-read is
     * one), and the copy must not replace what this booth journaled since.
     */
    private static final Pattern ALLOWED = Pattern.compile(
            "(?is)\\s*(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+staff_session\\b.*");

    private LocalWrites() {
    }

    static boolean allowed(String sql) {
        return sql != null && ALLOWED.matcher(sql).matches();
    }

    /** {@code c} with every statement it prepares or executes checked against {@link #allowed}. */
    static Connection guard(Connection c, String where) {
        return (Connection) Proxy.newProxyInstance(LocalWrites.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Guard(c, where));
    }

    private static Database.Unreachable refused(String where) {
        String m = "站点数据库不可达，本机只记录登录 / the site database " + where
                + " is unreachable: while it is down only the log-in is kept locally";
        return new Database.Unreachable(m);
    }

    private record Guard(Object target, String where) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (args != null && args.length > 0 && args[0] instanceof String sql
                    && (name.startsWith("prepare") || name.startsWith("execute") || name.equals("addBatch")
                    || name.equals("nativeSQL"))) {
                if (name.equals("prepareCall") || !allowed(sql)) {
                    throw refused(where);
                }
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement st && !(result instanceof java.sql.PreparedStatement)) {
                return Proxy.newProxyInstance(LocalWrites.class.getClassLoader(), new Class<?>[] {Statement.class},
                        new Guard(st, where));
            }
            return result;
        }
    }
}
