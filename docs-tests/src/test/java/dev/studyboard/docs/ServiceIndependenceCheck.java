package dev.studyboard.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loose coupling, kept by the build: no service depends on another service's module or imports its code; only
 * {@code platform/} modules (infrastructure) are shared, and they depend on no service. Each rule returns what
 * breaks it, empty when the build is right.
 */
final class ServiceIndependenceCheck {

    /** The root package of a module: {@code package dev.studyboard.catalog…} → {@code catalog}. */
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+dev\\.studyboard\\.(\\w+)");
    /** {@code import dev.studyboard.catalog.…} or {@code import static dev.studyboard.catalog.…}. */
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.studyboard\\.(\\w+)\\S*);");

    private final Reactor reactor;

    ServiceIndependenceCheck(Path root) {
        this.reactor = Reactor.at(root);
    }

    List<Reactor.Module> services() {
        return reactor.services();
    }

    /** Services, and the platform modules every service may use: the modules these rules hold for. */
    private List<Reactor.Module> checked() {
        return reactor.modules().stream()
                .filter(module -> module.isPlatform() || reactor.services().contains(module))
                .toList();
    }

    /** A service's or a platform module's pom that names another service as its parent or a dependency. */
    List<String> buildDependenciesOnOtherServices() {
        Set<String> services = new HashSet<>(
                services().stream().map(Reactor.Module::artifactId).toList());
        List<String> problems = new ArrayList<>();
        for (Reactor.Module module : checked()) {
            module.parent()
                    .filter(services::contains)
                    .ifPresent(parent -> problems.add(module.pom() + ": has the service " + parent + " as its parent"));
            module.dependencies().stream()
                    .filter(artifact -> services.contains(artifact) && !artifact.equals(module.artifactId()))
                    .distinct()
                    .forEach(artifact -> problems.add(module.pom() + ": depends on the service " + artifact));
        }
        return problems;
    }

    /** Imports, in a service's or a platform module's code, of a package that another service's code declares. */
    List<String> importsOfOtherServices() {
        Map<String, Set<String>> packageOwners = packageOwners();
        List<String> problems = new ArrayList<>();
        for (Reactor.Module module : checked()) {
            for (var file : reactor.javaFiles(module)) {
                String[] lines = reactor.read(file).split("\\R");
                for (int i = 0; i < lines.length; i++) {
                    Matcher imported = IMPORT.matcher(lines[i].strip());
                    if (!imported.find()) {
                        continue;
                    }
                    for (String owner : packageOwners.getOrDefault(imported.group(2), Set.of())) {
                        if (!owner.equals(module.artifactId())) {
                            problems.add(
                                    file + ":" + (i + 1) + ": imports " + imported.group(1) + ", code of " + owner);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Which services' main code declares each root package under {@code dev.studyboard}. */
    Map<String, Set<String>> packageOwners() {
        Map<String, Set<String>> owners = new HashMap<>();
        for (Reactor.Module service : services()) {
            for (var file : reactor.javaFiles(service)) {
                if (!file.startsWith(service.folder().resolve("src/main"))) {
                    continue;
                }
                Matcher declared = PACKAGE.matcher(reactor.read(file));
                if (declared.find()) {
                    owners.computeIfAbsent(declared.group(1), root -> new HashSet<>())
                            .add(service.artifactId());
                }
            }
        }
        return owners;
    }
}
