package dev.studyboard.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code kubectl apply -k <overlay>} leaves in the cluster. {@link #own} are the objects the overlay
 * renders; {@link #inCluster} adds those of the release it is applied on top of, which is where its
 * references (Secrets, Services, ...) must resolve.
 */
final class Rendered {

    private final List<HasMetadata> own;
    private final List<HasMetadata> cluster;

    private Rendered(List<HasMetadata> own, List<HasMetadata> cluster) {
        this.own = List.copyOf(own);
        this.cluster = List.copyOf(cluster);
    }

    static Rendered of(Overlay overlay) {
        List<HasMetadata> own =
                StrictManifests.parseAll(Kustomize.fromEnvironment().render(overlay.dir()));
        List<HasMetadata> cluster = new ArrayList<>(own);
        overlay.appliedOnTopOf()
                .ifPresent(below -> cluster.addAll(below.rendered().inCluster()));
        return new Rendered(own, cluster);
    }

    /** Objects rendered from a kustomization that is no {@link Overlay}, applied on its own (a test's variant of one). */
    static Rendered of(List<HasMetadata> objects) {
        return new Rendered(objects, objects);
    }

    List<HasMetadata> own() {
        return own;
    }

    List<HasMetadata> inCluster() {
        return cluster;
    }

    <T extends HasMetadata> List<T> own(Class<T> kind) {
        return ofKind(own, kind);
    }

    <T extends HasMetadata> List<T> inCluster(Class<T> kind) {
        return ofKind(cluster, kind);
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String namespace, String name) {
        return inCluster(kind).stream()
                .filter(object -> Objects.equals(object.getMetadata().getNamespace(), namespace))
                .filter(object -> Objects.equals(object.getMetadata().getName(), name))
                .findFirst();
    }

    /** The keys of a ConfigMap in the cluster, if there is one by that name. */
    Optional<Set<String>> configMapKeys(String namespace, String name) {
        return find(ConfigMap.class, namespace, name)
                .map(configMap -> keys(configMap.getData(), configMap.getBinaryData()));
    }

    /** The keys of a Secret in the cluster, if there is one by that name. */
    Optional<Set<String>> secretKeys(String namespace, String name) {
        return find(Secret.class, namespace, name).map(secret -> keys(secret.getData(), secret.getStringData()));
    }

    /** Deployments, StatefulSets and CronJobs this overlay renders. */
    List<Workload> workloads() {
        return workloads(own);
    }

    /** Deployments, StatefulSets and CronJobs in the cluster after the apply. */
    List<Workload> workloadsInCluster() {
        return workloads(cluster);
    }

    /** The workloads that run one of the build's images (studyboard/...). */
    List<Workload> studyBoardWorkloads() {
        return workloads().stream().filter(Workload::runsStudyBoardImage).toList();
    }

    /** The Study Board services: the workloads of the build's images that serve until stopped (not the jobs). */
    List<Workload> studyBoardServices() {
        return studyBoardWorkloads().stream()
                .filter(workload -> !workload.runsToCompletion())
                .toList();
    }

    private static List<Workload> workloads(List<HasMetadata> objects) {
        return objects.stream()
                .filter(object ->
                        object instanceof Deployment || object instanceof StatefulSet || object instanceof CronJob)
                .map(Workload::of)
                .toList();
    }

    private static Set<String> keys(Map<String, String> first, Map<String, String> second) {
        Set<String> keys = new TreeSet<>();
        if (first != null) {
            keys.addAll(first.keySet());
        }
        if (second != null) {
            keys.addAll(second.keySet());
        }
        return keys;
    }

    private static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
