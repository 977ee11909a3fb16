package org.newsroom.voting.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.newsroom.defaults.outbox.EventFactory;
import org.newsroom.defaults.outbox.OutboxEvent;
import org.newsroom.defaults.outbox.OutboxRelay;
import org.newsroom.voting.config.VotingProperties;
import org.newsroom.voting.poll.Poll;
import org.newsroom.voting.poll.PollDocument;
import org.newsroom.voting.poll.PollEvents;
import org.newsroom.voting.poll.PollStore;
import org.newsroom.voting.poll.PollTopic;
import org.newsroom.voting.poll.ResultsVisibility;
import org.newsroom.voting.poll.VotingRule;
import org.newsroom.voting.poll.Weighting;
import org.newsroom.voting.topic.Topic;
import org.newsroom.voting.topic.TopicDocument;
import org.newsroom.voting.topic.TopicEvents;
import org.newsroom.voting.topic.TopicStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo data for the local stack: approved topics and an open poll on three of them. Fixed ids make
 * it idempotent: after a restart the inserts are refused and nothing changes.
 */
@Component
@ConditionalOnBooleanProperty("newsroom.demo.enabled")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String POLL_ID = "demo-poll-1";
    static final String[][] TOPICS = {
            { "demo-topic-1", "Where does our tap water come from, and who pays to keep it clean?",
                    "Follow the water from the reservoir to the kitchen tap." },
            { "demo-topic-2", "Why are so many flats above the high street standing empty?",
                    "Owners, rents and the rules that keep the lights off." },
            { "demo-topic-3", "What happened to the night buses?",
                    "Line 7 stopped in May. Who decided, and what would bring it back?" },
            { "demo-topic-4", "How green is the new stadium really?",
                    "The promises at planning time, checked against the meter readings." } };

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventFactory events;
    private final Clock clock;
    private final VotingProperties properties;

    DemoData(ReactiveMongoTemplate mongo, OutboxRelay relay, EventFactory events, Clock clock,
            VotingProperties properties) {
        this.mongo = mongo;
        this.relay = relay;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<PollTopic> onBallot = new ArrayList<>();
        Flux<Boolean> topics = Flux.range(0, TOPICS.length).concatMap(i -> {
            String[] t = TOPICS[i];
            Topic approved = Topic.propose(t[0], t[1], t[2], "newsroom", now).approve();
            Topic stored = i < 3 ? approved.putOnBallot(POLL_ID) : approved;
            if (i < 3) {
                onBallot.add(new PollTopic(t[0], t[1]));
            }
            List<OutboxEvent> pending = List.of(
                    events.create(TopicEvents.PROPOSED, t[0], new TopicEvents.Proposed(t[0], t[1], t[2], now, 1)),
                    events.create(TopicEvents.APPROVED, t[0], new TopicEvents.Approved(t[0], t[1], now, 2)));
            return insert(TopicStore.COLLECTION, TopicDocument.of(stored, pending), t[0]);
        });
        Mono<Boolean> poll = Mono.defer(() -> {
            Poll p = Poll.create(POLL_ID, "What should we investigate next month?", onBallot, now,
                    now.plus(Duration.ofDays(14)), VotingRule.SINGLE, 1, Weighting.EQUAL, ResultsVisibility.LIVE,
                    Set.of(), "newsroom").open();
            OutboxEvent opened = events.create(PollEvents.OPENED, POLL_ID, new PollEvents.Opened(POLL_ID, p.title(),
                    p.topics(), p.rule().name(), 1, p.weighting().name(), p.resultsVisibility().name(),
                    properties.tiers(), p.opensAt(), p.closesAt(), 1));
            return insert(PollStore.COLLECTION, PollDocument.of(p, List.of(opened)), POLL_ID);
        });
        topics.then(poll).subscribe(created -> log.info(created ? "Demo topics and poll created"
                : "Demo data already present"), e -> log.warn("Demo data not loaded: {}", e.toString()));
    }

    private Mono<Boolean> insert(String collection, Object document, String id) {
        return mongo.insert(document, collection).then(relay.publish(collection, id)).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }
}
