package com.boothdesk.app.ui.pay;

import java.util.concurrent.CompletableFuture;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.payment.PayState;
import com.boothdesk.app.payment.QrCodes;
import com.boothdesk.app.ui.UiEnv;

/**
 * The exit panel's pay code: the QR of the lane's pay code while a car waits to pay, and the payment's state
 * (waiting, paying, paid, failed, given up) with what the attendant should do. Knows no Node; follows the lane's
 * {@link PayPort}. The QR modules are computed on the publisher's thread, before the hop onto the FX thread. The title,
 * the message and the alert follow the language switch at once ({@code Messages.switchTo}), as the lane's texts do.
 */
public final class PayCodeViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PayCodeViewModel.class);

    private final PayPort port;
    private final UiEnv env;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final ObjectProperty<PayState.Phase> phase = new SimpleObjectProperty<>(PayState.Phase.NONE);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty alert = new SimpleStringProperty("");
    private final ObjectProperty<boolean[][]> modules = new SimpleObjectProperty<>();
    private Observable.Subscription subscription;
    private Observable.Subscription languageSubscription;
    /** The state shown and whether a scan was read since (its message then stands), to tell them again. */
    private PayState shownState;
    private boolean scanned;
    private String lastCode;
    private boolean[][] lastModules;

    public PayCodeViewModel(PayPort port, UiEnv env) {
        this.port = port;
        this.env = env;
        title.set(env.msg().get("pay.title"));
    }

    /** Starts following the lane's payment. */
    public PayCodeViewModel start() {
        languageSubscription = env.msg().language().subscribe(l -> env.fx().execute(this::relabel));
        subscription = port.state().subscribe(s -> {
            boolean[][] m = modulesOf(s.code());
            env.fx().execute(() -> apply(s, m));
        });
        return this;
    }

    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
        if (languageSubscription != null) {
            languageSubscription.close();
        }
    }

    private synchronized boolean[][] modulesOf(String c) {
        if (c == null) {
            return null;
        }
        if (!c.equals(lastCode)) {
            try {
                lastModules = QrCodes.modules(c);
            } catch (IllegalArgumentException e) {
                LOG.warn("pay code not shown as QR: {}", e.getMessage());
                lastModules = null;
            }
            lastCode = c;
        }
        return lastModules;
    }

    /** Tells the title, the message and the alert again in the language of the moment. */
    void relabel() {
        title.set(env.msg().get("pay.title"));
        if (shownState != null) {
            tell(shownState);
        }
    }

    /** The message (the scan's while one was read since the state) and the alert of {@code s}. */
    private void tell(PayState s) {
        message.set(scanned ? env.msg().get("pay.scanned")
                : s.phase() == PayState.Phase.NONE ? "" : env.msg().get(s.messageKey(), s.args()));
        alert.set(s.alert() == null || s.phase() == PayState.Phase.NONE ? "" : env.msg().get("pay.escape", s.alert()));
    }

    void apply(PayState s, boolean[][] m) {
        shownState = s;
        scanned = false;
        phase.set(s.phase());
        shown.set(s.phase() != PayState.Phase.NONE);
        tell(s);
        boolean codeOn = s.phase() == PayState.Phase.WAITING || s.phase() == PayState.Phase.FAILED
                || s.phase() == PayState.Phase.GIVEN_UP;
        modules.set(codeOn ? m : null);
        code.set(codeOn && s.code() != null ? s.code() : "");
    }

    /** The booth scanner read a pay code for this lane. */
    public CompletableFuture<PayState> payByCode(String authCode) {
        scanned = true;
        message.set(env.msg().get("pay.scanned"));
        return port.payByCode(authCode);
    }

    /** "扫码缴费", in the language of the moment. */
    public StringProperty titleProperty() {
        return title;
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public ObjectProperty<PayState.Phase> phaseProperty() {
        return phase;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** 2.38: the car's unpaid escape records, for the attendant. */
    public StringProperty alertProperty() {
        return alert;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public ObjectProperty<boolean[][]> modulesProperty() {
        return modules;
    }
}
