package dev.studyboard.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.progress.assignment.domain.AssignmentStatus;
import dev.studyboard.progress.board.api.WriteUpStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * progress-service's features as modules, checked by Spring Modulith: each package under the application's is a
 * module; its sub-packages are its own unless it publishes them ({@code @NamedInterface}), and it uses only the
 * modules its {@code @ApplicationModule} allows. replica is upstream, assignment uses replica's api, board uses
 * neither (it reads their tables), page uses the api of board, assignment and imports, and report uses none (it
 * reads the events into a schema of its own).
 */
@DisplayName("progress-service's modules")
class ModuleStructureTest {

    static final ApplicationModules modules = ApplicationModules.of(ProgressApplication.class);

    @Test
    @DisplayName("have no cycles and use each other only through what they publish and are allowed to")
    void verify() {
        modules.verify();
    }

    @Test
    @DisplayName("are drawn as a component diagram under target/spring-modulith-docs, board and report too (they use no"
            + " module)")
    void document() throws Exception {
        var options = DiagramOptions.defaults().withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);

        new Documenter(modules).writeModulesAsPlantUml(options).writeIndividualModulesAsPlantUml(options);

        var diagram = Files.readString(Path.of("target/spring-modulith-docs/components.puml"));
        assertThat(diagram).contains("\"Assignment\"", "\"Board\"", "\"Replica\"", "\"Page\"", "\"Report\"");
    }

    @Test
    @DisplayName("agree on the statuses: the board can read every status an assignment is stored with")
    void boardReadsEveryAssignmentStatus() {
        assertThat(Arrays.stream(WriteUpStatus.values()).map(Enum::name))
                .containsExactlyElementsOf(
                        Arrays.stream(AssignmentStatus.values()).map(Enum::name).toList());
    }
}
