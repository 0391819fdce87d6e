package dev.studyboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loose coupling, and no shared code between services but infrastructure: each service builds, changes and
 * deploys alone, so none may depend on another service's module or import its classes. What services share
 * lives in {@code platform/}, and that depends on no service.
 */
@DisplayName("The services of the build")
class ServiceIndependenceTest {

    private static final ServiceIndependenceCheck CHECK =
            new ServiceIndependenceCheck(Repository.containingThisModule().root());

    @Nested
    @DisplayName("in this repository")
    class InThisRepository {

        @Test
        @DisplayName("are its runnable modules outside platform/: the domain services and the gateway among them")
        void servicesFound() {
            assertThat(CHECK.services())
                    .extracting(Reactor.Module::artifactId)
                    .contains("catalog-service", "member-service", "progress-service", "api-gateway");
            assertThat(CHECK.services()).noneMatch(Reactor.Module::isPlatform);
            assertThat(CHECK.packageOwners())
                    .containsEntry("catalog", Set.of("catalog-service"))
                    .containsEntry("member", Set.of("member-service"))
                    .containsEntry("progress", Set.of("progress-service"))
                    .containsEntry("gateway", Set.of("api-gateway"));
        }

        @Test
        @DisplayName("depend on no other service's module, and the shared platform modules on no service")
        void noBuildDependencyOnAnotherService() {
            assertNone(CHECK.buildDependenciesOnOtherServices(), "dependencies on another service's module");
        }

        @Test
        @DisplayName("import no other service's code")
        void noImportOfAnotherService() {
            assertNone(CHECK.importsOfOtherServices(), "imports of another service's code");
        }
    }

    @Nested
    @DisplayName("are checked by rules that catch each mistake, shown on a small build")
    class TheRules {

        @TempDir
        Path root;

        ServiceIndependenceCheck check;

        @BeforeEach
        void givenABuildWithMistakes() throws IOException {
            pom("", "<artifactId>example</artifactId><packaging>pom</packaging>", """
                    <modules>
                        <module>platform/shared</module>
                        <module>platform/service-parent</module>
                        <module>alpha-service</module>
                        <module>beta-service</module>
                        <module>gamma-service</module>
                    </modules>
                    <profiles>
                        <profile><id>e2e</id><modules><module>journey-tests</module></modules></profile>
                    </profiles>
                    """);
            pom("platform/shared", "<artifactId>shared</artifactId>", dependencies("beta-service"));
            pom(
                    "platform/service-parent",
                    "<artifactId>service-parent</artifactId><packaging>pom</packaging>",
                    "<build><plugins>" + BOOT_PLUGIN + "</plugins></build>");
            pom("alpha-service", parent("service-parent") + "<artifactId>alpha-service</artifactId>", """
                    <dependencies>
                        <dependency><groupId>dev.studyboard</groupId><artifactId>shared</artifactId></dependency>
                        <dependency>
                            <groupId>${project.groupId}</groupId><artifactId>beta-service</artifactId>
                            <scope>test</scope>
                        </dependency>
                    </dependencies>
                    """);
            pom(
                    "beta-service",
                    "<artifactId>beta-service</artifactId>",
                    "<build><plugins>" + BOOT_PLUGIN + "</plugins></build>");
            pom("gamma-service", parent("beta-service") + "<artifactId>gamma-service</artifactId>", "");
            pom(
                    "journey-tests",
                    "<artifactId>journey-tests</artifactId>",
                    dependencies("alpha-service", "beta-service") + "<build><pluginManagement><plugins>" + BOOT_PLUGIN
                            + "</plugins></pluginManagement></build>");

            write(
                    "platform/shared/src/main/java/dev/studyboard/shared/Outbox.java",
                    "package dev.studyboard.shared;\n\nclass Outbox {}\n");
            write(
                    "alpha-service/src/main/java/dev/studyboard/alpha/domain/Book.java",
                    "package dev.studyboard.alpha.domain;\n\npublic record Book(String title) {}\n");
            write("beta-service/src/main/java/dev/studyboard/beta/Board.java", """
                    package dev.studyboard.beta;

                    import static dev.studyboard.alpha.domain.Book.TITLE;

                    import dev.studyboard.alpha.domain.Book;
                    import dev.studyboard.beta.other.Row;
                    import dev.studyboard.shared.Outbox;

                    class Board {}
                    """);
            write(
                    "journey-tests/src/test/java/dev/studyboard/journey/JourneyTest.java",
                    "package dev.studyboard.journey;\n\nimport dev.studyboard.alpha.domain.Book;\n");
            check = new ServiceIndependenceCheck(root);
        }

        @Test
        @DisplayName("the services: runnable jars outside platform/, with the Boot plugin of their own or a parent's")
        void services() {
            assertThat(check.services())
                    .extracting(Reactor.Module::artifactId)
                    .containsExactly("alpha-service", "beta-service", "gamma-service");
        }

        @Test
        @DisplayName("a service that depends on another service (in any scope or as its parent), a platform module "
                + "that depends on a service; a test module may depend on services")
        void buildDependencies() {
            assertThat(check.buildDependenciesOnOtherServices())
                    .containsExactlyInAnyOrder(
                            "platform/shared/pom.xml: depends on the service beta-service",
                            "alpha-service/pom.xml: depends on the service beta-service",
                            "gamma-service/pom.xml: has the service beta-service as its parent");
        }

        @Test
        @DisplayName("a service whose code imports another service's package, statically too; "
                + "its own and the platform's packages are fine, and test modules are not checked")
        void imports() {
            assertThat(check.importsOfOtherServices())
                    .containsExactly(
                            "beta-service/src/main/java/dev/studyboard/beta/Board.java:3: imports "
                                    + "dev.studyboard.alpha.domain.Book.TITLE, code of alpha-service",
                            "beta-service/src/main/java/dev/studyboard/beta/Board.java:5: imports "
                                    + "dev.studyboard.alpha.domain.Book, code of alpha-service");
        }

        private static final String BOOT_PLUGIN = """
                <plugin>
                    <groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId>
                </plugin>
                """;

        private static String parent(String artifactId) {
            return "<parent><groupId>dev.studyboard</groupId><artifactId>" + artifactId + "</artifactId></parent>";
        }

        private static String dependencies(String... artifactIds) {
            return "<dependencies>"
                    + Arrays.stream(artifactIds)
                            .map(id -> "<dependency><groupId>dev.studyboard</groupId><artifactId>" + id
                                    + "</artifactId></dependency>")
                            .collect(Collectors.joining())
                    + "</dependencies>";
        }

        private void pom(String folder, String coordinates, String rest) throws IOException {
            write(Path.of(folder, "pom.xml").toString(), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                        <groupId>dev.studyboard</groupId>
                        %s
                        %s
                    </project>
                    """.formatted(coordinates, rest));
        }

        private void write(String path, String text) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
    }

    private static void assertNone(List<?> problems, String what) {
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " " + what + ":\n  "
                        + problems.stream().map(String::valueOf).collect(Collectors.joining("\n  ")))
                .isEmpty();
    }
}
