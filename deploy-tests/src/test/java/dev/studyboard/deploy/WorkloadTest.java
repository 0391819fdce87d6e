package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Workloads")
class WorkloadTest {

    @Nested
    @DisplayName("selectors")
    class Selectors {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("every Deployment and StatefulSet selects the pods of its own template")
        void selectorMatchesTemplate(Overlay overlay) {
            // (A CronJob's Jobs get their selector from Kubernetes.)
            assertSoftly(softly -> overlay.rendered().workloads().stream()
                    .filter(workload -> !workload.runsToCompletion())
                    .forEach(workload -> softly.assertThat(Labels.matches(workload.selector(), workload.podLabels()))
                            .as(
                                    "%s: selector %s matches pod labels %s",
                                    workload, workload.selector().getMatchLabels(), workload.podLabels())
                            .isTrue()));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("no two workloads claim the same pods")
        void selectorsDoNotOverlap(Overlay overlay) {
            // Two Deployments whose selectors both match a pod fight over it (the stable/canary pair tells
            // them apart with `track`).
            List<Workload> workloads = overlay.rendered().workloadsInCluster();
            assertSoftly(softly -> workloads.forEach(owner -> workloads.stream()
                    .filter(other -> other != owner && Objects.equals(other.namespace(), owner.namespace()))
                    .forEach(other -> softly.assertThat(Labels.matches(owner.selector(), other.podLabels()))
                            .as("%s's selector also matches the pods of %s", owner, other)
                            .isFalse())));
        }
    }

