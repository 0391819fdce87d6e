package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The synthetic check as a serverless-style job: a CronJob that runs the journey once, to completion, and exits. */
@DisplayName("The synthetic check's CronJob")
class SyntheticCheckJobTest {

    static final String APP = "synthetic-check";
    /** "every N minutes", the only schedule form these checks read. */
    private static final Pattern EVERY_N_MINUTES = Pattern.compile("\\*/(\\d+) \\* \\* \\* \\*");

    private static CronJob cronJob(Overlay overlay) {
        return overlay.rendered().own(CronJob.class).stream()
                .filter(job -> job.getMetadata().getName().equals(APP))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " has no CronJob " + APP));
    }

    private static Workload workload(Overlay overlay) {
        return Workload.of(cronJob(overlay));
    }

    private static JobSpec job(Overlay overlay) {
        return cronJob(overlay).getSpec().getJobTemplate().getSpec();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Overlay.class,
            names = {"LOCAL", "PRODUCTION"})
    @DisplayName("runs the synthetic-check image in the once profile: one walk, then the process exits")
    void onceProfile(Overlay overlay) {
        Workload job = workload(overlay);
        List<String> profiles = new Environment(job, job.mainContainer(), overlay).springProfiles();
        SpringConfig config = StudyBoard.springConfig(APP, profiles);

        assertThat(StudyBoard.moduleOfImage(job.mainContainer().getImage())).contains(APP);
        assertThat(profiles).contains("kubernetes", "once");
        assertThat(config.property("studyboard.synthetic.once")).contains("true");
        assertThat(config.property("spring.main.web-application-type")).contains("none");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Overlay.class,
            names = {"LOCAL", "PRODUCTION"})
    @DisplayName(
            "runs to completion: a failed walk fails the Job at once, is not restarted, and is stopped at a deadline")
    void runsToCompletion(Overlay overlay) {
        assertThat(job(overlay).getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job(overlay).getBackoffLimit()).isZero();
        assertThat(job(overlay).getActiveDeadlineSeconds()).isNotNull().isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Overlay.class,
            names = {"LOCAL", "PRODUCTION"})
    @DisplayName("never runs twice at once: Forbid, and a deadline shorter than the time between two runs")
    void oneAtATime(Overlay overlay) {
        var spec = cronJob(overlay).getSpec();
        var every = EVERY_N_MINUTES.matcher(spec.getSchedule());
        assertThat(every.matches())
                .as("schedule %s is */N * * * *", spec.getSchedule())
                .isTrue();

        assertThat(spec.getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(job(overlay).getActiveDeadlineSeconds()).isLessThan(Long.parseLong(every.group(1)) * 60);
        assertThat(spec.getStartingDeadlineSeconds()).isNotNull().isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Overlay.class,
            names = {"LOCAL", "PRODUCTION"})
    @DisplayName("keeps a short history of finished runs, the failed ones with their logs")
    void boundedHistory(Overlay overlay) {
        var spec = cronJob(overlay).getSpec();
        assertThat(spec.getSuccessfulJobsHistoryLimit()).isBetween(1, 10);
        assertThat(spec.getFailedJobsHistoryLimit()).isBetween(1, 10);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Overlay.class,
            names = {"LOCAL", "PRODUCTION"})
    @DisplayName("scales to nothing between runs: nothing of it serves, no Deployment, Service or autoscaler")
    void nothingBetweenRuns(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        Workload job = workload(overlay);

        assertThat(rendered.workloads())
                .filteredOn(workload -> workload.app().equals(APP))
                .allMatch(Workload::runsToCompletion)
                .hasSize(1);
        assertThat(rendered.own(Service.class))
                .noneMatch(service -> Labels.matches(service.getSpec().getSelector(), job.podLabels()));
        assertThat(job.mainContainer().getPorts()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Overlay.class,
            names = {"LOCAL", "PRODUCTION"})
    @DisplayName(
            "walks through api-gateway with a token from the auth-server; its network policy lets it reach those two"
                    + " (and DNS), nothing else")
    void reachesTheGatewayAndTheAuthServerOnly(Overlay overlay) {
        Rendered rendered = overlay.rendered();
        Workload job = workload(overlay);
        Workload gateway = service(rendered, "api-gateway");
        Workload authServer = service(rendered, "auth-server");
        Environment environment = new Environment(job, job.mainContainer(), overlay);
        assertThat(environment.value("GATEWAY_URL")).contains("http://api-gateway:8080");
        assertThat(environment.value("AUTH_TOKEN_URI")).contains("http://auth-server:9000/oauth2/token");

        // the gateway's and the auth-server's ingress policies admit it on their API ports ...
        IngressPolicies policies = new IngressPolicies(rendered.inCluster(NetworkPolicy.class));
        assertThat(policies.allows(IngressPolicies.peer(job), IngressPolicies.peer(gateway), apiPort(gateway)))
                .isTrue();
        assertThat(policies.allows(IngressPolicies.peer(job), IngressPolicies.peer(authServer), apiPort(authServer)))
                .isTrue();
        // ... and its own egress policy allows their ports and DNS, nothing more
        NetworkPolicy egress = rendered.own(NetworkPolicy.class).stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains("Egress"))
                .filter(policy -> Labels.matches(policy.getSpec().getPodSelector(), job.podLabels()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no egress policy selects the synthetic check"));
        List<NetworkPolicyEgressRule> rules = egress.getSpec().getEgress();
        assertThat(rules).hasSize(3);
        for (Workload target : List.of(gateway, authServer)) {
            assertThat(rules).anySatisfy(rule -> {
                assertThat(rule.getTo())
                        .singleElement()
                        .satisfies(peer -> assertThat(Labels.matches(peer.getPodSelector(), target.podLabels()))
                                .isTrue());
                assertThat(rule.getPorts())
                        .extracting(NetworkPolicyPort::getPort)
                        .containsExactly(new IntOrString(apiPort(target).getContainerPort()));
            });
        }
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.getTo())
                    .singleElement()
                    .satisfies(peer -> assertThat(Optional.ofNullable(peer.getPodSelector())
                                    .map(s -> s.getMatchLabels().get("k8s-app")))
                            .contains("kube-dns"));
            assertThat(rule.getPorts()).extracting(NetworkPolicyPort::getPort).containsOnly(new IntOrString(53));
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Overlay.class,
            names = {"LOCAL", "PRODUCTION"})
    @DisplayName("takes its client secret from the auth-clients Secret, never from a literal or a ConfigMap")
    void clientSecretFromASecret(Overlay overlay) {
        Workload job = workload(overlay);
        EnvVar secret = job.mainContainer().getEnv().stream()
                .filter(env -> env.getName().equals("SYNTHETIC_CHECK_CLIENT_SECRET"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the synthetic check has no SYNTHETIC_CHECK_CLIENT_SECRET"));

        assertThat(secret.getValue()).isNull();
        assertThat(secret.getValueFrom().getSecretKeyRef().getName()).isEqualTo("auth-clients");
        assertThat(secret.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("SYNTHETIC_CHECK_CLIENT_SECRET");
    }

    private static Workload service(Rendered rendered, String app) {
        return rendered.studyBoardServices().stream()
                .filter(w -> w.app().equals(app))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + app));
    }

    private static ContainerPort apiPort(Workload workload) {
        return workload.mainContainer().getPorts().stream()
                .filter(port -> "http".equals(port.getName()))
                .findFirst()
                .orElseThrow();
    }
}
