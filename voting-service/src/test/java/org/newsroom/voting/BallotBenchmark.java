package org.newsroom.voting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.ServiceTest;
import org.newsroom.defaults.test.TestIssuer;
import org.newsroom.voting.member.MemberStanding;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Not a test: prints how many ballots per second the service accepts over HTTP, and how long an
 * accepted ballot takes to be in the tally (p50, p99), with the real broker and database server.
 * Run with {@code ./mvnw -pl voting-service verify -Dgroups=benchmark -Dbenchmark.excluded=none}.
 * Inclusion times are read by polling the tally every few milliseconds; ballots are taken to be
 * counted in the order they were accepted (one poll's log is one partition, applied in order).
 */
@Tag("benchmark")
@ServiceTest
@Import(VotingTestSupport.TestClock.class)
class BallotBenchmark extends VotingTestSupport {

    static final int BALLOTS = Integer.getInteger("benchmark.ballots", 3000);
    static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 16);

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @org.springframework.beans.factory.annotation.Autowired
    org.newsroom.defaults.outbox.OutboxRelay relay;

    @Test
    void ballotsPerSecondAndTimeToTally() throws Exception {
        var poll = openPoll(4, "APPROVAL", 2, "EQUAL", "LIVE", List.of());
        String pollId = poll.getKey();
        List<String> topics = poll.getValue();
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < BALLOTS + 200; i++) {
            String m = "bench-" + i + "-" + pollId.substring(0, 8);
            members.apply(new MemberStanding(m, "Coffee", 1000, "ACTIVE", null, null, false, 1)).block();
            voters.add(m);
        }
        List<String> tokens = voters.stream().map(m -> TestIssuer.shared().token(m, "READER")).toList();
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).build();

        // warm-up on other voters, not measured
        run(client, pollId, topics, tokens.subList(BALLOTS, BALLOTS + 200), new ConcurrentLinkedQueue<>());
        long warm = ballots(client, pollId);
        while (warm < 200) {
            Thread.sleep(20);
            warm = ballots(client, pollId);
        }

        ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
        List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
        Thread watcher = new Thread(() -> {
            long last = 200;
            while (last < 200 + BALLOTS) {
                long now = ballots(client, pollId);
                if (now > last) {
                    seen.add(new long[] { System.nanoTime(), now - 200 });
                    last = now;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        long start = System.nanoTime();
        run(client, pollId, topics, tokens.subList(0, BALLOTS), accepted);
        long elapsed = System.nanoTime() - start;
        watcher.join(Duration.ofMinutes(2).toMillis());

        List<Long> acceptTimes = new ArrayList<>(accepted);
        Collections.sort(acceptTimes);
        List<Long> latencies = new ArrayList<>();
        int k = 0;
        for (long[] s : seen) {
            while (k < s[1] && k < acceptTimes.size()) {
                latencies.add(Math.max(0, s[0] - acceptTimes.get(k)));
                k++;
            }
        }
        Collections.sort(latencies);
        System.out.printf("%nBENCHMARK voting-service: %d ballots, %d in flight%n", BALLOTS, CONCURRENCY);
        System.out.printf("  accepted: %.0f ballots/s (%d in %.2f s)%n", accepted.size() / (elapsed / 1e9),
                accepted.size(), elapsed / 1e9);
        if (!latencies.isEmpty()) {
            System.out.printf("  accepted-to-tally: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d ballots)%n",
                    pct(latencies, 0.50), pct(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6,
                    latencies.size());
        }
        if (!seen.isEmpty()) {
            long[] last = seen.get(seen.size() - 1);
            double span = (last[0] - start) / 1e9;
            System.out.printf("  tally apply rate: %d ballots counted %.2f s after the first was sent: %.0f ballots/s%n",
                    last[1], span, last[1] / span);
        }
        var perEvent = meters.find("newsroom.voting.tally.apply").timer(); // a record at a time
        if (perEvent != null) {
            System.out.printf("  tally consumer: %d events, %.2f ms each on average%n", perEvent.count(),
                    perEvent.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        var perBatch = meters.find("newsroom.voting.tally.batch").timer(); // a Kafka poll at a time
        if (perBatch != null) {
            double events = meters.find("newsroom.voting.tally.applied").counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
            System.out.printf("  tally consumer: %.0f events in %d batches (%.1f per batch), %.2f ms per batch,"
                    + " %.2f ms per event on average%n", events, perBatch.count(), events / perBatch.count(),
                    perBatch.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    perBatch.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) / events);
        }
        // the outbox sweep scans every outbox collection, ballot_log included (now holding every ballot)
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            long found = relay.sweepOnce().block(Duration.ofSeconds(30));
            System.out.printf("  outbox sweep over %d log entries: %.1f ms (%d documents still waiting)%n",
                    BALLOTS + 200, (System.nanoTime() - t0) / 1e6, found);
        }
        System.out.printf("  started %s%n%n", Instant.now());
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private void run(WebClient client, String pollId, List<String> topics, List<String> tokens,
            ConcurrentLinkedQueue<Long> accepted) {
        Flux.range(0, tokens.size()).flatMap(i -> client.put().uri("/api/polls/" + pollId + "/ballot")
                .contentType(MediaType.APPLICATION_JSON).headers(h -> h.setBearerAuth(tokens.get(i)))
                .bodyValue(Map.of("choices", List.of(topics.get(i % topics.size())), "ballotId", "bench-ballot-" + i))
                .retrieve().toBodilessEntity()
                .doOnNext(r -> accepted.add(System.nanoTime()))
                .onErrorResume(e -> Mono.empty()), CONCURRENCY)
                .blockLast(Duration.ofMinutes(5));
    }

    private long ballots(WebClient client, String pollId) {
        Map<?, ?> t = client.get().uri("/api/polls/" + pollId + "/tally").retrieve().bodyToMono(Map.class)
                .block(Duration.ofSeconds(10));
        return ((Number) t.get("ballots")).longValue();
    }
}
