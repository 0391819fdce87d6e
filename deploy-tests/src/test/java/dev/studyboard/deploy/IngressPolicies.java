package dev.studyboard.deploy;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small evaluator of NetworkPolicy ingress rules, enough to answer "may pod A open a connection to pod B?"
 * the way a network plugin would. It knows pod selectors, namespace selectors (a namespace carries the
 * label kubernetes.io/metadata.name), ipBlocks (taken as "from outside the cluster") and ports.
 */
final class IngressPolicies {

    /** A connection's end as a policy sees it. */
    record Peer(String app, String namespace, Map<String, String> labels, List<ContainerPort> ports) {}

    /** A client outside the namespace: the ingress controller, or anything beyond the cluster. */
    static final Peer OUTSIDE =
            new Peer("outside", "ingress-nginx", Map.of(StudyBoard.NAME_LABEL, "ingress-nginx"), List.of());

    /** Prometheus, in the monitoring namespace (kube-prometheus-stack labels its pods so). */
    static final Peer PROMETHEUS =
            new Peer("prometheus", "monitoring", Map.of(StudyBoard.NAME_LABEL, "prometheus"), List.of());

    /** Another pod of the monitoring namespace (Grafana, say): it scrapes nothing and is admitted nowhere. */
    static final Peer MONITORING_NEIGHBOUR =
            new Peer("grafana", "monitoring", Map.of(StudyBoard.NAME_LABEL, "grafana"), List.of());

    private final List<NetworkPolicy> policies;

    IngressPolicies(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    static Peer peer(Workload workload) {
        return new Peer(
                workload.app(),
                workload.namespace(),
                workload.podLabels(),
                workload.pod().getContainers().stream()
                        .flatMap(c -> c.getPorts().stream())
                        .toList());
    }

    /** May {@code from} open a connection to any port of {@code to}? */
    boolean allows(Peer from, Peer to) {
        return to.ports().stream().anyMatch(port -> allows(from, to, port));
    }

    /** May {@code from} open a connection to {@code to} on this one port? */
    boolean allows(Peer from, Peer to, ContainerPort port) {
        List<NetworkPolicy> isolating = policies.stream()
                .filter(policy -> Objects.equals(policy.getMetadata().getNamespace(), to.namespace()))
                .filter(policy -> Labels.matches(policy.getSpec().getPodSelector(), to.labels()))
                .filter(IngressPolicies::governsIngress)
                .toList();
        if (isolating.isEmpty()) {
            return true; // a pod no policy selects is not isolated
        }
        // Policies add up: one rule of one policy that lets the connection in is enough.
        return isolating.stream()
                .flatMap(policy -> policy.getSpec().getIngress().stream())
                .anyMatch(rule -> admitsPeer(rule, from, to.namespace()) && admitsPort(rule, port));
    }

    private static boolean governsIngress(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types == null || types.isEmpty() || types.contains("Ingress");
    }

    private static boolean admitsPeer(NetworkPolicyIngressRule rule, Peer from, String policyNamespace) {
        if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
            return true; // no `from`: any source
        }
        return rule.getFrom().stream().anyMatch(peer -> matches(peer, from, policyNamespace));
    }

    private static boolean matches(NetworkPolicyPeer peer, Peer from, String policyNamespace) {
        if (peer.getIpBlock() != null) {
            return from == OUTSIDE;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? Objects.equals(from.namespace(), policyNamespace) // podSelector alone: the policy's namespace
                : Labels.matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", from.namespace()));
        boolean podMatches = peer.getPodSelector() == null || Labels.matches(peer.getPodSelector(), from.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean admitsPort(NetworkPolicyIngressRule rule, ContainerPort port) {
        if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
            return true; // no `ports`: every port
        }
        return rule.getPorts().stream().anyMatch(allowed -> matches(allowed, port));
    }

    private static boolean matches(NetworkPolicyPort allowed, ContainerPort port) {
        String protocol = Objects.requireNonNullElse(allowed.getProtocol(), "TCP");
        if (!protocol.equals(Objects.requireNonNullElse(port.getProtocol(), "TCP"))) {
            return false;
        }
        IntOrString number = allowed.getPort();
        if (number == null) {
            return true;
        }
        return number.getIntVal() != null
                ? number.getIntVal().equals(port.getContainerPort())
                : number.getStrVal().equals(port.getName());
    }
}
