package com.boothdesk.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.staff.StaffException;
import com.boothdesk.app.domain.staff.StaffService;

/**
 * {@code run --attendant ID --password-stdin}: scripted runs (the upgrade test, soaks with accounts) log an attendant
 * in before the window opens, as the log-in screen would: the shift starts or is resumed, and the demo's stand-in
 * attendant books its exits to that shift. The password is read from the first line of standard input, never an
 * argument, and never logged.
 */
final class ScriptedLogin {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptedLogin.class);

    private ScriptedLogin() {
    }

    /** @return 0 when logged in, 7 when refused (the reason printed), 2 when the password cannot be read */
    static int login(BoothApp app, String userId, InputStream in, PrintStream err) {
        if (app.staff() == null) {
            err.println("此工位没有账号 / this booth has no accounts: --attendant is not possible");
            return 7;
        }
        char[] password;
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            err.println("无法读取密码 / cannot read the password: " + e.getMessage());
            return 2;
        }
        try {
            StaffService.Login l = app.staff().service().login(userId.trim(), password);
            LOG.info("Scripted log-in of {}: shift {} {}", l.account().userId(), l.shift().shiftId(),
                    l.resumed() ? "resumed" : "started");
            System.out.println("shift " + l.shift().shiftId() + (l.resumed() ? " resumed" : " started") + " for "
                    + l.account().userId());
            return 0;
        } catch (StaffException e) {
            String msg = app.messages().get(e.key(), e.args().toArray());
            err.println("登录失败 / log-in refused: " + msg);
            LOG.warn("Scripted log-in of {} refused: {}", userId, msg);
            return 7;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
