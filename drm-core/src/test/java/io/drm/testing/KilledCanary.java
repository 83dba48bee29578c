package io.drm.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Starts a canary child JVM ({@link CanaryMain} or a main that calls it) and kills it with SIGKILL:
 * either right after a chosen poll line (inside the canary window) or after a random delay from
 * its start (anywhere: planning, the release, the window).
 */
public final class KilledCanary {

    private KilledCanary() {
    }

    /**
     * Runs one trial.
     *
     * @param main the child's main class
     * @param args its arguments
     * @param random the trial's randomness
     * @return how the child was stopped, for assertion messages
     * @throws IOException if the child cannot be started
     * @throws InterruptedException if interrupted
     */
    public static String killSomewhere(Class<?> main, List<String> args, Random random)
            throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String how;
        if (random.nextInt(4) == 0) {
            long after = 300 + random.nextInt(2500);
            drain(p);
            p.waitFor(after, TimeUnit.MILLISECONDS);
            how = "killed " + after + " ms after its start";
        } else {
            int poll = 1 + random.nextInt(8);
            how = "killed at poll " + poll;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("POLL " + poll) || line.startsWith("RESULT") || line.startsWith("ERROR")) {
                        how += " (" + line + ")";
                        break;
                    }
                }
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        return how;
    }

    private static void drain(Process p) {
        Thread t = new Thread(() -> {
            try {
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // killed
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
