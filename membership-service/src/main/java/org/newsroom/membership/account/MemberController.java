package org.newsroom.membership.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsroom.defaults.web.ProblemException;
import org.newsroom.membership.member.MemberDocument;
import org.newsroom.membership.membership.MembershipView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** A member's own account: always the one the token names, never another. */
@RestController
class MemberController {

    private final AccountService accounts;
    private final RefreshTokens refreshTokens;

    MemberController(AccountService accounts, RefreshTokens refreshTokens) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
    }

    record Me(String id, String email, String displayName, List<Role> roles, Instant registeredAt) {
        static Me of(MemberDocument m) {
            return new Me(m.id(), m.email(), m.displayName(), List.copyOf(m.roleSet()), m.registeredAt());
        }
    }

    record EraseRequest(String password) {
    }

    @GetMapping("/api/members/me")
    Mono<Me> me(@AuthenticationPrincipal Jwt jwt) {
        return current(jwt).map(Me::of);
    }

    @GetMapping("/api/members/me/export")
    Mono<Map<String, Object>> export(@AuthenticationPrincipal Jwt jwt) {
        return current(jwt).flatMap(m -> refreshTokens.of(m.id())
                .map(t -> Map.<String, Object>of("issuedAt", t.issuedAt(), "expiresAt", t.expiresAt(),
                        "active", t.spentAt() == null && t.revokedAt() == null))
                .collectList()
                .map(sessions -> {
                    var export = new LinkedHashMap<String, Object>();
                    export.put("account", Me.of(m));
                    export.put("membership", MembershipView.of(m.membership()));
                    export.put("paymentProvider", m.stripeCustomerId() == null ? null
                            : Map.of("provider", "stripe", "customerId", m.stripeCustomerId()));
                    export.put("sessions", sessions);
                    export.put("exportedAt", Instant.now());
                    return export;
                }));
    }

    @DeleteMapping("/api/members/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> erase(@AuthenticationPrincipal Jwt jwt, @RequestBody EraseRequest request) {
        return accounts.erase(jwt.getSubject(), request.password());
    }

    private Mono<MemberDocument> current(Jwt jwt) {
        return accounts.member(jwt.getSubject()).switchIfEmpty(Mono.error(() -> new ProblemException(
                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "This account no longer exists.")));
    }
}
