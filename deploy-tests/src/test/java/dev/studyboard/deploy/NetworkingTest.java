package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.fabric8.kubernetes.api.model.ContainerPort;
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
        @DisplayName(
                "never expose a management port: actuator is reached pod to pod, by Prometheus, not through a Service")
        void noServiceExposesActuator(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            assertSoftly(softly -> rendered.own(Service.class).forEach(service -> {
                List<Workload> selected = rendered.workloadsInCluster().stream()
                        .filter(workload -> Labels.matches(service.getSpec().getSelector(), workload.podLabels()))
                        .toList();
                for (ServicePort port : service.getSpec().getPorts()) {
                    IntOrString target =
                            port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                    selected.forEach(workload -> workload.pod().getContainers().stream()
                            .flatMap(container -> container.getPorts().stream())
                            .filter(containerPort -> StudyBoard.MANAGEMENT_PORT_NAME.equals(containerPort.getName()))
                            .forEach(management -> softly.assertThat(WorkloadTest.exposes(List.of(management), target))
                                    .as(
                                            "Service %s port %s targets the management port of %s",
                                            service.getMetadata().getName(), port.getPort(), workload)
                                    .isFalse()));
                }
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName("keep a browser on the api-gateway pod that holds its session: cookie affinity on the Ingress"
                + " (ingress-nginx balances over the pods past the Service); ClientIP affinity on the Service for"
                + " callers that reach it directly")
        void gatewaySessionAffinity(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            Service gateway = rendered.find(Service.class, StudyBoard.NAMESPACE, "api-gateway")
                    .orElseThrow();
            Ingress ingress = rendered.own(Ingress.class).stream()
                    .filter(candidate -> candidate.getSpec().getRules().stream()
                            .flatMap(rule -> rule.getHttp().getPaths().stream())
                            .anyMatch(path ->
                                    path.getBackend().getService().getName().equals("api-gateway")))
                    .findFirst()
                    .orElseThrow();

            assertThat(gateway.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
            assertThat(ingress.getMetadata().getAnnotations())
                    .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
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
    @DisplayName("the Ingresses")
    class TheIngresses {

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName(
                "send the API to api-gateway, and only the auth-server's own host to the auth-server, on ports their Services expose")
        void onlyTheGatewayAndTheLoginArePublic(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            List<Ingress> ingresses = rendered.own(Ingress.class);
            assertThat(ingresses).hasSize(2);

            Map<String, Set<String>> hostsByBackend = new TreeMap<>();
            List<IngressBackend> backends = new ArrayList<>();
            for (Ingress ingress : ingresses) {
                Optional.ofNullable(ingress.getSpec().getDefaultBackend()).ifPresent(backend -> {
                    backends.add(backend);
                    hostsByBackend
                            .computeIfAbsent(backend.getService().getName(), name -> new TreeSet<>())
                            .add("*");
                });
                for (IngressRule rule : ingress.getSpec().getRules()) {
                    rule.getHttp().getPaths().stream()
                            .map(HTTPIngressPath::getBackend)
                            .forEach(backend -> {
                                backends.add(backend);
                                hostsByBackend
                                        .computeIfAbsent(backend.getService().getName(), name -> new TreeSet<>())
                                        .add(rule.getHost() == null ? "*" : rule.getHost());
                            });
                }
            }
            assertThat(hostsByBackend).containsOnlyKeys("api-gateway", "auth-server");
            assertThat(hostsByBackend.get("auth-server"))
                    .as("the auth-server is served under a host of its own")
                    .singleElement()
                    .isNotEqualTo("*")
                    .isNotIn(hostsByBackend.get("api-gateway"));
            assertThat(backends).allSatisfy(backend -> {
                String name = backend.getService().getName();
                Service service =
                        rendered.find(Service.class, StudyBoard.NAMESPACE, name).orElseThrow();
                var port = backend.getService().getPort();
                assertThat(service.getSpec().getPorts())
                        .as("%s Service port %s", name, port.getName() != null ? port.getName() : port.getNumber())
                        .anyMatch(servicePort -> port.getName() != null
                                ? port.getName().equals(servicePort.getName())
                                : port.getNumber().equals(servicePort.getPort()));
            });
        }
    }

    @Nested
    @DisplayName("NetworkPolicies")
    class NetworkPolicies {

        /**
         * Who may open a connection to which port of whom, by app.kubernetes.io/name and container port name;
         * "*" is anyone, also beyond the namespace (the ingress controller, wherever it runs).
         */
        private static final String EVERYONE = "*";

        private static final Set<String> DOMAIN_SERVICES =
                Set.of("catalog-service", "member-service", "progress-service");

        private static final Map<String, Set<String>> EXPECTED_CALLERS = Map.ofEntries(
                Map.entry("api-gateway:http", Set.of(EVERYONE)),
                Map.entry("auth-server:http", Set.of(EVERYONE)),
                Map.entry("catalog-service:http", Set.of("api-gateway")),
                Map.entry("member-service:http", Set.of("api-gateway")),
                Map.entry("progress-service:http", Set.of("api-gateway")),
                Map.entry("api-gateway:management", Set.of("prometheus")),
                Map.entry("auth-server:management", Set.of("prometheus")),
                Map.entry("catalog-service:management", Set.of("prometheus")),
                Map.entry("member-service:management", Set.of("prometheus")),
                Map.entry("progress-service:management", Set.of("prometheus")),
                Map.entry("catalog-db:postgres", Set.of("catalog-service")),
                Map.entry("member-db:postgres", Set.of("member-service")),
                Map.entry("progress-db:postgres", Set.of("progress-service")),
                Map.entry("auth-db:postgres", Set.of("auth-server")),
                Map.entry("kafka:kafka", union(DOMAIN_SERVICES, Set.of("kafka"))),
                Map.entry("kafka:controller", Set.of("kafka")),
                Map.entry("zipkin:http", union(DOMAIN_SERVICES, Set.of("api-gateway", "auth-server"))));

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("let each port of each pod be reached only by its intended callers: the APIs by their clients, the"
                + " management ports by Prometheus alone")
        void reachability(Overlay overlay) {
            List<Workload> workloads = overlay.rendered().workloadsInCluster();
            IngressPolicies policies = new IngressPolicies(overlay.rendered().inCluster(NetworkPolicy.class));
            List<IngressPolicies.Peer> callers = new ArrayList<>(
                    workloads.stream().map(IngressPolicies::peer).toList());
            callers.addAll(
                    List.of(IngressPolicies.OUTSIDE, IngressPolicies.PROMETHEUS, IngressPolicies.MONITORING_NEIGHBOUR));
            Set<String> everyone =
                    callers.stream().map(IngressPolicies.Peer::app).collect(Collectors.toCollection(TreeSet::new));

            Map<String, Set<String>> actual = new TreeMap<>();
            Map<String, Set<String>> expected = new TreeMap<>();
            for (Workload workload : workloads) {
                IngressPolicies.Peer target = IngressPolicies.peer(workload);
                for (ContainerPort port : target.ports()) {
                    String key = target.app() + ":" + port.getName();
                    actual.computeIfAbsent(key, k -> new TreeSet<>())
                            .addAll(callers.stream()
                                    .filter(caller -> policies.allows(caller, target, port))
                                    .map(IngressPolicies.Peer::app)
                                    .toList());
                    Set<String> intended = EXPECTED_CALLERS.getOrDefault(key, Set.of());
                    expected.put(
                            key,
                            intended.contains(EVERYONE)
                                    ? everyone
                                    : intended.stream()
                                            .filter(everyone::contains)
                                            .collect(Collectors.toCollection(TreeSet::new)));
                }
            }

            assertThat(actual).isEqualTo(expected);
        }

        private static Set<String> union(Set<String> first, Set<String> second) {
            Set<String> union = new TreeSet<>(first);
            union.addAll(second);
            return union;
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
