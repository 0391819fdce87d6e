package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Standardisation: every process of the system is observed the same way, because each one imports
 * the one shared file of settings (trace propagation and export, metric tags, JSON logs, health groups).
 */
@DisplayName("Every process imports the shared observability settings")
class ObservabilityImportTest {

    static final String SHARED = "studyboard-observability.yml";
    private static final Pattern PARENT =
            Pattern.compile("<parent>.*?<artifactId>([^<]+)</artifactId>.*?</parent>", Pattern.DOTALL);

    /** The modules that run as processes: the ones with a {@code @SpringBootApplication}. */
    static List<String> runnableModules() {
        return StudyBoard.modules().stream()
                .filter(ObservabilityImportTest::hasApplicationClass)
                .toList();
    }

    @Test
    @DisplayName(
            "the runnable modules are the services, the gateway, the registry, the demo loader and the synthetic check")
    void runnableModulesFound() {
        assertThat(runnableModules())
                .contains(
                        "catalog-service",
                        "member-service",
                        "progress-service",
                        "api-gateway",
                        "discovery-server",
                        "demo-loader",
                        "synthetic-check");
    }

    @Test
    @DisplayName("each one's application.yml imports " + SHARED + " (itself or through a shared file it imports)")
    void everyProcessImportsTheSharedFile() {
        assertSoftly(softly -> runnableModules()
                .forEach(module -> softly.assertThat(imports(module))
                        .as("files %s/src/main/resources/application.yml imports", module)
                        .contains(SHARED)));
    }

    @Test
    @DisplayName(
            "each one depends on the observability module, which holds the file, so the import resolves at run time")
    void everyProcessHasTheFileOnItsClasspath() {
        assertSoftly(softly -> runnableModules()
                .forEach(module -> softly.assertThat(dependsOnObservability(module))
                        .as("%s/pom.xml (or its parent in this build) depends on dev.studyboard:observability", module)
                        .isTrue()));
    }

    private static boolean hasApplicationClass(String module) {
        Path sources = StudyBoard.ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .anyMatch(file -> read(file).contains("@SpringBootApplication"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath files the module's application.yml imports, directly and through the files it imports. */
    private static Set<String> imports(String module) {
        List<Path> classpath =
                new ArrayList<>(List.of(StudyBoard.ROOT.resolve(module).resolve("src/main/resources")));
        try (Stream<Path> platform = Files.list(StudyBoard.ROOT.resolve("platform"))) {
            platform.map(dir -> dir.resolve("src/main/resources")).sorted().forEach(classpath::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> found = new HashSet<>();
        collectImports(classpath.get(0).resolve("application.yml"), classpath, found);
        return found;
    }

    private static void collectImports(Path file, List<Path> classpath, Set<String> found) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (Object document : new Yaml().loadAll(read(file))) {
            Object spring = document instanceof Map<?, ?> map ? map.get("spring") : null;
            Object config = spring instanceof Map<?, ?> map ? map.get("config") : null;
            if (!(config instanceof Map<?, ?> settings) || settings.get("activate") != null) {
                continue; // a document for some profiles only does not count: the import must always apply
            }
            Object locations = settings.get("import");
            List<?> names = locations instanceof List<?> list
                    ? list
                    : locations == null
                            ? List.of()
                            : List.of(String.valueOf(locations).split(","));
            for (Object location : names) {
                String name = String.valueOf(location).trim().replaceFirst("^optional:", "");
                if (name.startsWith("classpath:") && found.add(name.substring("classpath:".length()))) {
                    String path = name.substring("classpath:".length());
                    classpath.stream()
                            .map(root -> root.resolve(path))
                            .filter(Files::isRegularFile)
                            .findFirst()
                            .ifPresent(imported -> collectImports(imported, classpath, found));
                }
            }
        }
    }

    private static boolean dependsOnObservability(String module) {
        String pom = read(StudyBoard.ROOT.resolve(module).resolve("pom.xml"));
        if (pom.contains("<artifactId>observability</artifactId>")) {
            return true;
        }
        Matcher parent = PARENT.matcher(pom);
        Optional<String> parentModule = parent.find()
                ? StudyBoard.modules().stream()
                        .filter(other -> Path.of(other).getFileName().toString().equals(parent.group(1)))
                        .findFirst()
                : Optional.empty();
        return parentModule.map(ObservabilityImportTest::dependsOnObservability).orElse(false);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
