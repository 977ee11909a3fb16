package org.newsroom.voting.topic;

import java.time.Instant;
import java.util.Objects;

import org.newsroom.voting.common.RuleViolation;

/**
 * A topic patrons propose for the newsroom to cover. Immutable: every transition returns the next
 * state with the version raised by one, or refuses with a {@link RuleViolation}.
 */
public record Topic(String id, String title, String description, TopicStatus status, String proposedBy,
        Instant proposedAt, String declineReason, String mergedInto, String pollId, String articleId,
        long version) {

    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 120;
    public static final int DESCRIPTION_MAX = 2000;

    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** Checks a proposal's text: a title of 5 to 120 characters, a description of at most 2000. */
    public static void checkProposal(String title, String description) {
        java.util.List<RuleViolation.FieldError> errors = new java.util.ArrayList<>();
        int t = title == null ? 0 : title.strip().length();
        if (t < TITLE_MIN || t > TITLE_MAX) {
            errors.add(new RuleViolation.FieldError("title", "must be " + TITLE_MIN + " to " + TITLE_MAX + " characters"));
        }
        if (description != null && description.strip().length() > DESCRIPTION_MAX) {
            errors.add(new RuleViolation.FieldError("description", "must be at most " + DESCRIPTION_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.invalid(errors);
        }
    }

    /** Checks a decline reason: required, at most 1000 characters. */
    public static String checkReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 1000) {
            throw RuleViolation.invalid("reason", "must be 1 to 1000 characters");
        }
        return r;
    }

    /** A new proposal, after {@link #checkProposal} accepted its text. */
    public static Topic propose(String id, String title, String description, String proposedBy, Instant now) {
        return new Topic(id, title.strip(), description == null ? "" : description.strip(), TopicStatus.PROPOSED,
                proposedBy, now, null, null, null, null, 1);
    }

    public Topic approve() {
        require(status == TopicStatus.PROPOSED, "only a proposed topic can be approved");
        return with(TopicStatus.APPROVED, declineReason, mergedInto, pollId, articleId);
    }

    public Topic decline(String reason) {
        require(status == TopicStatus.PROPOSED || status == TopicStatus.APPROVED,
                "only a proposed or approved topic can be declined");
        return with(TopicStatus.DECLINED, reason, mergedInto, pollId, articleId);
    }

    /**
     * Merges this duplicate into {@code survivor}. A topic on a running ballot cannot be merged (its
     * ballots are being counted); the survivor must itself be alive (not declined or merged).
     */
    public Topic mergeInto(Topic survivor) {
        if (survivor.id().equals(id)) {
            throw RuleViolation.unprocessable("merge-into-self", "a topic cannot be merged into itself", "into");
        }
        require(status == TopicStatus.PROPOSED || status == TopicStatus.APPROVED,
                "only a proposed or approved topic can be merged into another");
        if (survivor.status() == TopicStatus.DECLINED || survivor.status() == TopicStatus.MERGED) {
            throw RuleViolation.unprocessable("merge-target", "the surviving topic is " + survivor.status(), "into");
        }
        return with(TopicStatus.MERGED, declineReason, survivor.id(), pollId, articleId);
    }

    public Topic putOnBallot(String newPollId) {
        require(status == TopicStatus.APPROVED, "only an approved topic can be put on a ballot");
        return with(TopicStatus.ON_BALLOT, declineReason, mergedInto, newPollId, articleId);
    }

    /** The poll closed and another topic won: the topic may go on a later ballot. */
    public Topic releaseFromBallot() {
        require(status == TopicStatus.ON_BALLOT, "the topic is not on a ballot");
        return with(TopicStatus.APPROVED, declineReason, mergedInto, null, articleId);
    }

    public Topic select() {
        require(status == TopicStatus.ON_BALLOT, "only a topic on a ballot can be selected");
        return with(TopicStatus.SELECTED, declineReason, mergedInto, pollId, articleId);
    }

    /** An article on the topic was published. Proposed, declined and merged topics are not covered. */
    public boolean canBeCovered() {
        return status == TopicStatus.APPROVED || status == TopicStatus.ON_BALLOT || status == TopicStatus.SELECTED;
    }

    public Topic cover(String newArticleId) {
        require(canBeCovered(), "a " + status + " topic cannot be covered");
        return with(TopicStatus.COVERED, declineReason, mergedInto, pollId, newArticleId);
    }

    public TopicView view() {
        return new TopicView(id, title, description, status);
    }

    private Topic with(TopicStatus s, String reason, String into, String poll, String article) {
        return new Topic(id, title, description, s, proposedBy, proposedAt, reason, into, poll, article, version + 1);
    }

    private void require(boolean allowed, String message) {
        if (!allowed) {
            throw RuleViolation.conflict("topic-status", message + " (the topic is " + status + ")");
        }
    }
}
