package org.newsroom.membership.config;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.newsroom.membership.account.AccountService;
import org.newsroom.membership.account.Registration;
import org.newsroom.membership.account.Role;
import org.newsroom.membership.member.MemberDocument;
import org.newsroom.membership.member.MemberStore;
import org.newsroom.membership.membership.CheckoutDocument;
import org.newsroom.membership.membership.Checkouts;
import org.newsroom.membership.membership.MembershipService;
import org.newsroom.membership.payment.SandboxPayments;
import org.newsroom.membership.tier.BillingPeriod;
import org.newsroom.membership.tier.Tiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.dao.DuplicateKeyException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What must exist before members arrive: indexes, the first admin from configuration and, on the
 * local stack, the demo accounts. Every step can run again after a restart and changes nothing then.
 */
@Component
public class StartupData {

    private static final Logger log = LoggerFactory.getLogger(StartupData.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The demo accounts of the local stack; the passwords are documented in the README. */
    record DemoAccount(String email, String password, String displayName, Set<Role> roles, String tier) {
    }

    static final List<DemoAccount> DEMO = List.of(
            new DemoAccount("admin@newsroom.test", "admin-password", "Ada Admin", EnumSet.of(Role.ADMIN, Role.EDITOR), null),
            new DemoAccount("editor@newsroom.test", "editor-password", "Eddie Editor", EnumSet.of(Role.EDITOR), null),
            new DemoAccount("patron1@newsroom.test", "patron1-password", "Pat Coffee", EnumSet.of(Role.READER), "coffee"),
            new DemoAccount("patron2@newsroom.test", "patron2-password", "Pia Champion", EnumSet.of(Role.READER), "champion"),
            new DemoAccount("reader@newsroom.test", "reader-password", "Rea Reader", EnumSet.of(Role.READER), null));

    private final MemberStore store;
    private final AccountService accounts;
    private final MembershipService memberships;
    private final Checkouts checkouts;
    private final SandboxPayments sandbox;
    private final Tiers tiers;
    private final String firstAdminEmail;
    private final String firstAdminPassword;
    private final boolean demo;

    StartupData(MemberStore store, AccountService accounts, MembershipService memberships, Checkouts checkouts,
            SandboxPayments sandbox, Tiers tiers,
            @Value("${newsroom.auth.first-admin.email:}") String firstAdminEmail,
            @Value("${newsroom.auth.first-admin.password:}") String firstAdminPassword,
            @Value("${newsroom.demo.enabled:false}") boolean demo) {
        this.store = store;
        this.accounts = accounts;
        this.memberships = memberships;
        this.checkouts = checkouts;
        this.sandbox = sandbox;
        this.tiers = tiers;
        this.firstAdminEmail = firstAdminEmail;
        this.firstAdminPassword = firstAdminPassword;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void prepare() {
        store.createIndexes().block(TIMEOUT);
        if (!firstAdminEmail.isBlank()) {
            ensureAccount(firstAdminEmail, firstAdminPassword, "Admin", EnumSet.of(Role.ADMIN)).block(TIMEOUT);
        }
        if (demo) {
            Flux.fromIterable(DEMO).concatMap(this::ensureDemo).then().block(TIMEOUT);
            log.info("Demo accounts ready: {}", DEMO.stream().map(DemoAccount::email).toList());
        }
    }

    /** The account with at least these roles; created when missing (and a password is known). */
    private Mono<MemberDocument> ensureAccount(String email, String password, String name, Set<Role> roles) {
        String normalised = Registration.normaliseEmail(email);
        return store.findByEmail(normalised)
                .switchIfEmpty(Mono.defer(() -> password == null || password.isBlank()
                        ? Mono.<MemberDocument>empty().doOnSubscribe(s -> log.warn(
                                "First admin {} has no account and no password is configured", normalised))
                        : accounts.register(normalised, password, name, roles)
                                .onErrorResume(DuplicateKeyException.class, e -> store.findByEmail(normalised))))
                .flatMap(m -> m.roleSet().containsAll(roles) ? Mono.just(m) : grant(m, roles));
    }

    private Mono<MemberDocument> grant(MemberDocument m, Set<Role> roles) {
        EnumSet<Role> all = EnumSet.copyOf(m.roleSet());
        all.addAll(roles);
        // an admin acting on someone else's account: the member's own id never matches a fresh one
        return accounts.setRoles(UUID.randomUUID().toString(), m.id(), all);
    }

    /** Demo patrons pay through the sandbox, so their events reach the topic like anyone's. */
    private Mono<MemberDocument> ensureDemo(DemoAccount account) {
        return ensureAccount(account.email(), account.password(), account.displayName(), account.roles())
                .flatMap(m -> account.tier() == null || m.membership().status().isPatron() ? Mono.just(m)
                        : becomePatron(m, account.tier()));
    }

    private Mono<MemberDocument> becomePatron(MemberDocument m, String tierId) {
        var tier = tiers.find(tierId).orElseThrow();
        String checkoutId = "co_demo_" + UUID.randomUUID().toString().replace("-", "");
        var checkout = new CheckoutDocument(checkoutId, m.id(), tier.id(), BillingPeriod.MONTHLY,
                tier.price(BillingPeriod.MONTHLY), tier.currency(), java.time.Instant.now(), CheckoutDocument.Status.OPEN);
        return checkouts.insert(checkout)
                .then(memberships.apply(m.id(), null, (ms, now) -> ms.startCheckout(checkoutId, tier.id(),
                        BillingPeriod.MONTHLY, now)))
                .then(sandbox.pay(checkout))
                .then(store.findById(m.id()));
    }
}
