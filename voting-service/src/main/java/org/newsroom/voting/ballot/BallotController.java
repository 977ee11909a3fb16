package org.newsroom.voting.ballot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.poll.Poll;
import org.newsroom.voting.poll.PollStore;
import org.newsroom.voting.topic.Topic;
import org.newsroom.voting.topic.TopicStore;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
public class BallotController {

    static final int MAX_LIMIT = 500;

    public record BallotRequest(List<String> choices, String ballotId) {
    }

    public record MyChoice(String topicId, String title, String status) {
    }

    public record MyBallot(String pollId, String pollTitle, String receipt, List<MyChoice> choices, Instant castAt) {
    }

    public record MyBallots(List<MyBallot> items) {
    }

    /** A log entry as anyone may see it; the choices stay hidden until an AFTER_CLOSE poll closes. */
    public record EntryView(long sequence, String voterKey, List<String> choices, double weight, Instant castAt,
            String prevHash, String entryHash) {

        static EntryView of(LogEntry e, boolean showChoices) {
            return new EntryView(e.sequence(), e.voterKey(), showChoices ? e.choices() : null, e.weight() / 1000.0,
                    e.castAt(), e.prevHash(), e.entryHash());
        }
    }

    public record LogPage(List<EntryView> items, String next, boolean chained) {
    }

    public record ReceiptCheck(String receipt, String pollId, boolean included, boolean chainIntact,
            EntryView entry) {
    }

    public record Verification(String pollId, long entries, boolean intact, Long firstBroken, String headHash) {
    }

    private final BallotService ballots;
    private final BallotLog log;
    private final PollStore polls;
    private final TopicStore topics;
    private final Clock clock;

    public BallotController(BallotService ballots, BallotLog log, PollStore polls, TopicStore topics, Clock clock) {
        this.ballots = ballots;
        this.log = log;
        this.polls = polls;
        this.topics = topics;
        this.clock = clock;
    }

    @PutMapping("/api/polls/{id}/ballot")
    public Mono<BallotAnswer> cast(@PathVariable String id, @RequestBody BallotRequest request,
            JwtAuthenticationToken token) {
        return ballots.cast(token.getName(), id, request.choices(), request.ballotId());
    }

    @GetMapping("/api/polls/{id}/ballot")
    public Mono<BallotAnswer> mine(@PathVariable String id, JwtAuthenticationToken token) {
        return ballots.mine(token.getName(), id).map(b -> new BallotAnswer(b.receipt(), b.choices(), b.castAt()))
                .switchIfEmpty(Mono.error(RuleViolation.notFound("no-ballot", "you have no ballot in this poll")));
    }

    /** My ballots, newest first, and what became of the topics I chose (following merges). */
    @GetMapping("/api/ballots/mine")
    public Mono<MyBallots> allMine(JwtAuthenticationToken token) {
        return ballots.allMine(token.getName()).flatMap(list -> {
            Set<String> topicIds = list.stream().flatMap(b -> b.choices().stream()).collect(Collectors.toSet());
            Mono<Map<String, Topic>> known = resolve(topicIds);
            Mono<Map<String, String>> pollTitles = Flux.fromIterable(list).flatMap(b -> polls.find(b.pollId()))
                    .collectMap(d -> d.id(), d -> d.title());
            return Mono.zip(known, pollTitles).map(t -> new MyBallots(list.stream()
                    .sorted(Comparator.comparing(CurrentBallot::castAt).reversed())
                    .map(b -> new MyBallot(b.pollId(), t.getT2().getOrDefault(b.pollId(), ""), b.receipt(),
                            b.choices().stream().map(c -> choice(c, t.getT1())).toList(), b.castAt()))
                    .toList()));
        });
    }

    private static MyChoice choice(String topicId, Map<String, Topic> known) {
        Topic t = known.get(topicId);
        if (t == null) {
            return new MyChoice(topicId, "", "UNKNOWN");
        }
        // a merged topic's story is the survivor's
        Topic shown = t;
        for (int hops = 0; hops < 10 && shown.mergedInto() != null && known.containsKey(shown.mergedInto()); hops++) {
            shown = known.get(shown.mergedInto());
        }
        return new MyChoice(shown.id(), shown.title(), shown.status().name());
    }

