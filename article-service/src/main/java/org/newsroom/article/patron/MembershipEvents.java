package org.newsroom.article.patron;

import java.time.Instant;
import java.util.function.Consumer;

import org.newsroom.defaults.events.EventConsumers;
import org.newsroom.defaults.events.EventHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps the patron projection from {@code newsroom.membership.v1} (binding {@code membership-in-0}).
 * Every membership event carries the whole membership state, so each one simply replaces the
 * member's standing when it is newer.
 */
@Configuration(proxyBeanMethods = false)
class MembershipEvents {

    static final String PREFIX = "org.newsroom.membership.";
    static final String[] STATE_TYPES = {"activated.v1", "renewed.v1", "tier-changed.v1", "past-due.v1", "ended.v1"};
    static final String ERASED = PREFIX + "member-erased.v1";

    private static final Logger log = LoggerFactory.getLogger(MembershipEvents.class);

    /** What this service reads of a membership event; everything else is ignored. */
    record MembershipState(String memberId, String status, String tier, Instant currentPeriodEnd, Instant graceEndsAt,
                           Long version) {
    }

    record MemberErased(String memberId, Long version) {
    }

    @Bean
    Consumer<Message<byte[]>> membership(EventConsumers consumers, PatronStore patrons) {
        EventHandlers.Builder handlers = EventHandlers.builder();
        for (String type : STATE_TYPES) {
            handlers.on(PREFIX + type, MembershipState.class, (event, data) -> {
                require(data.memberId(), data.version(), event.type());
                return patrons.applyMembership(data.memberId(), data.version(), data.status(), data.tier(),
                        data.currentPeriodEnd(), data.graceEndsAt()).doOnNext(applied -> {
                            if (!applied) {
                                log.debug("Membership event {} for {} is not newer than version held; dropped",
                                        event.id(), data.memberId());
                            }
                        });
            });
        }
        handlers.on(ERASED, MemberErased.class, (event, data) -> {
            require(data.memberId(), data.version(), event.type());
            return patrons.erase(data.memberId(), data.version());
        });
        return consumers.consumer("membership", handlers.build());
    }

    private static void require(String memberId, Long version, String type) {
        if (memberId == null || memberId.isBlank() || version == null) {
            // Retried, then dead-lettered: an event without these cannot be applied safely.
            throw new IllegalArgumentException(type + " without memberId or version");
        }
    }

}
