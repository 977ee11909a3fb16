package org.newsroom.voting.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The MongoDB tally store keeps the applier's write semantics on the MongoDB-wire server. */
class MongoTallyStoreTest {

    static MongoServer server;
    static MongoClient client;
    static MongoTallyStore store;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new MongoTallyStore(new ReactiveMongoTemplate(client, "voting"));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void countsOffsetsAndVersionChangeTogetherAndAStaleVersionIsRefused() {
        CountedBallot a = new CountedBallot(1, List.of("t1"), 1000);
        CountedBallot b = new CountedBallot(2, List.of("t2", "t3"), 2000);
        assertThat(store.apply("p1", 3, 10, Counts.delta(null, a), 0)).isTrue();
        assertThat(store.apply("p1", 3, 11, Counts.delta(null, b), 0)).isFalse();
        assertThat(store.apply("p1", 3, 11, Counts.delta(null, b), 1)).isTrue();
        assertThat(store.apply("p1", 3, 12, Counts.delta(b, a), 1)).isFalse();
        TallyStore.TallyState s = store.tally("p1");
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.offset(3)).isEqualTo(11);
        assertThat(s.counts()).isEqualTo(Counts.delta(null, a).plus(Counts.delta(null, b)));
    }

    @Test
    void theVoterMarkerOnlyMovesForward() {
        store.markCounted("p2", "k", new CountedBallot(5, List.of("t1"), 1000));
        store.markCounted("p2", "k", new CountedBallot(3, List.of("t2"), 1000));
        assertThat(store.counted("p2", "k").sequence()).isEqualTo(5);
        store.markCounted("p2", "k", new CountedBallot(7, List.of("t2"), 1000));
        assertThat(store.counted("p2", "k")).isEqualTo(new CountedBallot(7, List.of("t2"), 1000));
        assertThat(store.counted("p2", "other")).isNull();
    }

    @Test
    void markersAreReadAndWrittenManyAtATimeAndOnlyMoveForward() {
        store.markCounted("p3", java.util.Map.of("a", new CountedBallot(4, List.of("t1"), 1000), "b",
                new CountedBallot(2, List.of(), 1500)));
        store.markCounted("p3", java.util.Map.of("a", new CountedBallot(3, List.of("t2"), 1000), "c",
                new CountedBallot(9, List.of("t1", "t2"), 2000)));
        assertThat(store.counted("p3", List.of("a", "b", "c", "nobody"))).isEqualTo(java.util.Map.of(
                "a", new CountedBallot(4, List.of("t1"), 1000),
                "b", new CountedBallot(2, List.of(), 1500),
                "c", new CountedBallot(9, List.of("t1", "t2"), 2000)));
        assertThat(store.counted("p3", List.of())).isEmpty();
        assertThat(store.counted("other-poll", List.of("a"))).isEmpty();
    }
}
