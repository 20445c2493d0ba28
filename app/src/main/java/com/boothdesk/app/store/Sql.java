package com.boothdesk.app.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SQL that runs unchanged on H2 2.x and PostgreSQL 15+, for the statements whose usual spelling is one vendor's.
 *
 * <p>{@link #merge}: the insert-or-update of one row by its key. H2's {@code MERGE INTO t (…) KEY (k) VALUES (…)} is
 * H2's own; this is the standard {@code MERGE INTO t USING (SELECT 1) ON t.k = ? WHEN MATCHED THEN UPDATE SET …
 * WHEN NOT MATCHED THEN INSERT (…) VALUES (…)}, where every parameter stands in a column's own context (so
 * PostgreSQL types a null as the column's type). The statement returned takes its parameters exactly as the H2 form
 * did — one per column, in the order of {@code columns} — and binds each where the standard form needs it.
 */
public final class Sql {

    private Sql() {
    }

    /**
     * A prepared upsert of {@code table} by {@code keys}.
     *
     * @param keys    the key columns, comma-separated (each also in {@code columns})
     * @param columns every column written, comma-separated, in the order the parameters are set
     */
    public static PreparedStatement merge(Connection c, String table, String keys, String columns)
            throws SQLException {
        List<String> cols = split(columns);
        List<String> keyCols = split(keys);
        List<Integer> targets = new ArrayList<>(); // real position -> column index (0-based)
        StringBuilder on = new StringBuilder();
        for (String k : keyCols) {
            int i = cols.indexOf(k);
            if (i < 0) {
                throw new IllegalArgumentException("key column " + k + " is not among the columns of " + table);
            }
            on.append(on.length() == 0 ? "" : " AND ").append("t.").append(k).append(" = ?");
            targets.add(i);
        }
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            if (!keyCols.contains(cols.get(i))) {
                set.append(set.length() == 0 ? "" : ", ").append(cols.get(i)).append(" = ?");
                targets.add(i);
            }
        }
        for (int i = 0; i < cols.size(); i++) {
            targets.add(i);
        }
        String sql = "MERGE INTO " + table + " t USING (SELECT 1 AS one) s ON (" + on + ")"
                + (set.length() == 0 ? "" : " WHEN MATCHED THEN UPDATE SET " + set)
                + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
        PreparedStatement real = c.prepareStatement(sql);
        int[][] positions = new int[cols.size()][];
        for (int col = 0; col < cols.size(); col++) {
            List<Integer> at = new ArrayList<>();
            for (int p = 0; p < targets.size(); p++) {
                if (targets.get(p) == col) {
                    at.add(p + 1);
                }
            }
            positions[col] = at.stream().mapToInt(Integer::intValue).toArray();
        }
        return (PreparedStatement) Proxy.newProxyInstance(Sql.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, m, args) -> {
                    if (isSetter(m, args)) {
                        int col = (Integer) args[0] - 1;
                        if (col < 0 || col >= positions.length) {
                            throw new SQLException("parameter " + args[0] + " of " + cols.size() + " (" + table + ")");
                        }
                        Object[] a = args.clone();
                        for (int p : positions[col]) {
                            a[0] = p;
                            invoke(m, real, a);
                        }
                        return null;
                    }
                    return invoke(m, real, args);
                });
    }

    private static boolean isSetter(Method m, Object[] args) {
        return m.getName().startsWith("set") && args != null && args.length >= 1
                && m.getParameterTypes()[0] == int.class && !m.getName().equals("setFetchSize")
                && !m.getName().equals("setMaxRows") && !m.getName().equals("setQueryTimeout")
                && !m.getName().equals("setFetchDirection") && !m.getName().equals("setMaxFieldSize");
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Is this the database's complaint that a unique key or primary key already holds the value (both vendors)? */
    public static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
