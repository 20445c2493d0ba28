package com.boothdesk.sdk.cli;

import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.Scenarios;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./boothdesk cloud-sim}: the standalone parking-cloud simulator, speaking the real server's wire format, so
 * integrators can develop without a cloud account.
 */
@Command(name = "cloud-sim", mixinStandardHelpOptions = true,
        description = "Run the parking-cloud simulator (停车云 wire format) on 127.0.0.1.")
public final class CloudSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Standalone entry point (the application registers this command under ./boothdesk). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new CloudSimCommand()).execute(args));
    }

    @Option(names = "--port", defaultValue = "6789", description = "TCP port (0 = any free port); default ${DEFAULT-VALUE}")
    int port;

    /** The booth's own defaults (resources/config/boothdesk.properties), so a booth in tcp mode pairs at once. */
    public static final String DEFAULT_UNION_ID = "200128";
    public static final String DEFAULT_PARK_ID = "24155";
    public static final String DEFAULT_SECRET = "DEMO0SECRET0KEY0";

    @Option(names = "--union-id", defaultValue = DEFAULT_UNION_ID,
            description = "accepted union_id (the booth's cloud.union_id); default ${DEFAULT-VALUE}")
    String unionId;

    @Option(names = "--park-id", defaultValue = DEFAULT_PARK_ID,
            description = "accepted park_id (the booth's cloud.park_id); default ${DEFAULT-VALUE}")
    String parkId;

    @Option(names = "--secret", defaultValue = DEFAULT_SECRET,
            description = "signing key (the booth's cloud.secret); default: the booth's demo key")
    String secret;

    @Option(names = "--rate-limit", defaultValue = "100",
            description = "requests per 10 s per token before request_over_times (0 = unlimited); default ${DEFAULT-VALUE}")
    int rateLimit;

    @Option(names = "--scenario", split = ",",
            description = "scenarios to play once a booth has logged in: qr-payment, prepay, month-card-sync, "
                    + "gate-open, lock")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--channel", defaultValue = "A1", description = "lane for qr-payment / gate-open; default ${DEFAULT-VALUE}")
    String channel;

    @Option(names = "--order-id", defaultValue = "A1_1", description = "order for prepay / lock; default ${DEFAULT-VALUE}")
    String orderId;

    @Option(names = "--resend-factor", defaultValue = "1.0",
            description = "scale of the payment resend schedules (0.01 = 100x faster); default ${DEFAULT-VALUE}")
    double resendFactor;

    @Option(names = "--exit-when-done", description = "exit after the scenarios instead of serving until stopped")
    boolean exitWhenDone;

    @Option(names = "--wait-for-booth", defaultValue = "PT24H",
            description = "how long to wait for a booth before the scenarios (ISO-8601); default ${DEFAULT-VALUE}")
    Duration waitForBooth;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (String s : scenarios) {
            if (!Scenarios.NAMES.contains(s)) {
                spec.commandLine().getErr().println("unknown scenario " + s + "; known: " + Scenarios.NAMES);
                return 2;
            }
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (CloudSimulator sim = new CloudSimulator(new CloudSimSettings(port, unionId, parkId, secret, rateLimit,
                Clock.systemUTC()))) {
            sim.start();
            out.printf("cloud simulator listening on 127.0.0.1:%d (union_id %s, park_id %s, rate limit %s)%n",
                    sim.port(), unionId, parkId, rateLimit == 0 ? "off" : rateLimit + "/10 s");
            out.printf("pair a booth with: ./boothdesk run --set cloud.mode=tcp --set cloud.host=127.0.0.1 "
                    + "--set cloud.port=%d%s%n", sim.port(), unionId.equals(DEFAULT_UNION_ID)
                    && parkId.equals(DEFAULT_PARK_ID) && secret.equals(DEFAULT_SECRET) ? ""
                    : " --set cloud.union_id=" + unionId + " --set cloud.park_id=" + parkId
                    + " (and cloud.secret in the site file)");
            out.flush();
            Thread hook = new Thread(stop::countDown, "cloud-sim-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            int exit = 0;
            if (!scenarios.isEmpty()) {
                try {
                    sim.firstLogin().get(waitForBooth.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    out.println("no booth logged in within " + waitForBooth);
                    return 1;
                }
                out.println("booth logged in; playing " + scenarios);
                Scenarios play = new Scenarios(sim, Duration.ofSeconds(7), resendFactor);
                for (String s : scenarios) {
                    String arg = s.equals("prepay") || s.equals("lock") ? orderId : channel;
                    try {
                        List<ObjectNode> answers = play.run(s, arg).get(10, TimeUnit.MINUTES);
                        for (ObjectNode a : answers) {
                            out.println(s + ": answered " + WireCodec.toJson(a));
                        }
                    } catch (java.util.concurrent.ExecutionException e) {
                        out.println(s + ": FAILED " + e.getCause());
                        exit = 1;
                    }
                    out.flush();
                }
            }
            if (!exitWhenDone) {
                stop.await();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            return exit;
        }
    }
}
