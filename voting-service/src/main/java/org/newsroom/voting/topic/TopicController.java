package org.newsroom.voting.topic;

import java.util.List;
import java.util.Locale;

import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.config.Caller;
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
public class TopicController {

    static final int MAX_LIMIT = 100;

    public record ProposalRequest(String title, String description) {
    }

    public record DeclineRequest(String reason) {
    }

    public record MergeRequest(String into) {
    }

    private final TopicStore topics;
    private final TopicService service;

    public TopicController(TopicStore topics, TopicService service) {
        this.topics = topics;
        this.service = service;
    }

    @GetMapping("/api/topics")
    public Mono<Page<TopicView>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        TopicStatus wanted = parseStatus(status);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RuleViolation.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return topics.list(wanted, cursor, limit + 1).collectList().map(found -> {
            List<Topic> page = found.size() > limit ? found.subList(0, limit) : found;
            String next = found.size() > limit ? page.get(page.size() - 1).id() : null;
            return new Page<>(page.stream().map(Topic::view).toList(), next);
        });
    }

    @GetMapping("/api/topics/{id}")
    public Mono<TopicView> get(@PathVariable String id) {
        return topics.find(id).map(Topic::view)
                .switchIfEmpty(Mono.error(RuleViolation.notFound("topic-not-found", "no topic " + id)));
    }

    @PostMapping("/api/topics")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<TopicView> propose(@RequestBody ProposalRequest request, JwtAuthenticationToken token) {
        return service.propose(Caller.of(token), request.title(), request.description()).map(Topic::view);
    }

    @PostMapping("/api/editorial/topics/{id}/approve")
    public Mono<TopicView> approve(@PathVariable String id) {
        return service.approve(id).map(Topic::view);
    }

    @PostMapping("/api/editorial/topics/{id}/decline")
    public Mono<TopicView> decline(@PathVariable String id, @RequestBody DeclineRequest request) {
        return service.decline(id, request.reason()).map(Topic::view);
    }

    @PostMapping("/api/editorial/topics/{id}/merge")
    public Mono<TopicView> merge(@PathVariable String id, @RequestBody MergeRequest request) {
        return service.merge(id, request.into()).map(Topic::view);
    }

    static TopicStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TopicStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("status", "must be one of " + List.of(TopicStatus.values()));
        }
    }
}
