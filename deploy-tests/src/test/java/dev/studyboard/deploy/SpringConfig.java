package dev.studyboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A service's application.yml, the files it imports ({@code spring.config.import: classpath:...}) and the profile
 * files Spring loads with it (application-kubernetes.yml, ...): which environment variables they read, and which
 * actuator health groups they enable.
 */
final class SpringConfig {

    /** ${NAME} or ${NAME:default}: an environment variable by convention when upper case. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    private final List<String> texts;
    private final Map<String, Object> properties;
    private final List<String> imports;

    private SpringConfig(List<String> texts, Map<String, Object> properties, List<String> imports) {
        this.texts = texts;
        this.properties = properties;
        this.imports = imports;
    }

    /** {@code classpath}: the service's resources first, then the resources of the modules it may import from. */
    static SpringConfig load(List<Path> classpath, List<String> profiles) {
        Path resources = classpath.get(0);
        List<String> texts = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> imports = new ArrayList<>();
        candidates(resources, "application")
                .ifPresent(file -> readWithImports(file, classpath, profiles, texts, properties, imports));
        for (String profile : profiles) {
            candidates(resources, "application-" + profile).ifPresent(file -> read(file, profiles, texts, properties));
        }
        return new SpringConfig(texts, properties, imports);
    }

    /**
     * Reads {@code file}, then the files it imports ({@code spring.config.import}), and theirs in turn: an imported
     * file overrides the file that imports it, as in Spring; profile files override both.
     */
    private static void readWithImports(
            Path file,
            List<Path> classpath,
            List<String> profiles,
            List<String> texts,
            Map<String, Object> properties,
            List<String> imports) {
        Object declared = read(file, profiles, texts, properties).getOrDefault("spring.config.import", "");
        // One comma-separated string, or a YAML list of locations.
        List<String> locations = declared instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(declared).split(","));
        for (String location : locations) {
            if (location.isBlank()) {
                continue;
            }
            imports.add(location.trim());
            String name = location.trim().replaceFirst("^optional:", "");
            if (name.startsWith("classpath:")) {
                String path = name.substring("classpath:".length());
                Optional<Path> imported = classpath.stream()
                        .map(root -> root.resolve(path))
                        .filter(Files::isRegularFile)
                        .findFirst();
                if (imported.isEmpty() && !location.trim().startsWith("optional:")) {
                    throw new IllegalStateException(file + ": imports " + name + ", which no module has");
                }
                imported.ifPresent(found -> readWithImports(found, classpath, profiles, texts, properties, imports));
            }
        }
    }

    /** Reads the documents of {@code file} that apply to {@code profiles} into {@code properties}; returns its own. */
    private static Map<String, Object> read(
            Path file, List<String> profiles, List<String> texts, Map<String, Object> properties) {
        try {
            String text = Files.readString(file);
            texts.add(text);
            // Later files and documents override earlier ones, as in Spring; a document for other profiles
            // (spring.config.activate.on-profile: docker | kubernetes) does not count.
            Map<String, Object> own = new LinkedHashMap<>();
            for (Object document : new Yaml().loadAll(text)) {
                Map<String, Object> values = new LinkedHashMap<>();
                flatten("", document, values);
                Object onProfile = values.get("spring.config.activate.on-profile");
                if (onProfile == null
                        || Arrays.stream(String.valueOf(onProfile).split("\\s*[|,]\\s*"))
                                .anyMatch(profiles::contains)) {
                    own.putAll(values);
                }
            }
            properties.putAll(own);
            return own;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every location the files import (spring.config.import), as written: classpath:..., optional:configtree:... */
    List<String> imports() {
        return List.copyOf(imports);
    }

    boolean exists() {
        return !texts.isEmpty();
    }

    /** Every variable named in a placeholder, with or without a default. */
    Set<String> placeholders() {
        return new TreeSet<>(placeholderHasDefault().keySet());
    }

    /** Variables without a default anywhere: the service cannot start unless they are set. */
    Set<String> requiredPlaceholders() {
        Set<String> required = new TreeSet<>();
        placeholderHasDefault().forEach((name, hasDefault) -> {
            if (!hasDefault) {
                required.add(name);
            }
        });
        return required;
    }

    private Map<String, Boolean> placeholderHasDefault() {
        Map<String, Boolean> hasDefault = new TreeMap<>();
        for (String text : texts) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                hasDefault.merge(matcher.group(1), !matcher.group(2).isEmpty(), Boolean::logicalOr);
            }
        }
        return hasDefault;
    }

    Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).map(String::valueOf);
    }

    /**
     * The health endpoint paths a probe may use: /actuator/health, and with
     * {@code management.endpoint.health.probes.enabled: true} its liveness and readiness groups, plus any group
     * declared under {@code management.endpoint.health.group}.
     */
    Set<String> healthPaths() {
        String health = property("management.endpoints.web.base-path").orElse("/actuator") + "/health";
        Set<String> paths = new TreeSet<>(Set.of(health));
        if (property("management.endpoint.health.probes.enabled")
                .map(Boolean::parseBoolean)
                .orElse(false)) {
            paths.add(health + "/liveness");
            paths.add(health + "/readiness");
        }
        String groupPrefix = "management.endpoint.health.group.";
        for (String key : properties.keySet()) {
            if (key.startsWith(groupPrefix)) {
                paths.add(health + "/" + key.substring(groupPrefix.length()).split("\\.")[0]);
            }
        }
        return paths;
    }

    private static Optional<Path> candidates(Path resources, String baseName) {
        for (String extension : List.of(".yml", ".yaml")) {
            Path file = resources.resolve(baseName + extension);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** Nested YAML maps to Spring's dotted keys: management.endpoint.health.probes.enabled. */
    private static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach(
                    (key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, into));
        } else if (!prefix.isEmpty()) {
            into.put(prefix, value);
        }
    }
}
