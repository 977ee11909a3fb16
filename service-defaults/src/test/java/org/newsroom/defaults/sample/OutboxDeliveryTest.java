package org.newsroom.defaults.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.defaults.outbox.OutboxRelay;
import org.newsroom.defaults.test.KafkaProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SampleServiceTest
class OutboxDeliveryTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, byte[]> outboxKafka;

    @Test
    void anEventWrittenWhileTheRelayIsDownReachesTheTopicOnceItRuns() {
        String id = UUID.randomUUID().toString();
        relay.stop();
        try {
            // The state change and its event are one write; the process "dies" before publishing.
            mongo.insert(new Note(id, "written during an outage", List.of(
                    new OutboxEvent(UUID.randomUUID().toString(), "org.newsroom.sample.note-written.v1", id,
                            Instant.parse("2026-11-28T10:00:00Z"), "{\"noteId\":\"" + id + "\",\"version\":1}"))))
                    .block();
            assertThat(KafkaProbe.readFor(SampleApplication.TOPIC, KafkaProbe.withKey(id), Duration.ofSeconds(2)))
                    .as("nothing is published while the relay is down").isEmpty();
        }
        finally {
            relay.start();
        }

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.read(SampleApplication.TOPIC, KafkaProbe.withKey(id), 1,
                Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        assertThat(KafkaProbe.value(records.get(0))).isEqualTo("{\"noteId\":\"" + id + "\",\"version\":1}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(id, Note.class).block().outbox().isEmpty());
    }

    @Test
    void eventsGoOutAsBinaryModeCloudEventsWithUnderscoreHeaders() {
        String id = http.post().uri("/api/notes").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(org.newsroom.defaults.test.TestIssuer.shared().token("member-1", "READER")))
                .bodyValue(Map.of("text", "hello readers"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.read(SampleApplication.TOPIC, KafkaProbe.withKey(id), 1,
                Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(record.key()).isEqualTo(id);
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("org.newsroom.sample.note-written.v1");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/newsroom/sample-service");
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(id);
        assertThat(KafkaProbe.header(record, "ce_id")).isNotBlank();
        assertThat(Instant.parse(KafkaProbe.header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(KafkaProbe.header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.headers()).extracting(Header::key)
                .noneMatch(name -> name.startsWith("ce-"));
        assertThat(KafkaProbe.value(record)).contains("\"text\":\"hello readers\"");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(id, Note.class).block().outbox().isEmpty());
    }

    @Test
    void theRelaysProducerIsIdempotentWaitsForAllReplicasAndGivesUpOnAnAbsentBrokerWithinSeconds() {
        Map<String, Object> config = outboxKafka.getProducerFactory().getConfigurationProperties();
        assertThat(String.valueOf(config.get("acks"))).isEqualTo("all");
        assertThat(String.valueOf(config.get("enable.idempotence"))).isEqualTo("true");
        // What cannot be sent in time stays in the outbox for the sweep.
        assertThat(Long.parseLong(String.valueOf(config.get("max.block.ms")))).isBetween(1L, 5000L);
    }

    @Test
    void eventsOfOneDocumentArePublishedInTheOrderTheyWereWritten() {
        String id = UUID.randomUUID().toString();
        List<OutboxEvent> events = java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(n -> new OutboxEvent(UUID.randomUUID().toString(), "org.newsroom.sample.note-written.v1", id,
                        Instant.now(), "{\"version\":" + n + "}"))
                .toList();
        mongo.insert(new Note(id, "five changes", events)).block();
        relay.publish("notes", id).block();

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.read(SampleApplication.TOPIC, KafkaProbe.withKey(id), 5,
                Duration.ofSeconds(20));
        assertThat(records).extracting(KafkaProbe::value)
                .containsExactly("{\"version\":1}", "{\"version\":2}", "{\"version\":3}", "{\"version\":4}",
                        "{\"version\":5}");
        assertThat(mongo.findById(id, Note.class).block().outbox()).isEmpty();
    }
}
