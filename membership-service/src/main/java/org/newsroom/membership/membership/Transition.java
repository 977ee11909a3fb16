package org.newsroom.membership.membership;

import java.util.Optional;

/**
 * The outcome of applying something to a membership: the new state and at most one change to
 * announce. {@code changed} is false when nothing at all changed (a repeated or irrelevant input).
 */
public record Transition(Membership membership, Optional<MembershipChange> change, boolean changed) {

    static Transition unchanged(Membership membership) {
        return new Transition(membership, Optional.empty(), false);
    }

    static Transition silent(Membership membership) {
        return new Transition(membership, Optional.empty(), true);
    }

    static Transition announced(Membership membership, MembershipChange change) {
        return new Transition(membership, Optional.of(change), true);
    }
}
