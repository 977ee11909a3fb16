package org.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.deploy.Manifests.BASE;
import static org.newsroom.deploy.Manifests.KUBERNETES;
import static org.newsroom.deploy.Manifests.apps;
import static org.newsroom.deploy.Manifests.at;
import static org.newsroom.deploy.Manifests.baseResources;
import static org.newsroom.deploy.Manifests.containers;
import static org.newsroom.deploy.Manifests.document;
import static org.newsroom.deploy.Manifests.documents;
import static org.newsroom.deploy.Manifests.env;
import static org.newsroom.deploy.Manifests.environmentVariables;
import static org.newsroom.deploy.Manifests.kind;
import static org.newsroom.deploy.Manifests.kustomizations;
import static org.newsroom.deploy.Manifests.list;
import static org.newsroom.deploy.Manifests.map;
import static org.newsroom.deploy.Manifests.maps;
import static org.newsroom.deploy.Manifests.name;
import static org.newsroom.deploy.Manifests.named;
import static org.newsroom.deploy.Manifests.ofKind;
import static org.newsroom.deploy.Manifests.podSpec;
import static org.newsroom.deploy.Manifests.portNumber;
import static org.newsroom.deploy.Manifests.text;
import static org.newsroom.deploy.Manifests.yamlFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.deploy.Manifests.App;

/**
 * The base's workloads: one Deployment, Service and ServiceAccount per part of
 * docs/conventions.md, hardened, probed on the management port, sized, configured from the
 * conventions' environment variables with every secret from a Secret, and scaled on its own.
 */
class WorkloadsTest {

    /** Names that carry credentials: never a literal value. */
    private static final Pattern SENSITIVE = Pattern.compile(
            "MONGODB_URI|.*(SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE|PEM|SIGNINGKEY|_KEY$).*");

    private static List<Map<String, Object>> base;

    @BeforeAll
    static void read() {
        base = baseResources();
    }

    @Test
    void theConventionsNameTheFourParts() {
        assertThat(apps()).extracting(App::name)
                .containsExactlyInAnyOrder("gateway", "membership-service", "article-service", "voting-service");
    }

    @Test
    void everyPartHasADeploymentServiceAndServiceAccountOnItsConventionPorts() {
        Map<String, Object> kustomization = document(BASE.resolve("kustomization.yaml"));
        SoftAssertions softly = new SoftAssertions();
        for (App app : apps()) {
            Map<String, Object> deployment = named(base, "Deployment", app.name());
            Map<String, Object> service = named(base, "Service", app.name());
            Map<String, Object> account = named(base, "ServiceAccount", app.name());
            softly.assertThat(deployment).as("Deployment %s", app.name()).isNotNull();
            softly.assertThat(service).as("Service %s", app.name()).isNotNull();
            softly.assertThat(account).as("ServiceAccount %s", app.name()).isNotNull();
            if (deployment == null || service == null || account == null) {
                continue;
            }
            softly.assertThat(at(account, "automountServiceAccountToken")).as("%s ServiceAccount token", app.name()).isEqualTo(false);
            softly.assertThat(podSpec(deployment).get("serviceAccountName")).as("%s service account", app.name()).isEqualTo(app.name());
            softly.assertThat(podSpec(deployment).get("automountServiceAccountToken")).as("%s pod token", app.name()).isEqualTo(false);

            Map<String, Object> container = containers(deployment).get(0);
            softly.assertThat(text(container, "image")).as("%s image", app.name()).isEqualTo("newsroom/" + app.name());
            softly.assertThat(portNumber(container, "http")).as("%s http port", app.name()).isEqualTo(app.port());
            softly.assertThat(portNumber(container, "management")).as("%s management port", app.name()).isEqualTo(app.managementPort());
            Map<String, Map<String, Object>> env = env(container);
            softly.assertThat(text(env.get("SERVER_PORT"), "value")).as("%s SERVER_PORT", app.name()).isEqualTo(String.valueOf(app.port()));
            softly.assertThat(text(env.get("MANAGEMENT_SERVER_PORT"), "value")).as("%s MANAGEMENT_SERVER_PORT", app.name())
                    .isEqualTo(String.valueOf(app.managementPort()));

            Map<String, Object> selector = map(at(service, "spec", "selector"));
            softly.assertThat(map(at(deployment, "spec", "template", "metadata", "labels"))).as("%s pods match their Service", app.name())
                    .containsAllEntriesOf(selector);
            softly.assertThat(selector).as("%s Service selector", app.name()).isNotEmpty();
            Map<String, Integer> servicePorts = new java.util.HashMap<>();
            for (Map<String, Object> port : maps(at(service, "spec", "ports"))) {
                servicePorts.put(text(port, "name"), (Integer) port.get("port"));
            }
            softly.assertThat(servicePorts).as("%s Service ports", app.name())
                    .containsEntry("http", app.port())
                    .containsEntry("management", app.managementPort());

            softly.assertThat(maps(kustomization.get("images")).stream().map(i -> text(i, "name")))
                    .as("base kustomization images").contains("newsroom/" + app.name());
        }
        softly.assertAll();
    }

