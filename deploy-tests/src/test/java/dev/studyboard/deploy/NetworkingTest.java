package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Networking")
class NetworkingTest {

    @Nested
    @DisplayName("Services")
    class Services {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("every Service selects pods, and every port targets a port those pods expose")
        void servicesReachPods(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            assertSoftly(softly -> rendered.own(Service.class).forEach(service -> {
                String name = service.getMetadata().getName();
                Map<String, String> selector = service.getSpec().getSelector();
                softly.assertThat(selector)
                        .as("Service %s has a selector", name)
                        .isNotEmpty();
                List<Workload> selected = rendered.workloadsInCluster().stream()
                        .filter(workload -> workload.namespace()
                                .equals(service.getMetadata().getNamespace()))
                        .filter(workload -> Labels.matches(selector, workload.podLabels()))
                        .toList();
                softly.assertThat(selected)
                        .as("pods selected by Service %s %s", name, selector)
                        .isNotEmpty();
                for (ServicePort port : service.getSpec().getPorts()) {
                    IntOrString target =
                            port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                    selected.forEach(workload -> softly.assertThat(WorkloadTest.exposes(
                                    workload.pod().getContainers().stream()
                                            .flatMap(c -> c.getPorts().stream())
                                            .toList(),
                                    target))
                            .as(
                                    "Service %s port %s targets %s, exposed by %s",
                                    name,
                                    port.getPort(),
                                    target.getIntVal() != null ? target.getIntVal() : target.getStrVal(),
                                    workload)
                            .isTrue());
                }
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("are ClusterIP only: nothing is exposed on a node port or load balancer")
        void clusterIpOnly(Overlay overlay) {
            assertThat(overlay.rendered().own(Service.class))
                    .allSatisfy(service -> assertThat(service.getSpec().getType())
                            .as("type of Service %s", service.getMetadata().getName())
                            .isIn(null, "ClusterIP"));
        }
    }

    @Nested
    @DisplayName("the Ingress")
    class TheIngress {

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName("sends every request to api-gateway, on a port its Service exposes")
        void onlyTheGatewayIsPublic(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            List<Ingress> ingresses = rendered.own(Ingress.class);
            assertThat(ingresses).hasSize(1);

            List<IngressBackend> backends = new ArrayList<>();
            for (Ingress ingress : ingresses) {
                Optional.ofNullable(ingress.getSpec().getDefaultBackend()).ifPresent(backends::add);
                for (IngressRule rule : ingress.getSpec().getRules()) {
                    rule.getHttp().getPaths().stream()
                            .map(HTTPIngressPath::getBackend)
                            .forEach(backends::add);
                }
            }
            assertThat(backends).isNotEmpty().allSatisfy(backend -> {
                assertThat(backend.getService().getName()).isEqualTo("api-gateway");
                Service gateway = rendered.find(Service.class, StudyBoard.NAMESPACE, "api-gateway")
                        .orElseThrow();
                var port = backend.getService().getPort();
                assertThat(gateway.getSpec().getPorts())
                        .as("api-gateway Service port %s", port.getName() != null ? port.getName() : port.getNumber())
                        .anyMatch(servicePort -> port.getName() != null
                                ? port.getName().equals(servicePort.getName())
                                : port.getNumber().equals(servicePort.getPort()));
            });
        }
    }

    @Nested
    @DisplayName("NetworkPolicies")
    class NetworkPolicies {

        /** Who may open a connection to whom, by app.kubernetes.io/name; "outside" is any client beyond the namespace. */
        private static final String EVERYONE = "*";

        private static final Map<String, Set<String>> EXPECTED_CALLERS = Map.of(
                "api-gateway", Set.of(EVERYONE),
                "catalog-service", Set.of("api-gateway"),
                "member-service", Set.of("api-gateway"),
                "progress-service", Set.of("api-gateway"),
                "catalog-db", Set.of("catalog-service"),
                "member-db", Set.of("member-service"),
                "progress-db", Set.of("progress-service"),
                "kafka", Set.of("catalog-service", "member-service", "progress-service", "kafka"),
                "zipkin", Set.of("api-gateway", "catalog-service", "member-service", "progress-service"));

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("let each pod be reached only by its intended callers")
        void reachability(Overlay overlay) {
            List<Workload> workloads = overlay.rendered().workloadsInCluster();
            IngressPolicies policies = new IngressPolicies(overlay.rendered().inCluster(NetworkPolicy.class));
            List<IngressPolicies.Peer> callers = new ArrayList<>(
                    workloads.stream().map(IngressPolicies::peer).toList());
            callers.add(IngressPolicies.OUTSIDE);
            Set<String> everyone =
                    callers.stream().map(IngressPolicies.Peer::app).collect(Collectors.toCollection(TreeSet::new));

            Map<String, Set<String>> actual = new TreeMap<>();
            Map<String, Set<String>> expected = new TreeMap<>();
            for (Workload workload : workloads) {
                IngressPolicies.Peer target = IngressPolicies.peer(workload);
                actual.computeIfAbsent(target.app(), app -> new TreeSet<>())
                        .addAll(callers.stream()
                                .filter(caller -> policies.allows(caller, target))
                                .map(IngressPolicies.Peer::app)
                                .toList());
                Set<String> intended = EXPECTED_CALLERS.getOrDefault(target.app(), Set.of());
                expected.put(
                        target.app(),
                        intended.contains(EVERYONE)
                                ? everyone
                                : intended.stream()
                                        .filter(everyone::contains)
                                        .collect(Collectors.toCollection(TreeSet::new)));
            }

            assertThat(actual).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName("start from a default deny of all ingress traffic")
        void defaultDeny(Overlay overlay) {
            assertThat(overlay.rendered().own(NetworkPolicy.class)).anySatisfy(policy -> {
                assertThat(Labels.isEmpty(policy.getSpec().getPodSelector()))
                        .as("selects every pod")
                        .isTrue();
                assertThat(policy.getSpec().getPolicyTypes()).contains("Ingress");
                assertThat(policy.getSpec().getIngress()).isEmpty();
            });
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName(
                "select pods that exist, and admit callers that exist (a typo in a label would silently cut traffic)")
        void selectorsSelectPods(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            List<Workload> pods = rendered.workloadsInCluster();
            assertSoftly(softly -> rendered.own(NetworkPolicy.class).forEach(policy -> {
                String name = policy.getMetadata().getName();
                softly.assertThat(pods)
                        .as("pods selected by NetworkPolicy %s", name)
                        .anyMatch(pod -> Labels.matches(policy.getSpec().getPodSelector(), pod.podLabels()));
                policy.getSpec().getIngress().stream()
                        .flatMap(rule -> rule.getFrom().stream())
                        .filter(peer -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null)
                        .map(NetworkPolicyPeer::getPodSelector)
                        .forEach(selector -> softly.assertThat(pods)
                                .as("callers admitted by NetworkPolicy %s", name)
                                .anyMatch(pod -> Labels.matches(selector, pod.podLabels())));
            }));
        }
    }
}
