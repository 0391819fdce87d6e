package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The canary release in k8s/canary")
class CanaryTest {

    /** The canary on top of the local release (rendered once, on first use). */
    private static Rendered rendered() {
        return Overlay.CANARY.rendered();
    }

    private static Deployment stable() {
        return rendered()
                .find(Deployment.class, StudyBoard.NAMESPACE, "catalog-service")
                .orElseThrow();
    }

    private static Deployment canary() {
        return rendered().own(Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("catalog-service-canary"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("k8s/canary has no Deployment catalog-service-canary"));
    }

    @Nested
    @DisplayName("its Deployment")
    class ItsDeployment {

        @Test
        @DisplayName("runs another tag of the catalog-service image")
        void anotherTagOfTheSameImage() {
            String stableImage = stable().getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage();
            String canaryImage = canary().getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage();

            assertThat(StudyBoard.moduleOfImage(canaryImage)).contains("catalog-service");
            assertThat(canaryImage.substring(0, canaryImage.lastIndexOf(':')))
                    .isEqualTo(stableImage.substring(0, stableImage.lastIndexOf(':')));
            assertThat(canaryImage).isNotEqualTo(stableImage);
        }

        @Test
        @DisplayName("has the stable pod spec in every other respect: only the code changes")
        void samePodSpecAsStable() {
            assertThat(withoutImages(canary().getSpec().getTemplate().getSpec()))
                    .isEqualTo(withoutImages(stable().getSpec().getTemplate().getSpec()));
        }

        @Test
        @DisplayName("labels its pods track: canary, which keeps them out of the stable Deployment")
        void trackLabel() {
            Map<String, String> canaryPods =
                    canary().getSpec().getTemplate().getMetadata().getLabels();

            assertThat(canaryPods)
                    .containsEntry("track", "canary")
                    .containsEntry(StudyBoard.NAME_LABEL, "catalog-service");
            assertThat(Labels.matches(stable().getSpec().getSelector(), canaryPods))
                    .isFalse();
            assertThat(canary().getSpec().getReplicas()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("its traffic")
    class ItsTraffic {

        @Test
        @DisplayName("reaches it through the catalog-service Service too, which selects both tracks")
        void serviceSelectsBothTracks() {
            Service service = rendered()
                    .find(Service.class, StudyBoard.NAMESPACE, "catalog-service")
                    .orElseThrow();
            Map<String, String> selector = service.getSpec().getSelector();

            assertThat(Labels.matches(
                            selector,
                            canary().getSpec().getTemplate().getMetadata().getLabels()))
                    .isTrue();
            assertThat(Labels.matches(
                            selector,
                            stable().getSpec().getTemplate().getMetadata().getLabels()))
                    .isTrue();
        }

        @Test
        @DisplayName("is split 90/10 by an HTTPRoute on the catalog-service Service, between one Service per track")
        void weightedRoute() {
            List<HTTPRoute> routes = rendered().own(HTTPRoute.class);
            assertThat(routes).hasSize(1);
            HTTPRoute route = routes.get(0);

            ParentReference parent = route.getSpec().getParentRefs().get(0);
            assertThat(parent.getKind()).isEqualTo("Service");
            assertThat(parent.getName()).isEqualTo("catalog-service");

            List<HTTPBackendRef> backends = route.getSpec().getRules().get(0).getBackendRefs();
            Map<String, Integer> weights =
                    backends.stream().collect(Collectors.toMap(HTTPBackendRef::getName, HTTPBackendRef::getWeight));
            assertThat(weights)
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("catalog-service-stable", 90, "catalog-service-canary", 10));

            for (HTTPBackendRef backend : backends) {
                Service service = rendered()
                        .find(Service.class, StudyBoard.NAMESPACE, backend.getName())
                        .orElseThrow();
                assertThat(service.getSpec().getPorts())
                        .anyMatch(port -> port.getPort().equals(backend.getPort()));
                String track = backend.getName().endsWith("-canary") ? "canary" : "stable";
                assertThat(service.getSpec().getSelector())
                        .as("selector of %s", backend.getName())
                        .containsEntry("track", track);
            }
        }
    }

    @Test
    @DisplayName("can be deleted without touching the stable release: it shares no object with it")
    void deletableOnItsOwn() {
        Set<String> canaryObjects =
                rendered().own().stream().map(CanaryTest::id).collect(Collectors.toSet());
        Set<String> releaseObjects =
                Overlay.LOCAL.rendered().own().stream().map(CanaryTest::id).collect(Collectors.toSet());

        assertThat(canaryObjects).doesNotContainAnyElementsOf(releaseObjects);
    }

    @Test
    @DisplayName("is documented in k8s/README.md: how to start it and how to roll it back")
    void documented() {
        assertThat(StudyBoard.readme())
                .contains("kubectl apply -k k8s/canary")
                .contains("kubectl delete -k k8s/canary");
    }

    private static String id(HasMetadata object) {
        return object.getApiVersion() + " " + object.getKind() + " "
                + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName();
    }

    /** The pod spec as a map, with every container image blanked out. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutImages(PodSpec spec) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        Map<String, Object> map = serialization.convertValue(spec, Map.class);
        for (Object container : (List<Object>) map.getOrDefault("containers", List.of())) {
            ((Map<String, Object>) container).remove("image");
        }
        return new HashMap<>(map);
    }
}
