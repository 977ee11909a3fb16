package org.newsroom.voting.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.newsroom.defaults.events.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the tallies from this service's own BallotCast events, a Kafka poll at a time (the binding is
 * in batch mode). It does not use the shared event-id bookkeeping: exactly-once comes from the
 * partition offset fenced in the same write as the counts, and from the voter's counted sequence
 * (see {@link TallyApplier}).
 *
 * <p>Failures name the first record of the batch that is not done, so that the container commits
 * everything before it and delivers the rest again ({@link TallyErrorHandling}): an unreadable record
 * goes to the dead-letter topic at once while the rest of the batch is counted, and a failed write is
 * retried from the first ballot it did not finish.
 */
@Configuration(proxyBeanMethods = false)
class TallyConsumer {

    private static final Logger log = LoggerFactory.getLogger(TallyConsumer.class);
    static final String BALLOT_CAST = "org.newsroom.voting.ballot-cast.v1";

    record BallotCast(String pollId, String voterKey, List<String> choices, BigDecimal weight, Long sequence) {
    }

    /** A record that cannot be a ballot, however often it is read: it goes to the dead-letter topic. */
    static final class UnreadableBallot extends RuntimeException {
        UnreadableBallot(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Bean
    TallyApplier tallyApplier(MongoTallyStore store) {
        return new TallyApplier(store);
    }

    @Bean
    Consumer<Message<List<byte[]>>> tally(TallyApplier applier, JsonMapper json, MeterRegistry meters,
            TallyChanges changes) {
        ObjectReader reader = json.readerFor(BallotCast.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return message -> {
            long started = System.nanoTime();
            List<byte[]> payloads = message.getPayload();
            MessageHeaders headers = message.getHeaders();
            List<?> partitions = headers.get(KafkaHeaders.RECEIVED_PARTITION, List.class);
            List<?> offsets = headers.get(KafkaHeaders.OFFSET, List.class);
            if (partitions == null || offsets == null || partitions.size() != payloads.size()
                    || offsets.size() != payloads.size()) {
                // not a record's fault: no record is dead-lettered, the whole batch is tried again
                throw new IllegalStateException("a tally batch without a partition and offset per record");
            }
            List<TallyApplier.Ballot> ballots = new ArrayList<>(payloads.size());
            List<Integer> positions = new ArrayList<>(payloads.size());
            int unreadable = -1;
            UnreadableBallot poison = null;
            for (int i = 0; i < payloads.size(); i++) {
                if (!BALLOT_CAST.equals(type(headers, i))) {
                    continue;
                }
                try {
                    ballots.add(ballot(reader, payloads.get(i), ((Number) partitions.get(i)).intValue(),
                            ((Number) offsets.get(i)).longValue()));
                    positions.add(i);
                } catch (RuntimeException e) {
                    if (unreadable < 0) {
                        unreadable = i;
                        poison = e instanceof UnreadableBallot u ? u
                                : new UnreadableBallot("record " + i + " of the batch is not a ballot", e);
                    }
                }
            }
            List<TallyApplier.Outcome> outcomes;
            try {
                outcomes = applier.apply(ballots);
            } catch (TallyApplier.Incomplete e) {
                int failed = positions.get(e.index());
                if (unreadable < 0 || failed < unreadable) {
                    meters.counter("newsroom.voting.tally.failed").increment();
                    throw new BatchListenerFailedException("the tally write failed", e.getCause(), failed);
                }
                outcomes = List.of(); // the unreadable record comes first: report it; the rest comes again
            }
            Set<String> changed = new LinkedHashSet<>();
            for (int i = 0; i < outcomes.size(); i++) {
                meters.counter("newsroom.voting.tally.applied", "outcome", outcomes.get(i).name()).increment();
                if (outcomes.get(i) == TallyApplier.Outcome.COUNTED) {
                    changed.add(ballots.get(i).pollId());
                }
            }
            changed.forEach(changes::changed);
            meters.timer("newsroom.voting.tally.batch").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            log.debug("batch of {} records: {} ballots applied", payloads.size(), outcomes.size());
            if (unreadable >= 0) {
                meters.counter("newsroom.voting.tally.unreadable").increment();
                throw new BatchListenerFailedException("an unreadable ballot record", poison, unreadable);
            }
        };
    }

    static TallyApplier.Ballot ballot(ObjectReader reader, byte[] data, int partition, long offset) {
        if (data == null) {
            throw new UnreadableBallot("a ballot record without data", null);
        }
        BallotCast b = reader.readValue(data);
        if (b == null || isBlank(b.pollId()) || isBlank(b.voterKey()) || b.choices() == null || b.weight() == null
                || b.sequence() == null || b.sequence() < 1 || b.weight().signum() < 0) {
            throw new UnreadableBallot("a ballot record without poll, voter, choices, weight or sequence", null);
        }
        for (String choice : b.choices()) {
            // a topic id is a field name in the tally document and a part of the voter's marker
            if (isBlank(choice) || choice.indexOf('.') >= 0 || choice.startsWith("$")
                    || choice.indexOf(MongoTallyStore.SEP) >= 0) {
                throw new UnreadableBallot("a ballot record with an impossible topic id", null);
            }
        }
        long weight = b.weight().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new TallyApplier.Ballot(b.pollId(), b.voterKey(), b.sequence(), List.copyOf(b.choices()), weight,
                partition, offset);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The CloudEvents type of record {@code i}: batches carry each record's mapped headers in a list,
     * or, without a header mapper, the raw Kafka headers.
     */
    static String type(MessageHeaders headers, int i) {
        List<?> converted = headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        if (converted != null && i < converted.size() && converted.get(i) instanceof Map<?, ?> map) {
            return CloudEventHeaders.text(map.get(CloudEventHeaders.TYPE));
        }
        List<?> natives = headers.get(KafkaHeaders.NATIVE_HEADERS, List.class);
        if (natives != null && i < natives.size() && natives.get(i) instanceof Headers raw) {
            Header h = raw.lastHeader(CloudEventHeaders.TYPE);
            return h == null ? null : CloudEventHeaders.text(h.value());
        }
        return null;
    }
}
