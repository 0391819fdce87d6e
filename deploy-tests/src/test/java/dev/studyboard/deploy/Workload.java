package dev.studyboard.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Deployment, StatefulSet or CronJob seen through what the checks need: its selector and its pod template. A
 * CronJob has no selector of its own (Kubernetes makes one for each Job it starts): {@code selector} is null.
 */
record Workload(HasMetadata object, LabelSelector selector, PodTemplateSpec template) {

    static Workload of(HasMetadata object) {
        if (object instanceof Deployment deployment) {
            return new Workload(
                    deployment,
                    deployment.getSpec().getSelector(),
                    deployment.getSpec().getTemplate());
        }
        if (object instanceof StatefulSet statefulSet) {
            return new Workload(
                    statefulSet,
                    statefulSet.getSpec().getSelector(),
                    statefulSet.getSpec().getTemplate());
        }
        if (object instanceof CronJob cronJob) {
            return new Workload(
                    cronJob, null, cronJob.getSpec().getJobTemplate().getSpec().getTemplate());
        }
        throw new IllegalArgumentException("not a workload: " + object.getKind());
    }

    /** Runs to completion and exits (a CronJob's pods), rather than serving until it is stopped. */
    boolean runsToCompletion() {
        return object instanceof CronJob;
    }

    String name() {
        return object.getMetadata().getName();
    }

    String namespace() {
        return object.getMetadata().getNamespace();
    }

    Map<String, String> podLabels() {
        return template.getMetadata() == null || template.getMetadata().getLabels() == null
                ? Map.of()
                : template.getMetadata().getLabels();
    }

    /** The service (or database, or broker) the pods run, from their app.kubernetes.io/name label. */
    String app() {
        return podLabels().getOrDefault(StudyBoard.NAME_LABEL, name());
    }

    PodSpec pod() {
        return template.getSpec();
    }

    /** Init containers first, then the main ones. */
    List<Container> allContainers() {
        List<Container> containers = new ArrayList<>(pod().getInitContainers());
        containers.addAll(pod().getContainers());
        return containers;
    }

    /** The main container: the one named after the service, or the only one. */
    Container mainContainer() {
        List<Container> containers = pod().getContainers();
        return containers.stream()
                .filter(c -> c.getName().equals(app()))
                .findFirst()
                .orElse(containers.get(0));
    }

    boolean runsStudyBoardImage() {
        return allContainers().stream()
                .anyMatch(c -> StudyBoard.moduleOfImage(c.getImage()).isPresent());
    }

    @Override
    public String toString() {
        return object.getKind() + " " + name();
    }
}
