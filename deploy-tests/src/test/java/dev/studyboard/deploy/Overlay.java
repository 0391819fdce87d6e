package dev.studyboard.deploy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kustomizations a user applies with {@code kubectl apply -k}. */
enum Overlay {
    LOCAL("k8s/overlays/local", null),
    PRODUCTION("k8s/overlays/production", null),
    /** Applied on top of a running release; its references point into that release (here: the local one). */
    CANARY("k8s/canary", LOCAL),
    /** The local release with member-service as two colours, blue and green, and a Service that picks one. */
    BLUE_GREEN("k8s/blue-green", null);

    private static final Map<Overlay, Rendered> RENDERED = new EnumMap<>(Overlay.class);

    private final String path;
    private final Overlay appliedOnTopOf;

    Overlay(String path, Overlay appliedOnTopOf) {
        this.path = path;
        this.appliedOnTopOf = appliedOnTopOf;
    }

    Path dir() {
        return StudyBoard.ROOT.resolve(path);
    }

    Optional<Overlay> appliedOnTopOf() {
        return Optional.ofNullable(appliedOnTopOf);
    }

    /** Rendered once per test run: kubectl takes about a second per overlay. */
    Rendered rendered() {
        synchronized (RENDERED) {
            Rendered rendered = RENDERED.get(this);
            if (rendered == null) {
                rendered = Rendered.of(this);
                RENDERED.put(this, rendered);
            }
            return rendered;
        }
    }

    /** Secrets this release expects to find in the cluster, made outside the repository (name -> keys). */
    Map<String, Set<String>> externalSecrets() {
        return appliedOnTopOf().map(Overlay::externalSecrets).orElseGet(() -> StudyBoard.externalSecrets(dir()));
    }

    @Override
    public String toString() {
        return path;
    }
}
