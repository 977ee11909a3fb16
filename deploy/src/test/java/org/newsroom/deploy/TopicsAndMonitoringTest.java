package org.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.deploy.Manifests.COMPONENTS;
import static org.newsroom.deploy.Manifests.MONITORING;
import static org.newsroom.deploy.Manifests.apps;
import static org.newsroom.deploy.Manifests.at;
import static org.newsroom.deploy.Manifests.document;
import static org.newsroom.deploy.Manifests.list;
import static org.newsroom.deploy.Manifests.maps;
import static org.newsroom.deploy.Manifests.name;
import static org.newsroom.deploy.Manifests.ofKind;
import static org.newsroom.deploy.Manifests.resources;
import static org.newsroom.deploy.Manifests.text;
import static org.newsroom.deploy.Manifests.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.newsroom.deploy.Manifests.App;

/** Topics as Strimzi KafkaTopics, and monitoring that finds what the services export. */
class TopicsAndMonitoringTest {

    /** docs/conventions.md: six partitions per topic, so a consumer group scales to six. */
    static final int PARTITIONS = 6;

    private static final Pattern DEAD_LETTER = Pattern.compile("error\\.(newsroom\\.[a-z]+\\.v\\d+)\\.([a-z-]+)");

    @Test
    void everyTopicOfTheConventionsIsAKafkaTopicWithSixPartitions() {
        Set<String> topics = topics();
        assertThat(topics).containsExactlyInAnyOrder("newsroom.membership.v1", "newsroom.article.v1", "newsroom.voting.v1");
        List<Map<String, Object>> kafkaTopics = ofKind(resources(COMPONENTS.resolve("strimzi-topics")), "KafkaTopic");

        SoftAssertions softly = new SoftAssertions();
        for (String topic : topics) {
            Map<String, Object> resource = byTopicName(kafkaTopics, topic);
            softly.assertThat(resource).as("KafkaTopic %s", topic).isNotNull();
            if (resource != null) {
                assertReplicatedTopic(softly, resource);
            }
        }
        softly.assertAll();
    }

