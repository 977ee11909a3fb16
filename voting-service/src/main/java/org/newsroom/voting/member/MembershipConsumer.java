package org.newsroom.voting.member;

import java.util.function.Consumer;

import org.newsroom.defaults.events.EventConsumers;
import org.newsroom.defaults.events.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import reactor.core.publisher.Mono;

/** Keeps the member projection from {@code newsroom.membership.v1}. */
@Configuration(proxyBeanMethods = false)
class MembershipConsumer {

    static final String PREFIX = "org.newsroom.membership.";
    static final String REGISTERED = PREFIX + "member-registered.v1";
    static final String ERASED = PREFIX + "member-erased.v1";
    static final String[] STATE_TYPES = { PREFIX + "activated.v1", PREFIX + "renewed.v1", PREFIX + "tier-changed.v1",
            PREFIX + "past-due.v1", PREFIX + "ended.v1" };

    record Registered(String memberId, Long version) {
    }

    record Erased(String memberId, Long version) {
    }

    @Bean
    Consumer<Message<byte[]>> membershipProjection(EventConsumers consumers, MemberStore members) {
        EventHandlers.Builder handlers = EventHandlers.builder()
                .on(REGISTERED, Registered.class, (event, data) -> data.memberId() == null ? Mono.empty()
                        : members.apply(new MemberStanding(data.memberId(), null, 0, null, null, null, false,
                                data.version() == null ? 0 : data.version())))
                .on(ERASED, Erased.class, (event, data) -> data.memberId() == null ? Mono.empty()
                        : members.erase(data.memberId(), data.version() == null ? Long.MAX_VALUE : data.version()));
        for (String type : STATE_TYPES) {
            handlers.on(type, MembershipData.class,
                    (event, data) -> data.memberId() == null ? Mono.empty() : members.apply(data.standing()));
        }
        return consumers.consumer("voting-membership", handlers.build());
    }
}