    private Mono<Map<String, Topic>> resolve(Set<String> ids) {
        Map<String, Topic> found = new HashMap<>();
        return resolveRound(new ArrayList<>(ids), found, 0).thenReturn(found);
    }

    private Mono<Void> resolveRound(List<String> ids, Map<String, Topic> found, int round) {
        if (ids.isEmpty() || round > 10) {
            return Mono.empty();
        }
        return topics.findAll(ids).collectList().flatMap(list -> {
            list.forEach(t -> found.put(t.id(), t));
            List<String> more = list.stream().map(Topic::mergedInto)
                    .filter(m -> m != null && !found.containsKey(m)).distinct().toList();
            return resolveRound(more, found, round + 1);
        });
    }

    @GetMapping("/api/polls/{id}/ballot-log")
    public Mono<LogPage> logPage(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RuleViolation.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        long after = parseCursor(cursor);
        return poll(id).flatMap(poll -> {
            boolean show = poll.talliesVisibleAt(clock.instant());
            Mono<String> prevHash = after == 0 ? Mono.just(BallotChain.GENESIS)
                    : log.entry(id, after).map(LogEntry::entryHash).defaultIfEmpty("");
            return Mono.zip(log.page(id, after, limit + 1).collectList(), prevHash).map(t -> {
                List<LogEntry> found = t.getT1();
                List<LogEntry> page = found.size() > limit ? found.subList(0, limit) : found;
                String next = found.size() > limit ? Long.toString(page.get(page.size() - 1).sequence()) : null;
                boolean chained = BallotChain.firstBroken(t.getT2(), after + 1, page) == -1;
                return new LogPage(page.stream().map(e -> EntryView.of(e, show)).toList(), next, chained);
            });
        });
    }

    @GetMapping("/api/polls/{id}/ballot-log/verify")
    public Mono<Verification> verify(@PathVariable String id) {
        return poll(id).then(log.all(id).collectList()).map(entries -> {
            long broken = BallotChain.firstBroken(BallotChain.GENESIS, 1, entries);
            String head = entries.isEmpty() ? BallotChain.GENESIS : entries.get(entries.size() - 1).entryHash();
            return new Verification(id, entries.size(), broken == -1, broken == -1 ? null : broken, head);
        });
    }

    /** Anyone with a receipt can see that the ballot is in the log and the log up to it is intact. */
    @GetMapping("/api/polls/{id}/receipts/{receipt}")
    public Mono<ReceiptCheck> receipt(@PathVariable String id, @PathVariable String receipt) {
        long sequence = BallotChain.sequenceOf(receipt);
        if (sequence < 1) {
            throw RuleViolation.invalid("receipt", "is not a receipt of this service");
        }
        return poll(id).flatMap(poll -> log.entry(id, sequence)
                .filter(e -> BallotChain.matches(receipt, e))
                .switchIfEmpty(Mono.error(RuleViolation.notFound("receipt-not-found",
                        "no ballot with this receipt is in the log of poll " + id)))
                .flatMap(e -> log.page(id, 0, (int) Math.min(sequence, Integer.MAX_VALUE)).collectList()
                        .map(upTo -> new ReceiptCheck(receipt, id, true,
                                BallotChain.firstBroken(BallotChain.GENESIS, 1, upTo) == -1,
                                EntryView.of(e, poll.talliesVisibleAt(clock.instant()))))));
    }

    private Mono<Poll> poll(String id) {
        return polls.find(id).map(d -> d.toPoll()).switchIfEmpty(Mono.error(BallotService.notFound(id)));
    }

    static long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            long after = Long.parseLong(cursor);
            if (after < 0) {
                throw new NumberFormatException();
            }
            return after;
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid("cursor", "is not a cursor of this list");
        }
    }
}