    @Test
    void deadLetterTopicsMirrorTheirTopicForAServiceThatConsumesIt() {
        List<Map<String, Object>> kafkaTopics = ofKind(resources(COMPONENTS.resolve("strimzi-topics")), "KafkaTopic");
        Set<String> services = new TreeSet<>();
        apps().stream().filter(a -> !a.isGateway()).map(App::name).forEach(services::add);
        List<String> deadLetters = new ArrayList<>();

        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> resource : kafkaTopics) {
            String topicName = topicName(resource);
            softly.assertThat(text(resource, "metadata", "labels", "strimzi.io/cluster")).as("%s cluster label", topicName).isNotBlank();
            if (!topicName.startsWith("error.")) {
                continue;
            }
            deadLetters.add(topicName);
            Matcher m = DEAD_LETTER.matcher(topicName);
            softly.assertThat(m.matches()).as("%s is error.<topic>.<group>", topicName).isTrue();
            if (!m.matches()) {
                continue;
            }
            softly.assertThat(topics()).as("%s: source topic", topicName).contains(m.group(1));
            softly.assertThat(services).as("%s: consumer group (a service)", topicName).contains(m.group(2));
            softly.assertThat(m.group(1)).as("%s: a service does not consume its own topic", topicName)
                    .isNotEqualTo("newsroom." + m.group(2).replace("-service", "") + ".v1");
            assertReplicatedTopic(softly, resource);
        }
        softly.assertThat(deadLetters).as("dead-letter topics").isNotEmpty();
        softly.assertAll();
    }

    @Test
    void theServiceMonitorScrapesTheManagementPorts() {
        List<Map<String, Object>> monitoring = resources(COMPONENTS.resolve("monitoring"));
        List<Map<String, Object>> monitors = new ArrayList<>(ofKind(monitoring, "ServiceMonitor"));
        monitors.addAll(ofKind(monitoring, "PodMonitor"));
        assertThat(monitors).isNotEmpty();
        for (Map<String, Object> monitor : monitors) {
            List<Map<String, Object>> endpoints = new ArrayList<>(maps(at(monitor, "spec", "endpoints")));
            endpoints.addAll(maps(at(monitor, "spec", "podMetricsEndpoints")));
            assertThat(endpoints).as("%s endpoints", name(monitor)).isNotEmpty().allSatisfy(endpoint -> {
                assertThat(endpoint.get("port")).isEqualTo("management");
                assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
            });
        }
    }

    @Test
    void alertsCoverLagDeadLettersErrorsAndOpenBreakers() {
        List<Map<String, Object>> rules = ofKind(resources(COMPONENTS.resolve("monitoring")), "PrometheusRule");
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            for (Map<String, Object> group : maps(at(rule, "spec", "groups"))) {
                for (Map<String, Object> alert : maps(group.get("rules"))) {
                    assertThat(text(alert, "alert")).isNotBlank();
                    assertThat(text(alert, "labels", "severity")).as("%s severity", text(alert, "alert")).isNotBlank();
                    expressions.add(text(alert, "expr"));
                }
            }
        }
        assertThat(expressions)
                .anyMatch(e -> e.contains("spring_cloud_stream_binder_kafka_offset"))
                .anyMatch(e -> e.contains("error\\\\.newsroom"))
                .anyMatch(e -> e.contains("http_server_requests_seconds_count") && e.contains("5.."))
                .anyMatch(e -> e.contains("resilience4j_circuitbreaker_state") && e.contains("open"));
    }

    @Test
    void prometheusScrapesEveryManagementPortOfTheLocalStack() {
        Map<String, Object> config = document(MONITORING.resolve("prometheus.yml"));
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> job : maps(config.get("scrape_configs"))) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            for (Map<String, Object> group : maps(job.get("static_configs"))) {
                list(group.get("targets")).forEach(t -> targets.add(String.valueOf(t)));
            }
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(
                apps().stream().map(a -> "localhost:" + a.managementPort()).toList());
    }

    @Test
    void theDashboardShowsRequestsEventsLagAndMemory() {
        Map<String, Object> dashboard = document(MONITORING.resolve("grafana/newsroom-overview.json"));
        assertThat(text(dashboard, "uid")).isNotBlank();
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : maps(dashboard.get("panels"))) {
            for (Map<String, Object> target : maps(panel.get("targets"))) {
                expressions.add(text(target, "expr"));
            }
        }
        assertThat(expressions)
                .anyMatch(e -> e.contains("http_server_requests_seconds_count"))
                .anyMatch(e -> e.contains("http_server_requests_seconds_bucket"))
                .anyMatch(e -> e.contains("newsroom_events_published_total") && e.contains("type"))
                .anyMatch(e -> e.contains("newsroom_events_consumed_total") && e.contains("consumer") && e.contains("outcome"))
                .anyMatch(e -> e.contains("spring_cloud_stream_binder_kafka_offset"))
                .anyMatch(e -> e.contains("jvm_memory_used_bytes"));
    }

    private static void assertReplicatedTopic(SoftAssertions softly, Map<String, Object> resource) {
        String topic = topicName(resource);
        softly.assertThat(at(resource, "spec", "partitions")).as("%s partitions", topic).isEqualTo(PARTITIONS);
        softly.assertThat(at(resource, "spec", "replicas")).as("%s replicas", topic).isEqualTo(3);
        softly.assertThat(at(resource, "spec", "config", "min.insync.replicas")).as("%s min.insync.replicas", topic).isEqualTo(2);
    }

    private static Map<String, Object> byTopicName(List<Map<String, Object>> kafkaTopics, String topic) {
        return kafkaTopics.stream().filter(t -> topic.equals(topicName(t))).findFirst().orElse(null);
    }

    private static String topicName(Map<String, Object> kafkaTopic) {
        String explicit = text(kafkaTopic, "spec", "topicName");
        return explicit != null ? explicit : name(kafkaTopic);
    }
}
