package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Scaling and availability")
class ScalingTest {

    @Nested
    @DisplayName("HorizontalPodAutoscalers")
    class Autoscalers {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("scale Deployments that exist, between sensible bounds")
        void targetExistingDeployments(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            assertSoftly(softly -> rendered.own(HorizontalPodAutoscaler.class).forEach(autoscaler -> {
                String name = autoscaler.getMetadata().getName();
                var target = autoscaler.getSpec().getScaleTargetRef();
                softly.assertThat(target.getApiVersion() + " " + target.getKind())
                        .as("%s scaleTargetRef", name)
                        .isEqualTo("apps/v1 Deployment");
                softly.assertThat(rendered.find(
                                Deployment.class, autoscaler.getMetadata().getNamespace(), target.getName()))
                        .as("%s scales Deployment %s", name, target.getName())
                        .isPresent();
                softly.assertThat(autoscaler.getSpec().getMinReplicas())
                        .as("%s minReplicas", name)
                        .isNotNull()
                        .isPositive()
                        .isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
                softly.assertThat(autoscaler.getSpec().getMetrics())
                        .as("%s metrics", name)
                        .isNotEmpty();
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("own the replica count: a Deployment has either an autoscaler or a replicas field, never both")
        void autoscalerOwnsReplicas(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            Set<String> scaled = rendered.inCluster(HorizontalPodAutoscaler.class).stream()
                    .map(autoscaler -> autoscaler.getSpec().getScaleTargetRef().getName())
                    .collect(Collectors.toSet());
            assertSoftly(softly -> rendered.own(Deployment.class).forEach(deployment -> {
                String name = deployment.getMetadata().getName();
                Optional<Integer> replicas =
                        Optional.ofNullable(deployment.getSpec().getReplicas());
                softly.assertThat(replicas.isPresent() != scaled.contains(name))
                        .as("%s: replicas %s, autoscaled %s", name, replicas.orElse(null), scaled.contains(name))
                        .isTrue();
            }));
        }
    }

    @Nested
    @DisplayName("PodDisruptionBudgets")
    class DisruptionBudgets {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("select the pods of an existing Deployment, and never block a node drain")
        void selectDeployments(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            List<Workload> deployments = rendered.workloadsInCluster().stream()
                    .filter(workload -> workload.object() instanceof Deployment)
                    .toList();
            assertSoftly(softly -> rendered.own(PodDisruptionBudget.class).forEach(budget -> {
                String name = budget.getMetadata().getName();
                softly.assertThat(deployments)
                        .as("Deployments whose pods %s selects", name)
                        .anyMatch(deployment -> Labels.matches(budget.getSpec().getSelector(), deployment.podLabels()));
                // minAvailable equal to the replica count would make every eviction wait forever.
                softly.assertThat(budget.getSpec().getMaxUnavailable())
                        .as("%s maxUnavailable", name)
                        .isNotNull();
            }));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Overlay.class,
            names = {"LOCAL", "PRODUCTION"})
    @DisplayName("every service is stateless, so each has an autoscaler and a disruption budget")
    void everyServiceScales(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        assertSoftly(softly -> rendered.studyBoardServices().forEach(workload -> {
            softly.assertThat(rendered.own(HorizontalPodAutoscaler.class))
                    .as("autoscaler for %s", workload)
                    .anyMatch(autoscaler ->
                            autoscaler.getSpec().getScaleTargetRef().getName().equals(workload.name()));
            softly.assertThat(rendered.own(PodDisruptionBudget.class))
                    .as("disruption budget for %s", workload)
                    .anyMatch(budget -> Labels.matches(budget.getSpec().getSelector(), workload.podLabels()));
        }));
        assertThat(rendered.studyBoardServices()).isNotEmpty();
    }
}
