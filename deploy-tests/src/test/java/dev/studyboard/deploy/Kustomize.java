package dev.studyboard.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization exactly as {@code kubectl apply -k} would, with the kustomize built into kubectl.
 * Running the real tool (rather than re-implementing overlays and patches) means the tests see the very
 * objects a cluster would receive.
 */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;

    private final String kubectl;

    Kustomize(String kubectl) {
        this.kubectl = kubectl;
    }

    /** kubectl from the PATH, or the binary named by the KUBECTL environment variable. */
    static Kustomize fromEnvironment() {
        String configured = System.getenv("KUBECTL");
        return new Kustomize(configured == null || configured.isBlank() ? "kubectl" : configured);
    }

    String render(Path kustomizationDir) {
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", kustomizationDir.toString()).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot run '" + kubectl + "': the deploy tests render k8s/ with "
                            + "`kubectl kustomize`. Install kubectl (it bundles kustomize) and put it on the PATH, "
                            + "or point the KUBECTL environment variable at it.",
                    e);
        }
        // Drain stderr in the background: a full pipe would block kubectl, and us waiting for it.
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String output = readAll(process.getInputStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "`kubectl kustomize " + kustomizationDir + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + kustomizationDir, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("`kubectl kustomize " + kustomizationDir + "` failed (exit "
                    + process.exitValue() + "):\n" + errors.join());
        }
        return output;
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
