package io.hawkbit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the Debian tools the end-to-end TLS tests drive (openssl, curl, nginx), or skips a test that lacks them. */
final class Commands {

    private Commands() {}

    /** Skips the calling test, loudly, when an executable is missing: CI installs them (.ci/run). */
    static void assumeInstalled(String... executables) {
        for (String executable : executables) {
            boolean present = Files.isExecutable(Path.of(executable));
            if (!present) {
                System.err.println("SKIPPED: " + executable + " is not installed; the end-to-end TLS test needs it"
                        + " (apt-get install nginx-light openssl curl; .ci/run does this)");
            }
            Assumptions.assumeTrue(present, executable + " is not installed: end-to-end TLS test skipped");
        }
    }

    /** Runs a command in {@code dir} and returns its standard output; fails on a non-zero exit with what it said. */
    static String run(Path dir, List<String> command) {
        try {
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "Exit " + process.exitValue() + " of " + command + ": " + Files.readString(err));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
