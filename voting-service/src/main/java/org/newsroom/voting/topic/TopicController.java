package org.newsroom.voting.topic;

import java.util.List;

import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.config.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
public class TopicController {

    static final int MAX_LIMIT = 100;

    private final TopicStore topics;

    public TopicController(TopicStore topics) {
        this.topics = topics;
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

    static TopicStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TopicStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("status", "must be one of " + List.of(TopicStatus.values()));
        }
    }
}
