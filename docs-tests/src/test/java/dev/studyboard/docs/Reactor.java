package dev.studyboard.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The modules of the Maven build, read from the poms: the root's {@code <modules>} (profiles' too), and theirs.
 * Each module with what the service rules need: its artifact, its parent, what it depends on, and whether it
 * is runnable (a Spring Boot jar).
 */
record Reactor(Path root, List<Module> modules) {

    private static final String BOOT_PLUGIN = "spring-boot-maven-plugin";

    /**
     * One module: its folder relative to the root, the artifact of its parent pom, whether its own build runs the
     * Spring Boot plugin, and the artifacts of this build (same groupId) it depends on.
     */
    record Module(
            Path folder,
            String artifactId,
            String packaging,
            Optional<String> parent,
            boolean bootPlugin,
            List<String> dependencies) {

        /** Shared infrastructure: the only modules services may have in common. */
        boolean isPlatform() {
            return folder.startsWith("platform");
        }

        Path pom() {
            return folder.resolve("pom.xml");
        }

        @Override
        public String toString() {
            return artifactId;
        }
    }

    static Reactor at(Path root) {
        List<Module> modules = new ArrayList<>();
        collect(root, Path.of(""), modules);
        return new Reactor(root, List.copyOf(modules));
    }

    Optional<Module> module(String artifactId) {
        return modules.stream()
                .filter(module -> module.artifactId().equals(artifactId))
                .findFirst();
    }

    /**
     * The services: runnable modules (a jar with the Spring Boot plugin, its own or a parent's in this build)
     * outside {@code platform/}. Test and aggregating modules are not runnable, so they are not services.
     */
    List<Module> services() {
        return modules.stream()
                .filter(module -> !module.isPlatform() && !module.packaging().equals("pom"))
                .filter(this::runnable)
                .toList();
    }

    private boolean runnable(Module module) {
        return module.bootPlugin()
                || module.parent().flatMap(this::module).map(this::runnable).orElse(false);
    }

    /** The Java sources of a module, main and test. */
    List<Path> javaFiles(Module module) {
        Path sources = root.resolve(module.folder()).resolve("src");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(root::relativize)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(Path file) {
        try {
            return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Path root, Path folder, List<Module> modules) {
        Element project = readPom(root.resolve(folder).resolve("pom.xml"));
        String groupId = text(project, "groupId")
                .or(() -> text(child(project, "parent"), "groupId"))
                .orElse("");
        if (!folder.toString().isEmpty()) {
            modules.add(new Module(
                    folder,
                    text(project, "artifactId").orElseThrow(),
                    text(project, "packaging").orElse("jar"),
                    text(child(project, "parent"), "artifactId"),
                    hasBootPlugin(project),
                    dependenciesWithin(project, groupId)));
        }
        List<Element> moduleLists = new ArrayList<>(children(project, "modules"));
        children(project, "profiles")
                .forEach(profiles -> children(profiles, "profile")
                        .forEach(profile -> moduleLists.addAll(children(profile, "modules"))));
        for (Element list : moduleLists) {
            for (Element module : children(list, "module")) {
                collect(root, folder.resolve(module.getTextContent().strip()).normalize(), modules);
            }
        }
    }

    /** Whether the pom's own {@code <build><plugins>} run the Boot plugin; {@code <pluginManagement>} runs none. */
    private static boolean hasBootPlugin(Element project) {
        return children(project, "build").stream()
                .flatMap(build -> children(build, "plugins").stream())
                .flatMap(plugins -> children(plugins, "plugin").stream())
                .anyMatch(plugin ->
                        text(plugin, "artifactId").filter(BOOT_PLUGIN::equals).isPresent());
    }

    /** The artifacts of every {@code <dependency>} on this build's group: in dependencies, profiles, plugins. */
    private static List<String> dependenciesWithin(Element project, String groupId) {
        List<String> artifacts = new ArrayList<>();
        var dependencies = project.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (Element) dependencies.item(i);
            String group = text(dependency, "groupId").orElse("");
            if (group.equals(groupId) || group.equals("${project.groupId}")) {
                text(dependency, "artifactId").ifPresent(artifacts::add);
            }
        }
        return List.copyOf(artifacts);
    }

    private static Element readPom(Path pom) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        if (parent == null) {
            return children;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    private static Element child(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0);
    }

    private static Optional<String> text(Element parent, String name) {
        return Optional.ofNullable(child(parent, name))
                .map(element -> element.getTextContent().strip());
    }
}