    @Test
    void everyDeploymentIsHardened() {
        List<Map<String, Object>> deployments = ofKind(base, "Deployment");
        assertThat(deployments).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> deployment : deployments) {
            String name = name(deployment);
            Map<String, Object> pod = podSpec(deployment);
            softly.assertThat(at(pod, "securityContext", "runAsNonRoot")).as("%s runAsNonRoot", name).isEqualTo(true);
            softly.assertThat(at(pod, "securityContext", "seccompProfile", "type")).as("%s seccomp", name).isEqualTo("RuntimeDefault");
            softly.assertThat(pod.get("enableServiceLinks")).as("%s service links", name).isEqualTo(false);
            for (Map<String, Object> container : containers(deployment)) {
                Map<String, Object> security = map(container.get("securityContext"));
                softly.assertThat(security.get("allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", name).isEqualTo(false);
                softly.assertThat(security.get("readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", name).isEqualTo(true);
                softly.assertThat(security.get("privileged")).as("%s privileged", name).isNotEqualTo(true);
                softly.assertThat(list(at(security, "capabilities", "drop"))).as("%s dropped capabilities", name).contains("ALL");
                softly.assertThat(list(at(security, "capabilities", "add"))).as("%s added capabilities", name).isEmpty();

                String tmpVolume = maps(container.get("volumeMounts")).stream()
                        .filter(m -> "/tmp".equals(m.get("mountPath")))
                        .map(m -> text(m, "name"))
                        .findFirst().orElse(null);
                softly.assertThat(tmpVolume).as("%s mounts a writable /tmp", name).isNotNull();
                softly.assertThat(maps(pod.get("volumes")).stream()
                                .anyMatch(v -> text(v, "name").equals(tmpVolume) && v.containsKey("emptyDir")))
                        .as("%s /tmp is an emptyDir", name).isTrue();

                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        softly.assertThat(text(container, "resources", bound, resource)).as("%s %s.%s", name, bound, resource).isNotBlank();
                    }
                }
                String javaOptions = text(env(container).get("JAVA_TOOL_OPTIONS"), "value");
                softly.assertThat(javaOptions).as("%s JAVA_TOOL_OPTIONS: heap from the container limit", name)
                        .contains("-XX:MaxRAMPercentage=");
            }
        }
        softly.assertAll();
    }

    @Test
    void probesAskTheManagementPort() {
        SoftAssertions softly = new SoftAssertions();
        for (App app : apps()) {
            Map<String, Object> deployment = named(base, "Deployment", app.name());
            if (deployment == null) {
                softly.fail("no Deployment " + app.name());
                continue;
            }
            Map<String, Object> container = containers(deployment).get(0);
            Map<String, String> paths = Map.of(
                    "startupProbe", "/actuator/health/liveness",
                    "livenessProbe", "/actuator/health/liveness",
                    "readinessProbe", "/actuator/health/readiness");
            paths.forEach((probe, path) -> {
                softly.assertThat(text(container, probe, "httpGet", "path")).as("%s %s path", app.name(), probe).isEqualTo(path);
                softly.assertThat(portNumber(container, at(container, probe, "httpGet", "port")))
                        .as("%s %s port", app.name(), probe).isEqualTo(app.managementPort());
            });
        }
        softly.assertAll();
    }

    @Test
    void configurationFollowsTheConventions() {
        assertThat(environmentVariables()).contains("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "NEWSROOM_JWT_ISSUER",
                "NEWSROOM_JWKS_URI", "MEMBERSHIP_SERVICE_URL", "ARTICLE_SERVICE_URL", "VOTING_SERVICE_URL",
                "SERVER_PORT", "MANAGEMENT_SERVER_PORT");
        SoftAssertions softly = new SoftAssertions();
        for (App app : apps()) {
            Map<String, Object> deployment = named(base, "Deployment", app.name());
            if (deployment == null) {
                continue;
            }
            Map<String, Map<String, Object>> env = env(containers(deployment).get(0));
            List<String> expected = app.isGateway()
                    ? List.of("NEWSROOM_JWT_ISSUER", "NEWSROOM_JWKS_URI", "MEMBERSHIP_SERVICE_URL", "ARTICLE_SERVICE_URL", "VOTING_SERVICE_URL")
                    : List.of("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "NEWSROOM_JWT_ISSUER", "NEWSROOM_JWKS_URI");
            softly.assertThat(env).as("%s environment", app.name()).containsKeys(expected.toArray(String[]::new));
            if (app.isGateway()) {
                softly.assertThat(env).as("the gateway never talks to Kafka or MongoDB").doesNotContainKeys("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");
            }
            else {
                softly.assertThat(at(env.get("MONGODB_URI"), "valueFrom", "secretKeyRef", "name")).as("%s MONGODB_URI from a Secret", app.name())
                        .isNotNull();
            }
        }
        Map<String, Object> membership = named(base, "Deployment", "membership-service");
        Map<String, Map<String, Object>> env = env(containers(membership).get(0));
        softly.assertThat(env.keySet()).as("membership-service signs with a key from a Secret")
                .anyMatch(n -> n.startsWith("NEWSROOM_AUTH_SIGNINGKEYS_0_") && at(env.get(n), "valueFrom", "secretKeyRef") != null);
        softly.assertThat(env.keySet()).as("membership-service verifies webhooks with secrets from a Secret")
                .filteredOn(n -> n.contains("WEBHOOK")).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(n -> at(env.get(n), "valueFrom", "secretKeyRef") != null);
        softly.assertAll();
    }

    @Test
    void noSecretValueIsWrittenDown() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (Path file : yamlFiles()) {
            String where = KUBERNETES.relativize(file).toString();
            String content = Files.readString(file);
            softly.assertThat(content).as("%s holds a private key", where).doesNotContain("-----BEGIN");
            softly.assertThat(content).as("%s holds a connection string with credentials", where)
                    .doesNotContainPattern("mongodb(\\+srv)?://[^\\s/@]+:[^\\s/@]+@");
            for (Map<String, Object> doc : documents(file)) {
                softly.assertThat(kind(doc)).as("%s: Secrets are created by operators, not kept here", where).isNotEqualTo("Secret");
                softly.assertThat(doc).as("%s: no secretGenerator", where).doesNotContainKey("secretGenerator");
                for (Map<String, Object> container : containersIn(doc)) {
                    env(container).forEach((name, entry) -> {
                        if (SENSITIVE.matcher(name).matches()) {
                            softly.assertThat(entry).as("%s: %s is taken from a Secret", where, name).doesNotContainKey("value");
                            softly.assertThat(at(entry, "valueFrom", "secretKeyRef")).as("%s: %s from a Secret", where, name).isNotNull();
                        }
                    });
                }
            }
        }
        for (Path file : kustomizations()) {
            for (Map<String, Object> generator : maps(document(file).get("configMapGenerator"))) {
                for (Object literal : list(generator.get("literals"))) {
                    String key = String.valueOf(literal).split("=", 2)[0];
                    softly.assertThat(SENSITIVE.matcher(key).matches()).as("%s: ConfigMap literal %s looks secret", file, key).isFalse();
                }
            }
        }
        softly.assertAll();
    }

    /**
     * A secret a part reads from its environment (a {@code ${NAME:default}} placeholder in its
     * application.yml, whose default is for local use only) is set from a Secret in Kubernetes.
     */
    @Test
    void everySecretAPartReadsComesFromASecret() throws IOException {
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (App app : apps()) {
            Path config = Manifests.DEPLOY.getParent().resolve(app.name()).resolve("src/main/resources/application.yml");
            Map<String, Object> deployment = named(base, "Deployment", app.name());
            if (!Files.isRegularFile(config) || deployment == null) {
                continue;
            }
            Map<String, Map<String, Object>> env = env(containers(deployment).get(0));
            java.util.regex.Matcher m = placeholder.matcher(Files.readString(config));
            while (m.find()) {
                String variable = m.group(1);
                if (SENSITIVE.matcher(variable).matches()) {
                    checked++;
                    softly.assertThat(at(env.get(variable), "valueFrom", "secretKeyRef", "name"))
                            .as("%s reads %s (%s): set it from a Secret", app.name(), variable, KUBERNETES.relativize(BASE))
                            .isNotNull();
                }
            }
        }
        softly.assertAll();
        assertThat(checked).as("secrets found in the parts' application.yml").isPositive();
    }

    @Test
    void everyPartHasADisruptionBudgetAndAnAutoscaler() {
        SoftAssertions softly = new SoftAssertions();
        for (App app : apps()) {
            Map<String, Object> deployment = named(base, "Deployment", app.name());
            Map<String, Object> budget = named(base, "PodDisruptionBudget", app.name());
            Map<String, Object> autoscaler = named(base, "HorizontalPodAutoscaler", app.name());
            softly.assertThat(budget).as("PodDisruptionBudget %s", app.name()).isNotNull();
            softly.assertThat(autoscaler).as("HorizontalPodAutoscaler %s", app.name()).isNotNull();
            if (deployment == null || budget == null || autoscaler == null) {
                continue;
            }
            softly.assertThat(map(at(deployment, "spec", "template", "metadata", "labels")))
                    .as("%s budget selects its pods", app.name())
                    .containsAllEntriesOf(map(at(budget, "spec", "selector", "matchLabels")));
            softly.assertThat(text(autoscaler, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
            softly.assertThat(text(autoscaler, "spec", "scaleTargetRef", "name")).as("%s autoscaler target", app.name()).isEqualTo(app.name());
            softly.assertThat(at(deployment, "spec", "replicas")).as("%s: the autoscaler owns the replica count", app.name()).isNull();
            int min = (Integer) at(autoscaler, "spec", "minReplicas");
            int max = (Integer) at(autoscaler, "spec", "maxReplicas");
            softly.assertThat(min).as("%s minReplicas", app.name()).isGreaterThanOrEqualTo(2);
            softly.assertThat(max).as("%s maxReplicas", app.name()).isGreaterThan(min);
            if (!app.isGateway()) {
                softly.assertThat(max).as("%s scales to one consumer per partition", app.name()).isEqualTo(TopicsAndMonitoringTest.PARTITIONS);
            }
        }
        softly.assertAll();
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideAndManagementOnlyFromMonitoring() {
        List<Map<String, Object>> policies = ofKind(base, "NetworkPolicy");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(policies).as("a default deny of ingress for every pod")
                .anyMatch(p -> map(at(p, "spec", "podSelector")).isEmpty()
                        && list(at(p, "spec", "policyTypes")).contains("Ingress")
                        && list(at(p, "spec", "ingress")).isEmpty());
        for (Map<String, Object> policy : policies) {
            Map<String, Object> target = map(at(policy, "spec", "podSelector", "matchLabels"));
            for (Map<String, Object> rule : maps(at(policy, "spec", "ingress"))) {
                List<Object> ports = maps(rule.get("ports")).stream().map(p -> p.get("port")).toList();
                List<Map<String, Object>> from = maps(rule.get("from"));
                softly.assertThat(ports).as("%s names its ports", name(policy)).isNotEmpty();
                softly.assertThat(from).as("%s names its sources", name(policy)).isNotEmpty();
                boolean outside = from.stream().anyMatch(f -> f.containsKey("namespaceSelector") || f.containsKey("ipBlock"));
                if (!outside) {
                    continue;
                }
                if (ports.contains("management")) {
                    softly.assertThat(ports).as("%s: management only", name(policy)).containsOnly("management");
                    softly.assertThat(from).as("%s: from the monitoring namespace", name(policy)).allMatch(f ->
                            "monitoring".equals(at(f, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")));
                }
                else {
                    softly.assertThat(target).as("%s: only the gateway is open to another namespace", name(policy))
                            .containsEntry("app.kubernetes.io/name", "gateway");
                    softly.assertThat(ports).as("%s: on its HTTP port only", name(policy)).containsOnly("http");
                }
            }
        }
        softly.assertThat(policies).as("the management ports are open to the monitoring namespace")
                .anyMatch(p -> maps(at(p, "spec", "ingress")).stream().anyMatch(r ->
                        maps(r.get("ports")).stream().anyMatch(port -> "management".equals(port.get("port")))));

        List<Map<String, Object>> ingresses = ofKind(base, "Ingress");
        softly.assertThat(ingresses).as("one Ingress").hasSize(1);
        for (Map<String, Object> ingress : ingresses) {
            for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
                for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
                    softly.assertThat(text(path, "backend", "service", "name")).as("Ingress backend").isEqualTo("gateway");
                    softly.assertThat(text(path, "backend", "service", "port", "name")).as("Ingress backend port").isEqualTo("http");
                }
            }
        }
        softly.assertAll();
    }

    /** Containers of a Deployment (or a patch of one) in any YAML document. */
    private static List<Map<String, Object>> containersIn(Map<String, Object> doc) {
        return maps(at(doc, "spec", "template", "spec", "containers"));
    }
}
