package com.boothdesk.devices.sim;

import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs device simulators from the command line.
 *
 * <pre>
 * card                          a simulated LED/voice/gate card behind a pseudo-terminal; prints the port to use
 *                               (e.g. with "boothdesk devices led --port ...") and everything the card shows and says
 * camera URL PLATE [PLATE...]   a simulated Zhenshi camera pushing plates (with generated images) to URL
 * </pre>
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length >= 1 && args[0].equals("card")) {
            runCard(out);
        } else if (args.length >= 3 && args[0].equals("camera")) {
            SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(URI.create(args[1]), "SIM-CAM-1", "127.0.0.1",
                    Clock.systemDefaultZone());
            for (int i = 2; i < args.length; i++) {
                CameraPushResult r = cam.push(args[i]);
                out.println(args[i] + " -> HTTP " + r.status() + (r.openGate() ? " OPEN GATE" : "")
                        + (r.serialData().isEmpty() ? "" : " + " + r.serialData().size() + " card frame(s)"));
            }
        } else {
            out.println("usage: SimulatorMain card | camera URL PLATE [PLATE...]");
        }
    }

    private static void runCard(PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("boothdesk-sim");
        try (PtyPair pty = PtyPair.open(dir);
             SimulatedLaneCard card = new SimulatedLaneCard(
                     new JSerialCommLink(SerialSettings.of(pty.endB().toString())), 0)) {
            card.addListener(e -> out.println("card: " + e));
            card.start();
            out.println("simulated card (address 0x00) listening; host port: " + pty.endA());
            out.println("try: boothdesk devices led --port " + pty.endA() + " --line 1 --text 欢迎光临");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
    }
}
