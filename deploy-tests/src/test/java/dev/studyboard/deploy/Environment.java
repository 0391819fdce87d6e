package dev.studyboard.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The environment a container starts with, as far as the rendered objects tell. */
final class Environment {

    private final Container container;
    private final String namespace;
    private final Rendered rendered;
    private final Overlay overlay;

    Environment(Workload workload, Container container, Overlay overlay) {
        this.container = container;
        this.namespace = workload.namespace();
        this.overlay = overlay;
        this.rendered = overlay.rendered();
    }

    /** Every variable name: env entries plus the keys that envFrom copies in from ConfigMaps and Secrets. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        container.getEnv().forEach(env -> names.add(env.getName()));
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = Objects.requireNonNullElse(source.getPrefix(), "");
            keysOf(source).forEach(key -> names.add(prefix + key));
        }
        return names;
    }

    /** The value of a variable set inline or from a ConfigMap key; Secrets stay unread. */
    Optional<String> value(String name) {
        for (EnvVar env : container.getEnv()) {
            if (!env.getName().equals(name)) {
                continue;
            }
            if (env.getValue() != null) {
                return Optional.of(env.getValue());
            }
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                String key = env.getValueFrom().getConfigMapKeyRef().getKey();
                return rendered.find(
                                ConfigMap.class,
                                namespace,
                                env.getValueFrom().getConfigMapKeyRef().getName())
                        .map(configMap -> configMap.getData().get(key));
            }
        }
        return Optional.empty();
    }

    /** The Spring profiles SPRING_PROFILES_ACTIVE switches on. */
    List<String> springProfiles() {
        return value("SPRING_PROFILES_ACTIVE")
                .map(profiles -> Arrays.stream(profiles.split(","))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private Set<String> keysOf(EnvFromSource source) {
        if (source.getConfigMapRef() != null) {
            return rendered.configMapKeys(namespace, source.getConfigMapRef().getName())
                    .orElse(Set.of());
        }
        if (source.getSecretRef() != null) {
            String name = source.getSecretRef().getName();
            return rendered.secretKeys(namespace, name)
                    .orElseGet(() -> overlay.externalSecrets().getOrDefault(name, Set.of()));
        }
        return Set.of();
    }
}
