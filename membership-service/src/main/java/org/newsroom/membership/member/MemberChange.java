package org.newsroom.membership.member;

import java.util.List;

import org.newsroom.defaults.outbox.OutboxEvent;

/** A new state of a member document and the events it publishes; {@code null} next means no change. */
public record MemberChange(MemberDocument next, List<OutboxEvent> events) {

    public static MemberChange none() {
        return new MemberChange(null, List.of());
    }

    public boolean isNone() {
        return next == null;
    }
}
