package org.newsroom.voting.tally;

import java.time.Clock;
import java.time.Duration;

import org.newsroom.voting.ballot.BallotChain;
import org.newsroom.voting.ballot.BallotLog;
import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.config.VotingProperties;
import org.newsroom.voting.poll.Poll;
import org.newsroom.voting.poll.PollStore;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
public class TallyController {

    public record RecountView(String pollId, TallyView live, TallyView recount, boolean equal, long logEntries,
            boolean chainIntact) {
    }

    private final PollStore polls;
    private final MongoTallyStore tallies;
    private final BallotLog log;
    private final TallyChanges changes;
    private final Clock clock;
    private final Duration streamInterval;

    public TallyController(PollStore polls, MongoTallyStore tallies, BallotLog log, TallyChanges changes, Clock clock,
            VotingProperties properties) {
        this.polls = polls;
        this.tallies = tallies;
        this.log = log;
        this.changes = changes;
        this.clock = clock;
        this.streamInterval = properties.tallyStreamInterval();
    }

    @GetMapping("/api/polls/{id}/tally")
    public Mono<TallyView> tally(@PathVariable String id) {
        return visiblePoll(id).flatMap(this::view);
    }

    /** Server-Sent Events: the tally now, then each time it changes. */
    @GetMapping(path = "/api/polls/{id}/tally/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<TallyView>> stream(@PathVariable String id) {
        return visiblePoll(id).flatMapMany(poll -> Flux.merge(Flux.interval(Duration.ZERO, streamInterval),
                changes.of(id)).onBackpressureLatest()
                .concatMap(tick -> poll(id).flatMap(this::view), 1)
                .distinctUntilChanged()
                .map(v -> ServerSentEvent.builder(v).event("tally").id(Long.toString(v.ballots())).build()));
    }

    @GetMapping("/api/editorial/polls/{id}/recount")
    public Mono<RecountView> recount(@PathVariable String id) {
        return poll(id).flatMap(poll -> Mono.zip(view(poll), log.all(id).collectList()).map(t -> {
            Recount recount = new Recount();
            t.getT2().forEach(recount::add);
            TallyView counted = TallyView.of(id, t.getT1().status(), poll.topics(), recount.counts());
            boolean intact = BallotChain.firstBroken(BallotChain.GENESIS, 1, t.getT2()) == -1;
            return new RecountView(id, t.getT1(), counted, counted.equals(t.getT1()), t.getT2().size(), intact);
        }));
    }

    private Mono<TallyView> view(Poll poll) {
        return Mono.defer(() -> tallies.read(poll.id()).map(state -> TallyView.of(poll.id(),
                poll.statusAt(clock.instant()).name(), poll.topics(), state.counts())));
    }

    private Mono<Poll> visiblePoll(String id) {
        return poll(id).flatMap(poll -> poll.talliesVisibleAt(clock.instant()) ? Mono.just(poll)
                : Mono.error(RuleViolation.forbidden("results-hidden",
                        "this poll shows its results only after it closes at " + poll.closesAt())));
    }

    private Mono<Poll> poll(String id) {
        return polls.find(id).map(d -> d.toPoll())
                .switchIfEmpty(Mono.error(RuleViolation.notFound("poll-not-found", "no poll " + id)));
    }
}
