package org.newsroom.voting.poll;

import java.time.Clock;

import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.config.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
public class PollController {

    private final PollStore polls;
    private final PollService service;
    private final Clock clock;

    public PollController(PollStore polls, PollService service, Clock clock) {
        this.polls = polls;
        this.service = service;
        this.clock = clock;
    }

    /** Newest first; {@code status} is open, closed or scheduled, as it stands now. */
    @GetMapping("/api/polls")
    public Mono<Page<PollView>> list(@RequestParam(required = false) String status) {
        PollStatus wanted = status == null || status.isBlank() ? null
                : PollService.parse(PollStatus.class, status, "status");
        return polls.all().map(d -> PollView.of(d, d.toPoll().statusAt(clock.instant())))
                .filter(v -> wanted == null || v.status().equals(wanted.name()))
                .collectList().map(items -> new Page<>(items, null));
    }

    @GetMapping("/api/polls/{id}")
    public Mono<PollView> get(@PathVariable String id) {
        return polls.find(id).map(d -> PollView.of(d, d.toPoll().statusAt(clock.instant())))
                .switchIfEmpty(Mono.error(RuleViolation.notFound("poll-not-found", "no poll " + id)));
    }

    @PostMapping("/api/editorial/polls")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<PollView> create(@RequestBody PollService.PollRequest request, JwtAuthenticationToken token) {
        return service.create(request, token.getName()).map(d -> PollView.of(d, d.toPoll().statusAt(clock.instant())));
    }

    @PostMapping("/api/editorial/polls/{id}/close")
    public Mono<PollView> close(@PathVariable String id) {
        return service.closeEarly(id).map(d -> PollView.of(d, PollStatus.CLOSED));
    }
}
