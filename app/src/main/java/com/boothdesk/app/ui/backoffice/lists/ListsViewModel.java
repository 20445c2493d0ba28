package com.boothdesk.app.ui.backoffice.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.settings.FieldException;
import com.boothdesk.app.settings.ListForms;
import com.boothdesk.app.settings.ListImport;
import com.boothdesk.app.store.history.JdbcListReads.Kind;
import com.boothdesk.app.store.history.ListTable;
import com.boothdesk.app.ui.backoffice.BackOfficeEnv;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;

/**
 * The list screens: which list, its rows (filtered by a plate fragment), the editor's fields for a new or selected
 * row, save / delete / renew (monthly) / top up (stored value), and the import with its per-row report. Attendants
 * read; only a supervisor or admin on duty may change ({@link #canChange}); a refused value names its field
 * ({@link #errorField}). Lists that come from the cloud (visitors, locked cars, coupons) are read only.
 */
public final class ListsViewModel {

    private final BackOfficePorts.Lists port;
    private final BackOfficePorts.Access access;
    private final BackOfficeEnv env;

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.MONTHLY);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<ListTable.Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ListTable.Row> selected = new SimpleObjectProperty<>();
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObservableList<String> fieldNames = FXCollections.observableArrayList();
    private final BooleanProperty canChange = new SimpleBooleanProperty();
    private final BooleanProperty editable = new SimpleBooleanProperty(true);
    private final StringProperty errorField = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<String> importReport = FXCollections.observableArrayList();
    private final StringProperty renewTo = new SimpleStringProperty("");
    private final StringProperty renewPaid = new SimpleStringProperty("");
    private final StringProperty topUp = new SimpleStringProperty("");

    public ListsViewModel(BackOfficePorts.Lists port, BackOfficePorts.Access access, BackOfficeEnv env) {
        this.port = port;
        this.access = access;
        this.env = env;
        kind.addListener((o, a, b) -> {
            resetFields();
            refresh();
        });
        selected.addListener((o, a, b) -> {
            if (b != null) {
                for (var e : fields.entrySet()) {
                    e.getValue().set(b.get(e.getKey()));
                }
                errorField.set("");
            }
        });
        resetFields();
    }

    private void resetFields() {
        List<String> names = ListForms.FIELDS.getOrDefault(kind.get(), List.of());
        fields.clear();
        for (String n : names) {
            fields.put(n, new SimpleStringProperty(""));
        }
        fieldNames.setAll(names);
        editable.set(ListForms.editable(kind.get()));
        errorField.set("");
        importReport.clear();
    }

    /** Reads the list again (and the access: whoever is on duty now). */
    public void refresh() {
        refresh(null);
    }

    /** As {@link #refresh()}; the status line then says {@code message} (a change's result) instead of the count. */
    private void refresh(String message) {
        canChange.set(access.canChange());
        Kind k = kind.get();
        String f = filter.get();
        env.async(() -> port.read(k, f), t -> {
            if (t.kind() != kind.get()) {
                return;
            }
            columns.setAll(t.columns());
            rows.setAll(t.rows());
            status.set(message != null ? message : env.msg().get("bo.lists.count", t.rows().size()));
        }, e -> status.set(env.msg().get("bo.error", e.getMessage())));
    }

    /** Empties the editor for a new row. */
    public void newRow() {
        selected.set(null);
        fields.values().forEach(p -> p.set(""));
        errorField.set("");
    }

    private boolean allowed() {
        canChange.set(access.canChange());
        if (!canChange.get()) {
            status.set(env.msg().get("bo.lists.read_only"));
            return false;
        }
        if (!editable.get()) {
            status.set(env.msg().get("bo.lists.from_cloud"));
            return false;
        }
        return true;
    }

    /** Saves the editor's fields (add or change) through ListAdmin; a wrong field is named and nothing changes. */
    public void save() {
        if (!allowed()) {
            return;
        }
        Kind k = kind.get();
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((n, p) -> values.put(n, p.get()));
        if (k == Kind.BLACKLIST && selected.get() != null) {
            values.put("black_id", selected.get().key());
        }
        String who = access.who();
        env.async(() -> port.save(k, values, who), key -> {
            errorField.set("");
            refresh(env.msg().get("bo.lists.saved", key));
        }, e -> refused(e));
    }

    private void refused(Throwable e) {
        if (e instanceof FieldException fe) {
            errorField.set(fe.field());
            status.set(env.msg().refused(fe));
        } else {
            status.set(env.msg().get("bo.error", e.getMessage()));
        }
    }

    /** Deletes the selected row (and uploads the delete). */
    public void delete() {
        ListTable.Row r = selected.get();
        if (r == null || !allowed()) {
            return;
        }
        Kind k = kind.get();
        String who = access.who();
        env.async(() -> port.delete(k, r.key(), who), done -> {
            refresh(env.msg().get(done ? "bo.lists.deleted" : "bo.lists.not_found", r.key()));
        }, this::refused);
    }

    /** Renews the selected monthly card until {@link #renewTo} with the cash {@link #renewPaid} taken now. */
    public void renew() {
        ListTable.Row r = selected.get();
        if (r == null || kind.get() != Kind.MONTHLY || !allowed()) {
            return;
        }
        String to = renewTo.get();
        String paid = renewPaid.get();
        String who = access.who();
        env.async(() -> port.renew(r.key(), to, paid, 1, who), ren -> {
            refresh(env.msg().get("bo.lists.renewed", r.key(), ren.validTo().toString(),
                    String.format("%d.%02d", ren.paidFen() / 100, ren.paidFen() % 100)));
        }, this::refused);
    }

    /** Tops the selected stored-value card up by {@link #topUp} yuan. */
    public void topUp() {
        ListTable.Row r = selected.get();
        if (r == null || kind.get() != Kind.STORED_VALUE || !allowed()) {
            return;
        }
        String yuan = topUp.get();
        String who = access.who();
        env.async(() -> {
            port.topUp(r.key(), yuan, who);
            return r.key();
        }, key -> {
            refresh(env.msg().get("bo.lists.topped_up", key, yuan));
        }, this::refused);
    }

    /** Imports a CSV / Excel file into the list shown; the report lists each refused row with its field. */
    public void importFile(Path file) {
        if (!allowed()) {
            return;
        }
        Kind k = kind.get();
        String who = access.who();
        env.async(() -> {
            try {
                return port.importFile(k, file, who);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, rep -> {
            importReport.setAll(rep.refused().stream().map(this::refusal).toList());
            refresh(env.msg().get("bo.lists.imported", rep.accepted(), rep.refused().size()));
        }, this::refused);
    }

    private String refusal(ListImport.Refusal r) {
        return env.msg().get("bo.lists.refused_row", String.valueOf(r.line()), r.field().isEmpty() ? "" : env.msg().field(r.field()),
                env.msg().reason(r.key(), r.args()));
    }

    public ObjectProperty<Kind> kind() {
        return kind;
    }

    public StringProperty filter() {
        return filter;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<ListTable.Row> rows() {
        return rows;
    }

    public ObjectProperty<ListTable.Row> selected() {
        return selected;
    }

    /** The editor's field of this name (as {@link ListForms#FIELDS} names them). */
    public StringProperty field(String name) {
        return fields.get(name);
    }

    public ObservableList<String> fieldNames() {
        return fieldNames;
    }

    public BooleanProperty canChange() {
        return canChange;
    }

    public BooleanProperty editable() {
        return editable;
    }

    public StringProperty errorField() {
        return errorField;
    }

    public StringProperty status() {
        return status;
    }

    public ObservableList<String> importReport() {
        return importReport;
    }

    public StringProperty renewTo() {
        return renewTo;
    }

    public StringProperty renewPaid() {
        return renewPaid;
    }

    public StringProperty topUpAmount() {
        return topUp;
    }
}
