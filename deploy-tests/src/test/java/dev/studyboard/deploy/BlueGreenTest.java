package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Blue/green in k8s/blue-green")
class BlueGreenTest {

    static final String SERVICE = "member-service";
    static final List<String> COLOURS = List.of("blue", "green");

    private static Rendered rendered() {
        return Overlay.BLUE_GREEN.rendered();
    }

    private static Deployment colour(String colour) {
        return rendered()
                .find(Deployment.class, StudyBoard.NAMESPACE, SERVICE + "-" + colour)
                .orElseThrow(() -> new AssertionError("k8s/blue-green has no Deployment " + SERVICE + "-" + colour));
    }

    private static Service service(Rendered rendered) {
        return rendered.find(Service.class, StudyBoard.NAMESPACE, SERVICE).orElseThrow();
    }

    /** The colours whose pods the member-service Service selects. */
    private static List<String> selectedColours(Service service) {
        return COLOURS.stream()
                .filter(colour -> Labels.matches(
                        service.getSpec().getSelector(),
                        colour(colour).getSpec().getTemplate().getMetadata().getLabels()))
                .toList();
    }

    @Nested
    @DisplayName("its two Deployments")
    class ItsDeployments {

        @Test
        @DisplayName("run member-service as blue and green, each selecting only the pods of its own colour")
        void twoColours() {
            for (String colour : COLOURS) {
                Deployment deployment = colour(colour);
                assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                        .containsEntry(StudyBoard.NAME_LABEL, SERVICE)
                        .containsEntry("color", colour);
                assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsEntry("color", colour);
            }
            assertThat(Labels.matches(
                            colour("blue").getSpec().getSelector(),
                            colour("green")
                                    .getSpec()
                                    .getTemplate()
                                    .getMetadata()
                                    .getLabels()))
                    .isFalse();
        }

        @Test
        @DisplayName(
                "are both ready for traffic: running, with the readiness probe of member-service's readiness group")
        void bothReady() {
            for (String colour : COLOURS) {
                Deployment deployment = colour(colour);
                var container = deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0);
                assertThat(deployment.getSpec().getReplicas())
                        .as("%s replicas", colour)
                        .isPositive();
                assertThat(WorkloadTest.httpPath(container.getReadinessProbe()))
                        .as("%s readiness probe", colour)
                        .contains("/actuator/health/readiness");
            }
            assertThat(colour("blue").getSpec().getReplicas())
                    .isEqualTo(colour("green").getSpec().getReplicas());
        }

        @Test
        @DisplayName("have the release's member-service pod spec; only the image tag differs, green runs the next one")
        void onlyTheCodeDiffers() {
            Deployment release = Overlay.LOCAL
                    .rendered()
                    .find(Deployment.class, StudyBoard.NAMESPACE, SERVICE)
                    .orElseThrow();
            for (String colour : COLOURS) {
                assertThat(withoutImages(colour(colour).getSpec().getTemplate().getSpec()))
                        .as(colour)
                        .isEqualTo(withoutImages(release.getSpec().getTemplate().getSpec()));
            }
            String blue = colour("blue")
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage();
            String green = colour("green")
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage();
            assertThat(StudyBoard.moduleOfImage(blue)).contains(SERVICE);
            assertThat(StudyBoard.moduleOfImage(green)).contains(SERVICE);
            assertThat(green).isNotEqualTo(blue);
        }