    @Nested
    @DisplayName("the Study Board services")
    class Services {

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName(
                "are the gateway, the auth-server and the three domain services of the build; discovery-server stays out,"
                        + " Kubernetes does discovery")
        void deployedServicesAreTheBuildsModules(Overlay overlay) {
            Set<String> deployed = overlay.rendered().studyBoardServices().stream()
                    .map(Workload::app)
                    .collect(Collectors.toSet());

            assertThat(deployed).containsExactlyInAnyOrderElementsOf(StudyBoard.deployedNames());
            assertThat(StudyBoard.modules()).containsAll(deployed).containsAll(StudyBoard.NOT_DEPLOYED);
            assertThat(overlay.rendered().inCluster())
                    .noneMatch(object -> object.getMetadata().getName().contains("discovery"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("run the image of their own module, with a version tag")
        void runTheirOwnImage(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardWorkloads().forEach(workload -> {
                String image = workload.mainContainer().getImage();
                Matcher parts = StudyBoard.STUDY_BOARD_IMAGE.matcher(image);
                softly.assertThat(parts.matches())
                        .as("%s image %s is studyboard/<module>:<tag>", workload, image)
                        .isTrue();
                if (parts.matches()) {
                    softly.assertThat(parts.group("module"))
                            .as("%s: module of image %s", workload, image)
                            .isEqualTo(workload.app())
                            .isIn(StudyBoard.modules());
                    softly.assertThat(parts.group("tag"))
                            .as("%s: tag of image %s", workload, image)
                            .isNotNull()
                            .isNotEqualTo("latest");
                }
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName(
                "listen on their conventional API port (PORT) and serve actuator on a management port of its own (MANAGEMENT_PORT)")
        void listenOnTheirPorts(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardServices().forEach(workload -> {
                Container container = workload.mainContainer();
                StudyBoard.DeployedService service =
                        StudyBoard.deployed(workload.app()).orElseThrow();
                softly.assertThat(container.getPorts())
                        .as("%s container ports", workload)
                        .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                        .containsExactlyInAnyOrder(
                                tuple("http", service.port()),
                                tuple(StudyBoard.MANAGEMENT_PORT_NAME, service.managementPort()));
                Environment environment = new Environment(workload, container, overlay);
                softly.assertThat(environment.value("PORT"))
                        .as("%s PORT", workload)
                        .contains(String.valueOf(service.port()));
                softly.assertThat(environment.value("MANAGEMENT_PORT"))
                        .as("%s MANAGEMENT_PORT", workload)
                        .contains(String.valueOf(service.managementPort()));
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName("put actuator on the port MANAGEMENT_PORT names (their application.yml's management.server.port)")
        void actuatorOnTheManagementPort(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardServices().forEach(workload -> {
                SpringConfig config = StudyBoard.springConfig(
                        workload.app(), new Environment(workload, workload.mainContainer(), overlay).springProfiles());
                softly.assertThat(config.property("management.server.port"))
                        .as("%s management.server.port", workload.app())
                        .hasValueSatisfying(port -> assertThat(port).startsWith("${MANAGEMENT_PORT"));
            }));
        }
    }

    @Nested
    @DisplayName("health probes")
    class Probes {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("start-up and liveness ask the liveness group, readiness the readiness group")
        void probesUseTheHealthGroups(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardServices().forEach(workload -> {
                Container container = workload.mainContainer();
                softly.assertThat(httpPath(container.getStartupProbe()))
                        .as("%s startupProbe", workload)
                        .contains("/actuator/health/liveness");
                softly.assertThat(httpPath(container.getLivenessProbe()))
                        .as("%s livenessProbe", workload)
                        .contains("/actuator/health/liveness");
                softly.assertThat(httpPath(container.getReadinessProbe()))
                        .as("%s readinessProbe", workload)
                        .contains("/actuator/health/readiness");
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("probes and Prometheus's scrape go to the management port, never to the API port")
        void probesAndScrapesUseTheManagementPort(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardServices().forEach(workload -> {
                Container container = workload.mainContainer();
                int management =
                        StudyBoard.deployed(workload.app()).orElseThrow().managementPort();
                for (Probe probe : probes(container)) {
                    softly.assertThat(probe.getHttpGet())
                            .as("%s probes over HTTP", workload)
                            .isNotNull();
                    if (probe.getHttpGet() != null) {
                        softly.assertThat(containerPort(
                                        container, probe.getHttpGet().getPort()))
                                .as(
                                        "%s probe port %s",
                                        workload, probe.getHttpGet().getPort())
                                .contains(management);
                    }
                }
                Map<String, String> annotations =
                        workload.template().getMetadata().getAnnotations();
                softly.assertThat(annotations)
                        .as("%s pod annotations", workload)
                        .containsEntry("prometheus.io/scrape", "true")
                        .containsEntry("prometheus.io/port", String.valueOf(management))
                        .containsEntry("prometheus.io/path", "/actuator/prometheus");
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("ask only health groups the service's application.yml enables")
        void probePathsAreEnabledByTheService(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardWorkloads().forEach(workload -> {
                Container container = workload.mainContainer();
                List<String> profiles = new Environment(workload, container, overlay).springProfiles();
                SpringConfig config = StudyBoard.springConfig(workload.app(), profiles);
                // Until the service's application.yml exists, the convention (probes enabled) stands in for it.
                Set<String> enabled = config.exists()
                        ? config.healthPaths()
                        : Set.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");
                for (Probe probe : probes(container)) {
                    httpPath(probe)
                            .ifPresent(path -> softly.assertThat(path)
                                    .as("%s probe path (application.yml enables %s)", workload, enabled)
                                    .isIn(enabled));
                }
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("every probe of every workload targets a port the container exposes")
        void probesTargetAContainerPort(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().workloads().forEach(workload -> {
                for (Container container : workload.pod().getContainers()) {
                    for (Probe probe : probes(container)) {
                        IntOrString port = probe.getHttpGet() != null
                                ? probe.getHttpGet().getPort()
                                : probe.getTcpSocket() != null
                                        ? probe.getTcpSocket().getPort()
                                        : null;
                        if (port != null) {
                            softly.assertThat(exposes(container.getPorts(), port))
                                    .as("%s container %s exposes probe port %s", workload, container.getName(), port)
                                    .isTrue();
                        }
                    }
                }
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("every container of every long-running workload has readiness and liveness probes")
        void everyContainerIsProbed(Overlay overlay) {
            // A job's pod takes no traffic and ends by itself: its deadline (activeDeadlineSeconds) stands in.
            assertSoftly(softly -> overlay.rendered().workloads().stream()
                    .filter(workload -> !workload.runsToCompletion())
                    .forEach(workload -> workload.pod().getContainers().forEach(container -> {
                        softly.assertThat(container.getReadinessProbe())
                                .as("%s readinessProbe", workload)
                                .isNotNull();
                        softly.assertThat(container.getLivenessProbe())
                                .as("%s livenessProbe", workload)
                                .isNotNull();
                    })));
        }
    }

    @Nested
    @DisplayName("security")
    class Security {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName(
                "every container runs as a non-root user, without privilege escalation or capabilities, under seccomp")
        void everyContainerIsLockedDown(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().workloads().forEach(workload -> {
                PodSecurityContext pod =
                        Objects.requireNonNullElse(workload.pod().getSecurityContext(), new PodSecurityContext());
                for (Container container : workload.allContainers()) {
                    SecurityContext own =
                            Objects.requireNonNullElse(container.getSecurityContext(), new SecurityContext());
                    String what = workload + " container " + container.getName();
                    // A container's own setting wins over the pod's.
                    softly.assertThat(firstNonNull(own.getRunAsNonRoot(), pod.getRunAsNonRoot()))
                            .as("%s runAsNonRoot", what)
                            .isTrue();
                    softly.assertThat(firstNonNull(own.getRunAsUser(), pod.getRunAsUser()))
                            .as("%s runAsUser", what)
                            .isNotNull()
                            .isNotZero();
                    softly.assertThat(own.getAllowPrivilegeEscalation())
                            .as("%s allowPrivilegeEscalation", what)
                            .isFalse();
                    softly.assertThat(
                                    own.getCapabilities() == null
                                            ? List.of()
                                            : own.getCapabilities().getDrop())
                            .as("%s capabilities.drop", what)
                            .contains("ALL");
                    var seccomp = firstNonNull(own.getSeccompProfile(), pod.getSeccompProfile());
                    softly.assertThat(seccomp == null ? null : seccomp.getType())
                            .as("%s seccompProfile", what)
                            .isEqualTo("RuntimeDefault");
                }
                softly.assertThat(workload.pod().getAutomountServiceAccountToken())
                        .as("%s automountServiceAccountToken (no pod here calls the Kubernetes API)", workload)
                        .isFalse();
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("the services run on a read-only root filesystem with an emptyDir for /tmp")
        void servicesHaveAReadOnlyRootFilesystem(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardWorkloads().forEach(workload -> {
                Container container = workload.mainContainer();
                softly.assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                        .as("%s readOnlyRootFilesystem", workload)
                        .isTrue();
                Optional<String> tmpVolume = container.getVolumeMounts().stream()
                        .filter(mount -> mount.getMountPath().equals("/tmp"))
                        .map(VolumeMount::getName)
                        .findFirst();
                softly.assertThat(tmpVolume)
                        .as("%s mounts a volume at /tmp", workload)
                        .isPresent();
                tmpVolume.ifPresent(name -> softly.assertThat(workload.pod().getVolumes())
                        .as("%s volume %s is an emptyDir", workload, name)
                        .anyMatch(volume -> volume.getName().equals(name) && volume.getEmptyDir() != null));
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("every volume a container mounts is declared by its pod or a volumeClaimTemplate")
        void everyMountHasAVolume(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().workloads().forEach(workload -> {
                Set<String> volumes = workload.pod().getVolumes().stream()
                        .map(Volume::getName)
                        .collect(Collectors.toSet());
                if (workload.object() instanceof StatefulSet statefulSet) {
                    statefulSet
                            .getSpec()
                            .getVolumeClaimTemplates()
                            .forEach(claim -> volumes.add(claim.getMetadata().getName()));
                }
                workload.allContainers()
                        .forEach(container -> container
                                .getVolumeMounts()
                                .forEach(mount -> softly.assertThat(volumes)
                                        .as("%s container %s mounts %s", workload, container.getName(), mount.getName())
                                        .contains(mount.getName())));
            }));
        }
    }

    @Nested
    @DisplayName("resources")
    class Resources {

        /** What a JVM needs beside its heap: metaspace, code cache, thread stacks, direct buffers. */
        private static final BigDecimal NON_HEAP_MINIMUM = Quantity.getAmountInBytes(new Quantity("192Mi"));

        private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("every container requests and limits CPU and memory")
        void everyContainerHasRequestsAndLimits(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered()
                    .workloads()
                    .forEach(workload -> workload.allContainers().forEach(container -> {
                        var resources = container.getResources();
                        softly.assertThat(resources.getRequests())
                                .as("%s requests", workload)
                                .containsKeys("cpu", "memory");
                        softly.assertThat(resources.getLimits())
                                .as("%s limits", workload)
                                .containsKeys("cpu", "memory");
                    })));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("the JVM sizes its heap from the memory limit and leaves room for the rest")
        void heapFitsTheMemoryLimit(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardWorkloads().forEach(workload -> {
                Container container = workload.mainContainer();
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                // Request = limit: the JVM sees the limit as its machine size, and the pod is never squeezed below it.
                softly.assertThat(Quantity.getAmountInBytes(requests.get("memory")))
                        .as("%s memory request = limit", workload)
                        .isEqualByComparingTo(Quantity.getAmountInBytes(limits.get("memory")));

                String options = new Environment(workload, container, overlay)
                        .value("JAVA_TOOL_OPTIONS")
                        .orElse("");
                softly.assertThat(options).as("%s JAVA_TOOL_OPTIONS", workload).contains("-XX:+ExitOnOutOfMemoryError");
                Matcher percentage = MAX_RAM_PERCENTAGE.matcher(options);
                softly.assertThat(percentage.find())
                        .as("%s JAVA_TOOL_OPTIONS sets MaxRAMPercentage", workload)
                        .isTrue();
                if (percentage.find(0)) {
                    BigDecimal limit = Quantity.getAmountInBytes(limits.get("memory"));
                    BigDecimal heap =
                            limit.multiply(new BigDecimal(percentage.group(1))).movePointLeft(2);
                    softly.assertThat(limit.subtract(heap))
                            .as(
                                    "%s: memory limit %s minus a %s%% heap leaves at least 192Mi",
                                    workload, limits.get("memory"), percentage.group(1))
                            .isGreaterThanOrEqualTo(NON_HEAP_MINIMUM);
                }
            }));
        }
    }

    @Nested
    @DisplayName("shutdown and rollout")
    class Rollout {

        private static final Pattern SLEEP = Pattern.compile("\\bsleep\\s+(\\d+)");

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("a stopping pod first sleeps, then has time for Spring's graceful shutdown")
        void gracefulShutdownFitsTheGracePeriod(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardServices().forEach(workload -> {
                Container container = workload.mainContainer();
                Optional<Integer> sleep = preStopSleepSeconds(container);
                softly.assertThat(sleep).as("%s preStop sleep", workload).isPresent();
                long grace = Objects.requireNonNullElse(workload.pod().getTerminationGracePeriodSeconds(), 30L);
                softly.assertThat(grace)
                        .as(
                                "%s terminationGracePeriodSeconds > preStop sleep %s s + Spring's %s s",
                                workload, sleep.orElse(0), StudyBoard.SPRING_SHUTDOWN_PHASE_SECONDS)
                        .isGreaterThan(sleep.orElse(0) + StudyBoard.SPRING_SHUTDOWN_PHASE_SECONDS);
                // Graceful shutdown is Spring Boot's default; only `immediate` would turn it off.
                SpringConfig config = StudyBoard.springConfig(
                        workload.app(), new Environment(workload, container, overlay).springProfiles());
                softly.assertThat(config.property("server.shutdown"))
                        .as("%s server.shutdown", workload)
                        .isNotEqualTo(Optional.of("immediate"));
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("Deployments roll out one extra pod at a time and never drop below capacity")
        void rollingUpdate(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().own(Deployment.class).forEach(deployment -> {
                String name = deployment.getMetadata().getName();
                DeploymentStrategy strategy = deployment.getSpec().getStrategy();
                softly.assertThat(strategy == null ? null : strategy.getType())
                        .as("%s strategy", name)
                        .isEqualTo("RollingUpdate");
                if (strategy != null && strategy.getRollingUpdate() != null) {
                    softly.assertThat(strategy.getRollingUpdate().getMaxSurge())
                            .as("%s maxSurge", name)
                            .isEqualTo(new IntOrString(1));
                    softly.assertThat(strategy.getRollingUpdate().getMaxUnavailable())
                            .as("%s maxUnavailable", name)
                            .isEqualTo(new IntOrString(0));
                } else {
                    softly.fail("%s: set maxSurge and maxUnavailable explicitly", name);
                }
                softly.assertThat(deployment.getSpec().getRevisionHistoryLimit())
                        .as("%s revisionHistoryLimit", name)
                        .isNotNull()
                        .isBetween(1, 10);
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("StatefulSets name a headless Service that selects their pods")
        void statefulSetsHaveAGoverningService(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            assertSoftly(softly -> rendered.own(StatefulSet.class).forEach(statefulSet -> {
                String name = statefulSet.getMetadata().getName();
                Optional<Service> service = rendered.find(
                        Service.class,
                        statefulSet.getMetadata().getNamespace(),
                        statefulSet.getSpec().getServiceName());
                softly.assertThat(service)
                        .as("%s serviceName %s", name, statefulSet.getSpec().getServiceName())
                        .isPresent();
                service.ifPresent(governing -> {
                    softly.assertThat(governing.getSpec().getClusterIP())
                            .as("%s Service is headless", name)
                            .isEqualTo("None");
                    softly.assertThat(Labels.matches(
                                    governing.getSpec().getSelector(),
                                    statefulSet
                                            .getSpec()
                                            .getTemplate()
                                            .getMetadata()
                                            .getLabels()))
                            .as("%s Service selects its pods", name)
                            .isTrue();
                });
            }));
        }

        private Optional<Integer> preStopSleepSeconds(Container container) {
            LifecycleHandler preStop = container.getLifecycle() == null
                    ? null
                    : container.getLifecycle().getPreStop();
            if (preStop == null) {
                return Optional.empty();
            }
            if (preStop.getSleep() != null) {
                return Optional.of(preStop.getSleep().getSeconds().intValue());
            }
            if (preStop.getExec() != null) {
                Matcher sleep = SLEEP.matcher(String.join(" ", preStop.getExec().getCommand()));
                return sleep.find() ? Optional.of(Integer.parseInt(sleep.group(1))) : Optional.empty();
            }
            return Optional.empty();
        }
    }

    @Nested
    @DisplayName("third-party images")
    class ThirdPartyImages {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("are pinned to a version, never latest")
        void arePinned(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered()
                    .workloads()
                    .forEach(workload -> workload.allContainers().forEach(container -> {
                        String image = container.getImage();
                        String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : null;
                        softly.assertThat(tag)
                                .as("%s image %s has a tag", workload, image)
                                .isNotNull()
                                .isNotEqualTo("latest");
                    })));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Overlay.class, names = "PRODUCTION")
        @DisplayName("production pulls the services from a registry, not from a laptop's image cache")
        void productionUsesARegistry(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardWorkloads().forEach(workload -> {
                Matcher image = StudyBoard.STUDY_BOARD_IMAGE.matcher(
                        workload.mainContainer().getImage());
                softly.assertThat(image.matches() ? image.group("registry") : null)
                        .as(
                                "%s registry of %s",
                                workload, workload.mainContainer().getImage())
                        .isNotNull();
            }));
        }
    }

    static List<Probe> probes(Container container) {
        return Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                .filter(Objects::nonNull)
                .toList();
    }

    static Optional<String> httpPath(Probe probe) {
        return Optional.ofNullable(probe).map(Probe::getHttpGet).map(HTTPGetAction::getPath);
    }

    /** The number of the container port a probe names, by number or by name. */
    static Optional<Integer> containerPort(Container container, IntOrString port) {
        return port.getIntVal() != null
                ? Optional.of(port.getIntVal())
                : container.getPorts().stream()
                        .filter(containerPort -> port.getStrVal().equals(containerPort.getName()))
                        .map(ContainerPort::getContainerPort)
                        .findFirst();
    }

    /** A port given by number or by the name of a container port. */
    static boolean exposes(List<ContainerPort> ports, IntOrString port) {
        return ports.stream()
                .anyMatch(containerPort -> port.getIntVal() != null
                        ? port.getIntVal().equals(containerPort.getContainerPort())
                        : port.getStrVal().equals(containerPort.getName()));
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
