package org.newsroom.membership.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.newsroom.defaults.web.ProblemException;
import org.newsroom.membership.account.AccountService;
import org.newsroom.membership.account.Role;
import org.newsroom.membership.member.MemberDocument;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.tier.Tiers;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** For editors and admins: members and their memberships, complimentary grants, roles. */
@RestController
class AdminMembersController {

    static final int MAX_LIMIT = 100;

    private final MemberStore store;
    private final MembershipService memberships;
    private final AccountService accounts;
    private final Tiers tiers;

    AdminMembersController(MemberStore store, MembershipService memberships, AccountService accounts, Tiers tiers) {
        this.store = store;
        this.memberships = memberships;
        this.accounts = accounts;
        this.tiers = tiers;
    }

    record MemberSummary(String id, String email, String displayName, List<Role> roles, Instant registeredAt,
            MembershipView membership) {
        static MemberSummary of(MemberDocument m) {
            return new MemberSummary(m.id(), m.email(), m.displayName(), List.copyOf(m.roleSet()), m.registeredAt(),
                    MembershipView.of(m.membership()));
        }
    }

    record Page(List<MemberSummary> items, String next) {
    }

    record ComplimentaryRequest(String tier, Instant until) {
    }

    record RolesRequest(List<String> roles) {
    }

    @GetMapping("/api/admin/members")
    Mono<Page> list(@RequestParam(required = false) String status, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") String limit) {
        List<ProblemException.FieldProblem> errors = new ArrayList<>();
        MembershipStatus wanted = null;
        if (status != null) {
            try {
                wanted = MembershipStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add(new ProblemException.FieldProblem("status", "must be one of " + List.of(MembershipStatus.values())));
            }
        }
        if (tier != null && tiers.find(tier).isEmpty()) {
            errors.add(new ProblemException.FieldProblem("tier", "is not a tier"));
        }
        int size = 0;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (size < 1 || size > MAX_LIMIT) {
            errors.add(new ProblemException.FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            return Mono.error(ProblemException.invalid(errors));
        }
        Criteria criteria = Criteria.where("erasedAt").is(null);
        if (wanted == MembershipStatus.NONE) {
            criteria = criteria.and("membership.status").in(MembershipStatus.NONE.name(), null);
        } else if (wanted != null) {
            criteria = criteria.and("membership.status").is(wanted.name());
        }
        if (tier != null) {
            criteria = criteria.and("membership.tier").is(tier);
        }
        if (cursor != null && !cursor.isBlank()) {
            criteria = criteria.and("_id").gt(cursor);
        }
        int pageSize = size;
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(pageSize + 1);
        return store.find(query).map(MemberSummary::of).collectList().map(found -> {
            boolean more = found.size() > pageSize;
            List<MemberSummary> items = more ? found.subList(0, pageSize) : found;
            return new Page(items, more ? items.get(items.size() - 1).id() : null);
        });
    }

    @PostMapping("/api/admin/members/{id}/complimentary")
    Mono<MembershipView> complimentary(@PathVariable String id, @RequestBody ComplimentaryRequest request) {
        List<ProblemException.FieldProblem> errors = new ArrayList<>();
        if (request.tier() == null || tiers.find(request.tier()).isEmpty()) {
            errors.add(new ProblemException.FieldProblem("tier", "is not a tier"));
        }
        if (request.until() == null) {
            errors.add(new ProblemException.FieldProblem("until", "is required"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(ProblemException.invalid(errors));
        }
        return memberships.apply(id, null, (ms, now) -> ms.grantComplimentary(request.tier(), request.until(), now))
                .filter(m -> !m.erased())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("There is no member " + id + ".")))
                .map(m -> MembershipView.of(m.membership()));
    }

    @PostMapping("/api/admin/members/{id}/roles")
    Mono<MemberSummary> roles(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestBody RolesRequest request) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (request.roles() == null) {
            return Mono.error(ProblemException.invalid("roles", "is required"));
        }
        for (String role : request.roles()) {
            try {
                roles.add(Role.valueOf(role));
            } catch (IllegalArgumentException | NullPointerException e) {
                return Mono.error(ProblemException.invalid("roles", "must hold only READER, EDITOR or ADMIN"));
            }
        }
        return accounts.setRoles(jwt.getSubject(), id, roles).map(MemberSummary::of);
    }
}
