package org.newsroom.membership.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.newsroom.defaults.web.ProblemException;
import org.newsroom.membership.member.MemberChange;
import org.newsroom.membership.member.MemberDocument;
import org.newsroom.membership.member.MemberEvents;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.member.MembershipState;
import org.newsroom.membership.membership.EndReason;
import org.newsroom.membership.membership.MembershipService;
import org.newsroom.membership.token.AccessTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Accounts: registration, sign-in, token refresh, roles, erasure. */
@Service
public class AccountService {

    private final MemberStore store;
    private final MemberEvents events;
    private final MembershipService memberships;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginFailures failures;
    private final Clock clock;
    /** Compared against when the email is unknown, so both answers take as long. */
    private final String decoyHash;

    public AccountService(MemberStore store, MemberEvents events, MembershipService memberships,
            PasswordEncoder passwords, AccessTokens accessTokens, RefreshTokens refreshTokens, LoginFailures failures,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.memberships = memberships;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.failures = failures;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    public record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }

    public Mono<MemberDocument> register(String email, String password, String displayName) {
        return register(email, password, displayName, EnumSet.of(Role.READER));
    }

    public Mono<MemberDocument> register(String email, String password, String displayName, Set<Role> roles) {
        List<FieldError> errors = Registration.check(email, password, displayName);
        if (!errors.isEmpty()) {
            return Mono.error(ProblemException.invalid(errors.stream()
                    .map(e -> new ProblemException.FieldProblem(e.field(), e.message())).toList()));
        }
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(hash -> {
                    String id = UUID.randomUUID().toString();
                    Instant now = clock.instant();
                    EnumSet<Role> all = EnumSet.of(Role.READER);
                    all.addAll(roles);
                    String name = displayName.strip();
                    var member = new MemberDocument(id, Registration.normaliseEmail(email), name, hash,
                            List.copyOf(all), now, null, null, MembershipState.none(UUID.randomUUID().toString()), null,
                            List.of(), 1, List.of(events.registered(id, name, now, 1)));
                    return store.insert(member);
                })
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.invalid("email", "is already registered"));
    }

    /**
     * Signs in. Wrong password and unknown email get the same answer in the same time, and both
     * count towards the throttle, so neither the answer nor a 429 tells whether an email exists.
     */
    public Mono<Tokens> login(String email, String password, String address) {
        String account = Registration.normaliseEmail(email == null ? "" : email);
        return failures.waitFor(account, address).flatMap(wait -> {
            if (!wait.isZero()) {
                return Mono.error(new TooManyAttempts(wait));
            }
            return store.findByEmail(account).filter(m -> !m.erased())
                    .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(found -> Mono.fromCallable(() -> {
                        String hash = found.map(MemberDocument::passwordHash).orElse(decoyHash);
                        boolean ok = password != null && passwords.matches(password, hash);
                        return ok && found.isPresent() ? found : java.util.Optional.<MemberDocument>empty();
                    }).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                    .flatMap(member -> member.isEmpty()
                            ? failures.failed(account, address).then(Mono.<Tokens>error(invalidCredentials()))
                            : failures.succeeded(account).then(tokensFor(member.get())));
        });
    }

    public Mono<Tokens> refresh(String refreshToken) {
        return refreshTokens.rotate(refreshToken)
                .flatMap(rotated -> store.findById(rotated.memberId()).filter(m -> !m.erased())
                        .map(m -> issue(m, rotated.token())))
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                        "Unauthorized", "The refresh token is not valid; sign in again.")));
    }

    public Mono<Void> logout(String refreshToken) {
        return refreshTokens.revoke(refreshToken);
    }

    private Mono<Tokens> tokensFor(MemberDocument member) {
        return refreshTokens.issue(member.id()).map(refresh -> issue(member, refresh));
    }

    private Tokens issue(MemberDocument member, String refresh) {
        var access = accessTokens.issue(member.id(), member.roleSet());
        return new Tokens(access.token(), refresh, access.expiresIn().toSeconds(), "Bearer");
    }

    public Mono<MemberDocument> member(String id) {
        return store.findById(id).filter(m -> !m.erased());
    }

    /** Sets a member's roles (every member stays a reader). An admin cannot take away their own admin role. */
    public Mono<MemberDocument> setRoles(String actingAdmin, String memberId, Set<Role> roles) {
        EnumSet<Role> all = EnumSet.of(Role.READER);
        all.addAll(roles);
        if (actingAdmin.equals(memberId) && !all.contains(Role.ADMIN)) {
            return Mono.error(ProblemException.conflict("own-admin-role", "Admins cannot remove their own admin role."));
        }
        return store.update(memberId, doc -> doc.erased() || doc.roleSet().equals(all) ? MemberChange.none()
                : new MemberChange(doc.withRoles(all).withVersion(doc.version() + 1), List.of()))
                .filter(m -> !m.erased())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("There is no member " + memberId + ".")));
    }

    /**
     * Erases a member after confirming their password: personal data gone, membership ended,
     * sign-ins revoked; {@code member-erased} (and {@code ended} for a patron) published.
     */
    public Mono<Void> erase(String memberId, String password) {
        return member(memberId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("There is no such member.")))
                .flatMap(m -> Mono.fromCallable(() -> password != null && passwords.matches(password, m.passwordHash()))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .flatMap(ok -> ok ? Mono.just(true)
                        : Mono.error(ProblemException.invalid("password", "does not match")))
                .then(store.update(memberId, doc -> {
                    if (doc.erased()) {
                        return MemberChange.none();
                    }
                    MemberChange ended = memberships.change(doc, null, (ms, now) -> ms.endNow(EndReason.ERASED));
                    MemberDocument after = ended.isNone() ? doc : ended.next();
                    long version = after.version() + 1;
                    Instant now = clock.instant();
                    var out = new java.util.ArrayList<>(ended.events());
                    out.add(events.erased(doc.id(), now, version));
                    return new MemberChange(after.erasedAt(now).withVersion(version), out);
                }))
                .then(refreshTokens.deleteAll(memberId));
    }

    public Mono<String> hashPassword(String password) {
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthorized",
                "The email or the password is wrong.");
    }

    /** Too many failed sign-ins for this account or address. */
    public static class TooManyAttempts extends ProblemException {

        private final Duration retryAfter;

        TooManyAttempts(Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", "Too many requests",
                    "Too many failed sign-ins. Try again later.");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
