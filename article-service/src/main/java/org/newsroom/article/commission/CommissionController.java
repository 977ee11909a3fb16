package org.newsroom.article.commission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.newsroom.article.commission.domain.Commission;
import org.newsroom.article.commission.domain.CommissionStatus;
import org.newsroom.article.config.ClockTime;
import org.newsroom.article.content.Cursor;
import org.newsroom.article.content.Page;
import org.newsroom.defaults.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public list of commissions ("coming up, chosen by our patrons"); editors assign writers. */
@RestController
@RequestMapping("/api/commissions")
class CommissionController {

    static final int MAX_LIMIT = 100;

    private final CommissionStore commissions;
    private final Clock clock;

    CommissionController(CommissionStore commissions, Clock clock) {
        this.commissions = commissions;
        this.clock = clock;
    }

    @GetMapping
    Mono<Page<CommissionView>> list(@RequestParam(required = false) String status,
                                    @RequestParam(required = false) String limit,
                                    @RequestParam(required = false) String cursor) {
        return Mono.defer(() -> {
            int size = Cursor.limit(limit, 20, MAX_LIMIT);
            CommissionStatus wanted = parseStatus(status);
            Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
            return commissions.list(wanted, after, size + 1).collectList().map(list -> new Page<>(
                    list.stream().limit(size).map(CommissionView::of).toList(),
                    list.size() > size ? new Cursor(list.get(size - 1).createdAt(), list.get(size - 1).id()).encode()
                            : null));
        });
    }

    /** Assigns (or reassigns) the writer; editors only (see the access rules). */
    @PutMapping("/{id}/assignment")
    Mono<CommissionView> assign(@PathVariable String id, @RequestBody AssignmentRequest request) {
        return Mono.defer(() -> {
            String writer = request.writer() == null ? "" : request.writer().strip();
            if (writer.isEmpty() || writer.length() > Commission.MAX_WRITER) {
                throw ProblemException.invalid("writer", "must be 1 to " + Commission.MAX_WRITER + " characters");
            }
            return commissions.findById(id)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("There is no commission " + id + ".")))
                    .flatMap(current -> {
                        Commission next;
                        try {
                            next = current.assign(writer, ClockTime.now(clock));
                        } catch (IllegalStateException e) {
                            return Mono.error(ProblemException.conflict("commission-delivered", e.getMessage()));
                        }
                        return commissions.update(current, next).switchIfEmpty(Mono.error(() ->
                                ProblemException.conflict("edit-conflict",
                                        "The commission was changed meanwhile; load it again and repeat.")));
                    })
                    .map(CommissionView::of);
        });
    }

    private static CommissionStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CommissionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be OPEN, ASSIGNED or DELIVERED");
        }
    }

    record AssignmentRequest(String writer) {
    }

    record CommissionView(String id, String topicId, String title, String pollId, double voteShare,
                          CommissionStatus status, String writer, String articleSlug, Instant createdAt,
                          Instant assignedAt, Instant deliveredAt) {
        static CommissionView of(Commission c) {
            return new CommissionView(c.id(), c.topicId(), c.title(), c.pollId(), c.voteShare(), c.status(),
                    c.writer(), c.slug(), c.createdAt(), c.assignedAt(), c.deliveredAt());
        }
    }

}
