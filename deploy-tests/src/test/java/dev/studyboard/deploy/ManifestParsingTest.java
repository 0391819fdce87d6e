package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The manifests in k8s/ are valid Kubernetes objects")
class ManifestParsingTest {

    /** A small valid Deployment; the tests below break it in one place at a time. */
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: example
            spec:
              selector:
                matchLabels:
                  app: example
              template:
                metadata:
                  labels:
                    app: example
                spec:
                  containers:
                    - name: example
                      image: studyboard/example:0.1.0
                      ports:
                        - name: http
                          containerPort: 8080
                      readinessProbe:
                        httpGet:
                          path: /actuator/health/readiness
                          port: http
            """;

    @Nested
    @DisplayName("the strict parser")
    class StrictParser {

        @Test
        @DisplayName("accepts a valid manifest")
        void acceptsAValidManifest() {
            HasMetadata parsed = StrictManifests.parse(DEPLOYMENT);

            assertThat(parsed).isInstanceOf(Deployment.class);
            assertThat(((Deployment) parsed)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("studyboard/example:0.1.0");
        }

        @Test
        @DisplayName("rejects a misspelled field, which fabric8's default parser would silently keep")
        void rejectsAMisspelledField() {
            String misspelled = DEPLOYMENT.replace("readinessProbe:", "readinesProbe:");

            assertThatThrownBy(() -> StrictManifests.parse(misspelled))
                    .isInstanceOf(InvalidManifestException.class)
                    .hasMessageContaining("readinesProbe");

            // Why the strict mapper is needed: the default one parses the typo into additionalProperties,
            // and the Deployment would run without a readiness probe.
            Deployment lenient = new KubernetesSerialization().unmarshal(misspelled, Deployment.class);
            var container =
                    lenient.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getReadinessProbe()).isNull();
            assertThat(container.getAdditionalProperties()).containsKey("readinesProbe");
        }

        @Test
        @DisplayName("rejects a field at the wrong level")
        void rejectsAFieldAtTheWrongLevel() {
            // `replicas` belongs to the Deployment's spec, not to the pod's.
            String misplaced = DEPLOYMENT.replace("      containers:", "      replicas: 2\n      containers:");

            assertThatThrownBy(() -> StrictManifests.parse(misplaced))
                    .isInstanceOf(InvalidManifestException.class)
                    .hasMessageContaining("replicas");
        }

        @Test
        @DisplayName("rejects a value of the wrong type")
        void rejectsAValueOfTheWrongType() {
            String wrongType = DEPLOYMENT.replace("containerPort: 8080", "containerPort: http");

            assertThatThrownBy(() -> StrictManifests.parse(wrongType))
                    .isInstanceOf(InvalidManifestException.class)
                    .hasMessageContaining("containerPort");
        }

        @Test
        @DisplayName("rejects a kind that does not exist")
        void rejectsAnUnknownKind() {
            assertThatThrownBy(() -> StrictManifests.parse(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnt")))
                    .isInstanceOf(InvalidManifestException.class)
                    .hasMessageContaining("Deploymnt");
        }

        @Test
        @DisplayName("reads every document of a multi-document stream and skips empty ones")
        void readsAMultiDocumentStream() {
            String stream = DEPLOYMENT + "---\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: studyboard\n";

            List<HasMetadata> parsed = StrictManifests.parseAll(stream);

            assertThat(parsed).hasSize(2);
            assertThat(parsed.get(0)).isInstanceOf(Deployment.class);
            assertThat(parsed.get(1)).isInstanceOf(Namespace.class);
        }
    }

    @Nested
    @DisplayName("rendered with kustomize")
    class Rendering {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("every overlay renders, and every object in it parses strictly")
        void everyOverlayRendersAndParses(Overlay overlay) {
            // Rendering parses strictly: an invalid object fails here with its name and the offending field.
            assertThat(overlay.rendered().own()).isNotEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("puts every namespaced object in the studyboard namespace")
        void everyObjectInTheNamespace(Overlay overlay) {
            assertThat(overlay.rendered().own())
                    .filteredOn(object -> object instanceof Namespaced)
                    .allSatisfy(object -> assertThat(object.getMetadata().getNamespace())
                            .as(
                                    "namespace of %s %s",
                                    object.getKind(), object.getMetadata().getName())
                            .isEqualTo(StudyBoard.NAMESPACE));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("has no two objects of the same kind and name")
        void noDuplicates(Overlay overlay) {
            assertThat(overlay.rendered().inCluster())
                    .extracting(object ->
                            object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                                    + object.getMetadata().getName())
                    .doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("fails with a clear message when kubectl is not installed")
        void failsClearlyWithoutKubectl() {
            Kustomize missing = new Kustomize("kubectl-that-is-not-installed");

            assertThatThrownBy(() -> missing.render(Overlay.LOCAL.dir()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Install kubectl");
        }
    }
}
