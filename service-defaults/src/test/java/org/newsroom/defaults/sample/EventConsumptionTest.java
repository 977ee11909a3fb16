package org.newsroom.defaults.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.defaults.events.AppliedEvents;
import org.newsroom.defaults.test.KafkaProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

@SampleServiceTest
class EventConsumptionTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    AppliedEvents applied;

    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String counter = "counter-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = "{\"counterId\":\"" + counter + "\",\"amount\":5}";
        KafkaProbe.send(SampleApplication.TOPIC, counter, SampleApplication.COUNTED, eventId, data);
        KafkaProbe.send(SampleApplication.TOPIC, counter, SampleApplication.COUNTED, eventId, data);
        String marker = KafkaProbe.send(SampleApplication.TOPIC, counter, SampleApplication.COUNTED,
                "{\"counterId\":\"" + counter + "\",\"amount\":100}");

        await().atMost(Duration.ofSeconds(30)).until(() -> total(counter) == 105);
        assertThat(total(counter)).as("5 once, then the marker event's 100").isEqualTo(105);
        assertThat(marker).isNotBlank();
    }

    @Test
    void aChangeAppliedJustBeforeACrashIsNotAppliedAgainOnRedelivery() {
        String counter = "counter-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        // The handler's write went through, then the process died before anything else was recorded.
        assertThat(applied.applyOnce("counters", counter, eventId, new Update().inc("total", 7)).block()).isTrue();

        KafkaProbe.send(SampleApplication.TOPIC, counter, SampleApplication.COUNTED, eventId,
                "{\"counterId\":\"" + counter + "\",\"amount\":7}");
        KafkaProbe.send(SampleApplication.TOPIC, counter, SampleApplication.COUNTED,
                "{\"counterId\":\"" + counter + "\",\"amount\":1}");

        await().atMost(Duration.ofSeconds(30)).until(() -> total(counter) >= 8);
        assertThat(total(counter)).isEqualTo(8);
    }

    @Test
    void applyOnceRefusesAnEventIdItHasSeen() {
        String counter = "counter-" + UUID.randomUUID();
        assertThat(applied.applyOnce("counters", counter, "e1", new Update().inc("total", 1)).block()).isTrue();
        assertThat(applied.applyOnce("counters", counter, "e2", new Update().inc("total", 1)).block()).isTrue();
        assertThat(applied.applyOnce("counters", counter, "e1", new Update().inc("total", 1)).block()).isFalse();
        assertThat(total(counter)).isEqualTo(2);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndLaterMessagesStillFlow() {
        String counter = "counter-" + UUID.randomUUID();
        String poisonId = KafkaProbe.sendRaw(SampleApplication.TOPIC, counter,
                "{\"counterId\": this is not JSON".getBytes(StandardCharsets.UTF_8), Map.of(
                        "ce_id", UUID.randomUUID().toString(),
                        "ce_source", "/newsroom/test",
                        "ce_type", SampleApplication.COUNTED,
                        "ce_specversion", "1.0",
                        "ce_time", Instant.now().toString(),
                        "ce_subject", counter,
                        "content-type", "application/json"));
        KafkaProbe.send(SampleApplication.TOPIC, counter, SampleApplication.COUNTED,
                "{\"counterId\":\"" + counter + "\",\"amount\":3}");

        await().atMost(Duration.ofSeconds(30)).until(() -> total(counter) == 3);
        List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.read("error." + SampleApplication.TOPIC + "." + group,
                record -> poisonId.equals(KafkaProbe.header(record, "ce_id")), 1, Duration.ofSeconds(20));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo(counter);
    }

    @Test
    void typesTheConsumerDoesNotKnowAreSkipped() {
        String counter = "counter-" + UUID.randomUUID();
        String unknownId = KafkaProbe.send(SampleApplication.TOPIC, counter, "org.newsroom.sample.something-else.v1",
                "{\"counterId\":\"" + counter + "\",\"amount\":50}");
        KafkaProbe.send(SampleApplication.TOPIC, counter, SampleApplication.COUNTED,
                "{\"counterId\":\"" + counter + "\",\"amount\":2}");

        await().atMost(Duration.ofSeconds(30)).until(() -> total(counter) == 2);
        assertThat(KafkaProbe.readFor("error." + SampleApplication.TOPIC + "." + group,
                record -> unknownId.equals(KafkaProbe.header(record, "ce_id")), Duration.ofSeconds(2))).isEmpty();
    }

    private int total(String counter) {
        Document document = mongo.findById(counter, Document.class, "counters").block();
        return document == null ? 0 : document.getInteger("total", 0);
    }
}
