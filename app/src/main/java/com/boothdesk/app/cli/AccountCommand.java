package com.boothdesk.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.domain.staff.StaffException;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;
import com.boothdesk.app.store.staff.StaffConfig;
import com.boothdesk.app.store.staff.StaffModule;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.sdk.outbox.JdbcOutbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code boothdesk account}: booth accounts from the command line (the installer's first admin). */
@Command(name = "account", mixinStandardHelpOptions = true, subcommands = {AccountCommand.CreateAdmin.class},
        description = "Booth accounts.")
public final class AccountCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * {@code account create-admin --id ID [--name NAME] [--data DIR]}: the first admin. The password is asked on the
     * console (twice), or read from the first line of standard input ({@code --password-stdin}); never an argument.
     */
    @Command(name = "create-admin", mixinStandardHelpOptions = true,
            description = "Creates the booth's first admin (refused once one exists). The password is typed, never"
                    + " given as an argument.")
    public static final class CreateAdmin implements Callable<Integer> {

        @Option(names = "--id", required = true, description = "The admin's user id (工号).")
        String id;

        @Option(names = "--name", defaultValue = "", description = "The admin's name.")
        String name;

        @Option(names = "--data", defaultValue = "data", description = "Data folder. Default: ${DEFAULT-VALUE}")
        Path data;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BoothConfig cfg;
            try {
                cfg = BoothConfig.load(data, null, null);
            } catch (ConfigException e) {
                err.println("配置错误 / configuration error: " + e.getMessage());
                return 2;
            }
            char[] password;
            try {
                password = readPassword(err);
            } catch (IOException e) {
                err.println("无法读取密码 / cannot read the password: " + e.getMessage());
                return 2;
            }
            if (password == null) {
                err.println("两次输入的密码不一致 / the passwords differ");
                return 2;
            }
            Clock clock = Clock.system(cfg.zone());
            Messages messages = new Messages(cfg.locale());
            try (Database db = Database.open(data.resolve("db"))) {
                StaffModule staff = StaffModule.open(db, new JdbcOutbox(db.dataSource(), clock),
                        StaffConfig.load(data), clock, cfg.boothId(), null);
                staff.service().createFirstAdmin(id, name, password);
                out.println("管理员已创建 / admin created: " + id);
                out.flush();
                return 0;
            } catch (StaffException e) {
                err.println(messages.get(e.key(), e.args()));
                return 1;
            } catch (StoreException e) {
                err.println(e.getMessage());
                return 3;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] readPassword(PrintWriter err) throws IOException {
            Console console = System.console();
            if (!stdin && console != null) {
                char[] a = console.readPassword("密码 / password: ");
                char[] b = console.readPassword("再输一次 / again: ");
                if (a == null || b == null || !Arrays.equals(a, b)) {
                    return null;
                }
                Arrays.fill(b, '\0');
                return a;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = r.readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }
}
