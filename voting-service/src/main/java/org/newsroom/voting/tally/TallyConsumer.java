package org.newsroom.voting.tally;

import java.util.List;
import java.util.function.Consumer;

import org.newsroom.defaults.events.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the tallies from this service's own BallotCast events. It does not use the shared
 * event-id bookkeeping: exactly-once comes from the partition offset fenced in the same write as
 * the counts, and from the voter's counted sequence (see {@link TallyApplier}).
 */
@Configuration(proxyBeanMethods = false)
class TallyConsumer {

    private static final Logger log = LoggerFactory.getLogger(TallyConsumer.class);
    static final String BALLOT_CAST = "org.newsroom.voting.ballot-cast.v1";

    record BallotCast(String pollId, String voterKey, List<String> choices, java.math.BigDecimal weight,
            Long sequence) {
    }

    @Bean
    TallyApplier tallyApplier(MongoTallyStore store) {
        return new TallyApplier(store);
    }

    @Bean
    Consumer<Message<byte[]>> tally(TallyApplier applier, JsonMapper json, MeterRegistry meters, TallyChanges changes) {
        return message -> {
            InboundEvent event = InboundEvent.from(message);
            if (!BALLOT_CAST.equals(event.type())) {
                return;
            }
            BallotCast b = json.readerFor(BallotCast.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event.data());
            long weight = b.weight().movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            long started = System.nanoTime();
            TallyApplier.Outcome outcome = applier.apply(b.pollId(), b.voterKey(), b.sequence(), b.choices(), weight,
                    event.partition(), event.offset());
            meters.timer("newsroom.voting.tally.apply").record(System.nanoTime() - started,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
            meters.counter("newsroom.voting.tally.applied", "outcome", outcome.name()).increment();
            if (outcome == TallyApplier.Outcome.COUNTED) {
                changes.changed(b.pollId());
            }
            log.debug("ballot {} of poll {} at {}-{}: {}", b.sequence(), b.pollId(), event.partition(), event.offset(),
                    outcome);
        };
    }
}
