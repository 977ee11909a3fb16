package org.newsroom.voting.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.defaults.outbox.EventFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tools.jackson.databind.json.JsonMapper;

/** Appends to one poll's log keep one unbroken chain, from many threads and from two instances. */
class BallotLogTest {

    static MongoServer server;
    static MongoClient clientA;
    static MongoClient clientB;
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        clientA = MongoClients.create(uri);
        clientB = MongoClients.create(uri);
    }

    @AfterAll
    static void stop() {
        clientA.close();
        clientB.close();
        server.shutdown();
    }

    static BallotLog instance(MongoClient client) {
        return new BallotLog(new ReactiveMongoTemplate(client, "voting"),
                new EventFactory(JsonMapper.builder().build(), Clock.systemUTC()));
    }

    @Test
    void twoInstancesAppendingToOnePollKeepOneUnbrokenChain() throws Exception {
        BallotLog a = instance(clientA);
        BallotLog b = instance(clientB);
        int threadsPerInstance = 4;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerInstance);
        List<Future<List<LogEntry>>> appended = new ArrayList<>();
        for (int t = 0; t < 2 * threadsPerInstance; t++) {
            BallotLog log = t % 2 == 0 ? a : b;
            String voterPrefix = "voter-" + t + "-";
            appended.add(pool.submit(() -> {
                List<LogEntry> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(log.appendBlocking("p-two", voterPrefix + i, List.of("t1"), 1000, T0.plusSeconds(i)));
                }
                return mine;
            }));
        }
        List<LogEntry> returned = new ArrayList<>();
        for (Future<List<LogEntry>> f : appended) {
            returned.addAll(f.get());
        }
        pool.shutdown();

        int total = 2 * threadsPerInstance * perThread;
        List<LogEntry> stored = a.all("p-two").collectList().block();
        assertThat(stored).hasSize(total);
        assertThat(stored).extracting(LogEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(BallotChain.firstBroken(BallotChain.GENESIS, 1, stored)).isEqualTo(-1);
        // every append answered the entry that is in the log at its place, and no place twice
        assertThat(returned).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void aRestartedInstanceFindsTheEndOfTheLogAndChainsAfterIt() {
        BallotLog first = instance(clientA);
        for (int i = 0; i < 37; i++) {
            first.appendBlocking("p-restart", "voter-" + i, List.of("t2"), 1000, T0);
        }
        BallotLog restarted = instance(clientB);
        LogEntry next = restarted.appendBlocking("p-restart", "voter-x", List.of("t1"), 1000, T0);
        assertThat(next.sequence()).isEqualTo(38);
        assertThat(next.prevHash()).isEqualTo(first.entry("p-restart", 37).block().entryHash());
        // the first instance still believes the log ends at 37: the unique id sends it to 39
        assertThat(first.appendBlocking("p-restart", "voter-y", List.of("t1"), 1000, T0).sequence()).isEqualTo(39);
        List<LogEntry> all = first.all("p-restart").collectList().block();
        assertThat(all).hasSize(39);
        assertThat(BallotChain.firstBroken(BallotChain.GENESIS, 1, all)).isEqualTo(-1);
    }

    @Test
    void pagesFollowTheLogAcrossReadChunks() {
        BallotLog log = instance(clientA);
        for (int i = 0; i < 5; i++) {
            log.appendBlocking("p-pages", "voter-" + i, List.of("t1"), 1000, T0);
        }
        assertThat(log.page("p-pages", 1, 2).map(LogEntry::sequence).collectList().block()).containsExactly(2L, 3L);
        assertThat(log.page("p-pages", 3, 100).map(LogEntry::sequence).collectList().block()).containsExactly(4L, 5L);
        assertThat(log.page("p-pages", 5, 100).collectList().block()).isEmpty();
        assertThat(log.page("p-pages", 0, 5000).collectList().block()).hasSize(5);
    }
}
