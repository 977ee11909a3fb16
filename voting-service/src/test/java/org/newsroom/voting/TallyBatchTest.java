package org.newsroom.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.KafkaProbe;
import org.newsroom.defaults.test.ServiceTest;
import org.newsroom.defaults.test.SharedInfrastructure;
import org.newsroom.voting.tally.Counts;
import org.newsroom.voting.tally.MongoTallyStore;
import org.newsroom.voting.tally.TopicCount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The tally consumer with the real broker and database server, fed raw records as the topic could
 * hold them: an unreadable record in the middle of a batch goes to the dead-letter topic and the rest
 * of the batch is counted; a failed database write is retried and nothing is dead-lettered.
 */
@ServiceTest
@Import(VotingTestSupport.TestClock.class)
class TallyBatchTest extends VotingTestSupport {

    static final String BALLOT_CAST = "org.newsroom.voting.ballot-cast.v1";

    @MockitoSpyBean
    MongoTallyStore store;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.cloud.stream.default.group}")
    String group;

    String deadLetters() {
        return "error." + VOTING + "." + group;
    }

    static String ballot(String pollId, String voter, String topic, long sequence) {
        return "{\"pollId\":\"" + pollId + "\",\"voterKey\":\"" + voter + "\",\"choices\":[\"" + topic
                + "\"],\"weight\":1.5,\"sequence\":" + sequence + ",\"entryHash\":\"h" + sequence + "\"}";
    }

    /** Sends the records with one producer and one flush, so that they reach the consumer together. */
    static void sendTogether(String key, List<byte[]> values) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (byte[] value : values) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(VOTING, key, value);
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_source", "/newsroom/voting-service", "ce_type",
                        BALLOT_CAST, "ce_specversion", "1.0", "ce_time", Instant.now().toString(), "ce_subject", key,
                        "content-type", "application/json")
                        .forEach((n, v) -> record.headers().add(new RecordHeader(n, v.getBytes(StandardCharsets.UTF_8))));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (var f : sent) {
                f.get(20, TimeUnit.SECONDS);
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsCounted() throws Exception {
        String pollId = "poll-" + UUID.randomUUID();
        byte[] poison = bytes("{\"pollId\": this is not a ballot");
        sendTogether(pollId, List.of(
                bytes(ballot(pollId, "k1", "t1", 1)),
                bytes(ballot(pollId, "k2", "t2", 2)),
                poison,
                bytes(ballot(pollId, "k3", "t1", 3)),
                bytes(ballot(pollId, "k1", "t2", 4)))); // k1 replaces the ballot counted above

        Counts expected = new Counts(3, Map.of("t1", new TopicCount(1, 1500), "t2", new TopicCount(2, 3000)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.read(pollId).block().counts()).isEqualTo(expected));

        List<ConsumerRecord<String, byte[]>> dead = KafkaProbe.read(deadLetters(), KafkaProbe.withKey(pollId), 1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(KafkaProbe.header(dead.get(0), "kafka_dlt-original-topic")).isEqualTo(VOTING);

        // the partition goes on: a later ballot is counted, and nothing else is dead-lettered
        sendTogether(pollId, List.of(bytes(ballot(pollId, "k4", "t1", 5))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.read(pollId).block().counts().ballots()).isEqualTo(4));
        assertThat(KafkaProbe.readFor(deadLetters(), KafkaProbe.withKey(pollId), Duration.ofSeconds(2))).hasSize(1);
        assertThat(store.read(pollId).block().counts())
                .isEqualTo(expected.plus(new Counts(1, Map.of("t1", new TopicCount(1, 1500)))));
    }

    @Test
    void aFailedWriteIsRetriedAndNothingIsLostOrDeadLettered() throws Exception {
        String pollId = "poll-" + UUID.randomUUID();
        doThrow(new DataAccessResourceFailureException("the database is away"))
                .doThrow(new DataAccessResourceFailureException("the database is still away"))
                .doCallRealMethod()
                .when(store).apply(eq(pollId), anyInt(), anyLong(), any(), anyLong());
        double failedBefore = meters.counter("newsroom.voting.tally.failed").count();

        List<byte[]> values = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            values.add(bytes(ballot(pollId, "k" + i, i % 2 == 0 ? "t1" : "t2", i)));
        }
        sendTogether(pollId, values);

        Counts expected = new Counts(20, Map.of("t1", new TopicCount(10, 15000), "t2", new TopicCount(10, 15000)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.read(pollId).block().counts()).isEqualTo(expected));
        assertThat(meters.counter("newsroom.voting.tally.failed").count() - failedBefore).isGreaterThanOrEqualTo(2);
        assertThat(KafkaProbe.readFor(deadLetters(), KafkaProbe.withKey(pollId), Duration.ofSeconds(2))).isEmpty();
        doCallRealMethod().when(store).apply(any(), anyInt(), anyLong(), any(), anyLong());
    }
}