        @Test
        @DisplayName(
                "replace the single member-service Deployment and its autoscaler; the disruption budget covers both")
        void replaceTheSingleDeployment() {
            assertThat(rendered().find(Deployment.class, StudyBoard.NAMESPACE, SERVICE))
                    .isEmpty();
            assertThat(rendered().own(HorizontalPodAutoscaler.class))
                    .noneMatch(autoscaler ->
                            autoscaler.getSpec().getScaleTargetRef().getName().startsWith(SERVICE));
            PodDisruptionBudget budget = rendered()
                    .find(PodDisruptionBudget.class, StudyBoard.NAMESPACE, SERVICE)
                    .orElseThrow();
            for (String colour : COLOURS) {
                assertThat(Labels.matches(
                                budget.getSpec().getSelector(),
                                colour(colour)
                                        .getSpec()
                                        .getTemplate()
                                        .getMetadata()
                                        .getLabels()))
                        .as(colour)
                        .isTrue();
            }
        }
    }

    @Nested
    @DisplayName("the member-service Service")
    class TheService {

        @Test
        @DisplayName("selects exactly one colour, blue: all of member-service's traffic goes there")
        void selectsOneColour() {
            assertThat(selectedColours(service(rendered()))).containsExactly("blue");
            assertThat(rendered().workloadsInCluster())
                    .filteredOn(workload ->
                            Labels.matches(service(rendered()).getSpec().getSelector(), workload.podLabels()))
                    .extracting(Workload::name)
                    .containsExactly(SERVICE + "-blue");
        }

        @Test
        @DisplayName("switches to green with one change, the selector's colour, and back again the same way")
        void switchAndSwitchBack(@TempDir Path work) throws IOException {
            Rendered green = switchedTo("green", work.resolve("green"));
            Rendered back = switchedTo("blue", work.resolve("back"));

            assertThat(selectedColours(service(green))).containsExactly("green");
            assertThat(differences(rendered(), green))
                    .containsExactly("v1 Service studyboard/member-service spec.selector.color: blue -> green");
            assertThat(selectedColours(service(back))).containsExactly("blue");
            assertThat(differences(rendered(), back)).isEmpty();
        }
    }

    @Test
    @DisplayName("is documented in k8s/README.md: how to start it, switch, and switch back")
    void documented() {
        assertThat(StudyBoard.readme())
                .contains("kubectl apply -k k8s/blue-green")
                .contains(
                        "kubectl -n studyboard patch service member-service -p '{\"spec\":{\"selector\":{\"color\":\"green\"}}}'")
                .contains(
                        "kubectl -n studyboard patch service member-service -p '{\"spec\":{\"selector\":{\"color\":\"blue\"}}}'");
    }

    /**
     * k8s/blue-green with the switch an operator makes: a kustomization next to it (in a temporary directory) that
     * patches only the Service's colour, rendered like every overlay.
     */
    private static Rendered switchedTo(String colour, Path dir) throws IOException {
        Files.createDirectories(dir);
        String base = dir.relativize(Overlay.BLUE_GREEN.dir()).toString().replace('\\', '/');
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - patch: |-
                      apiVersion: v1
                      kind: Service
                      metadata:
                        name: member-service
                        namespace: studyboard
                      spec:
                        selector:
                          color: %s
                """.formatted(base, colour));
        return Rendered.of(StrictManifests.parseAll(Kustomize.fromEnvironment().render(dir)));
    }

    /** Every leaf that differs between two renderings, as "object path: before -> after". */
    private static Set<String> differences(Rendered before, Rendered after) {
        Map<String, Object> left = leaves(before.own());
        Map<String, Object> right = leaves(after.own());
        Set<String> differences = new TreeSet<>();
        Set<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        for (String path : paths) {
            Object was = left.get(path);
            Object is = right.get(path);
            if (was == null ? is != null : !was.equals(is)) {
                differences.add(path + ": " + was + " -> " + is);
            }
        }
        return differences;
    }

    private static Map<String, Object> leaves(List<HasMetadata> objects) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        Map<String, Object> leaves = new LinkedHashMap<>();
        for (HasMetadata object : objects) {
            String id = object.getApiVersion() + " " + object.getKind() + " "
                    + object.getMetadata().getNamespace() + "/"
                    + object.getMetadata().getName();
            flatten(id + " ", serialization.convertValue(object, Map.class), leaves);
        }
        return leaves;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.endsWith(" ") ? prefix + key : prefix + "." + key, child, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(prefix, value);
        }
    }

    /** The pod spec as a map, with every container image blanked out. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutImages(PodSpec spec) {
        Map<String, Object> map = new KubernetesSerialization().convertValue(spec, Map.class);
        for (Object container : (List<Object>) map.getOrDefault("containers", List.of())) {
            ((Map<String, Object>) container).remove("image");
        }
        return map;
    }
}
