package org.newsroom.voting.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.newsroom.voting.common.RuleViolation;
import org.newsroom.voting.common.RuleViolation.FieldError;

/**
 * A poll: which approved topics are on the ballot, when it runs, how ballots are read and weighed,
 * and who may vote. Immutable; transitions return the next state with the version raised by one.
 */
public record Poll(String id, String title, List<PollTopic> topics, Instant opensAt, Instant closesAt,
        VotingRule rule, int maxChoices, Weighting weighting, ResultsVisibility resultsVisibility,
        Set<String> eligibleTiers, PollStatus status, String createdBy, Instant closedAt, long version) {

    public static final int MIN_TOPICS = 2;
    public static final int MAX_TOPICS = 20;
    public static final int TITLE_MIN = 5;
    public static final int TITLE_MAX = 160;

    public Poll {
        Objects.requireNonNull(id, "id");
        topics = List.copyOf(topics);
        eligibleTiers = Set.copyOf(eligibleTiers);
    }

    /**
     * Checks a poll definition: a title, 2 to 20 distinct topics, a closing time after the opening
     * time and in the future, and a choice count that fits the rule. Reports every bad field at once.
     */
    public static void checkDefinition(String title, List<String> topicIds, Instant opensAt, Instant closesAt,
            VotingRule rule, Integer maxChoices, Weighting weighting, ResultsVisibility visibility, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.length() < TITLE_MIN || t.length() > TITLE_MAX) {
            errors.add(new FieldError("title", "must be " + TITLE_MIN + " to " + TITLE_MAX + " characters"));
        }
        if (topicIds == null || topicIds.size() < MIN_TOPICS || topicIds.size() > MAX_TOPICS) {
            errors.add(new FieldError("topicIds", "must list " + MIN_TOPICS + " to " + MAX_TOPICS + " topics"));
        } else if (new HashSet<>(topicIds).size() != topicIds.size() || topicIds.stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError("topicIds", "must not repeat a topic"));
        }
        if (opensAt == null) {
            errors.add(new FieldError("opensAt", "is required"));
        }
        if (closesAt == null) {
            errors.add(new FieldError("closesAt", "is required"));
        } else {
            if (opensAt != null && !closesAt.isAfter(opensAt)) {
                errors.add(new FieldError("closesAt", "must be after opensAt"));
            }
            if (!closesAt.isAfter(now)) {
                errors.add(new FieldError("closesAt", "must be in the future"));
            }
        }
        if (rule == null) {
            errors.add(new FieldError("rule", "must be SINGLE or APPROVAL"));
        } else if (rule == VotingRule.SINGLE) {
            if (maxChoices != null && maxChoices != 1) {
                errors.add(new FieldError("maxChoices", "must be 1 (or absent) for a SINGLE choice poll"));
            }
        } else {
            int topicCount = topicIds == null ? 0 : topicIds.size();
            if (maxChoices == null || maxChoices < 1 || (topicCount > 0 && maxChoices > topicCount)) {
                errors.add(new FieldError("maxChoices", "must be between 1 and the number of topics"));
            }
        }
        if (weighting == null) {
            errors.add(new FieldError("weighting", "must be EQUAL or TIER"));
        }
        if (visibility == null) {
            errors.add(new FieldError("resultsVisibility", "must be LIVE or AFTER_CLOSE"));
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.invalid(errors);
        }
    }

    /** A new poll; scheduled, or open at once when its opening time has come. */
    public static Poll create(String id, String title, List<PollTopic> topics, Instant opensAt, Instant closesAt,
            VotingRule rule, Integer maxChoices, Weighting weighting, ResultsVisibility visibility,
            Set<String> eligibleTiers, String createdBy) {
        int max = rule == VotingRule.SINGLE ? 1 : maxChoices;
        return new Poll(id, title.strip(), topics, opensAt, closesAt, rule, max, weighting, visibility,
                eligibleTiers == null ? Set.of() : eligibleTiers, PollStatus.SCHEDULED, createdBy, null, 1);
    }

    public boolean dueToOpen(Instant now) {
        return status == PollStatus.SCHEDULED && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean dueToClose(Instant now) {
        return status != PollStatus.CLOSED && !now.isBefore(closesAt);
    }

    public Poll open() {
        if (status != PollStatus.SCHEDULED) {
            throw RuleViolation.conflict("poll-status", "only a scheduled poll can open (the poll is " + status + ")");
        }
        return with(PollStatus.OPEN, closesAt, null);
    }

    /** Closes the poll now: on schedule, or early by an editor. */
    public Poll close(Instant now) {
        if (status == PollStatus.CLOSED) {
            throw RuleViolation.conflict("poll-status", "the poll is already closed");
        }
        Instant end = now.isBefore(closesAt) ? now : closesAt;
        return with(PollStatus.CLOSED, end, end);
    }

    /** Ballots are accepted only between opening and closing, whatever the scheduler has done yet. */
    public boolean acceptsBallotsAt(Instant now) {
        return status != PollStatus.CLOSED && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** The status a reader should see now, even if the scheduler has not run yet. */
    public PollStatus statusAt(Instant now) {
        if (status == PollStatus.CLOSED || !now.isBefore(closesAt)) {
            return PollStatus.CLOSED;
        }
        return now.isBefore(opensAt) ? PollStatus.SCHEDULED : PollStatus.OPEN;
    }

    /** Whether tallies may be shown now. */
    public boolean talliesVisibleAt(Instant now) {
        return resultsVisibility == ResultsVisibility.LIVE || statusAt(now) == PollStatus.CLOSED;
    }

    /** Whether a patron of {@code tier} may vote; an empty list means every paid tier. */
    public boolean admitsTier(String tier) {
        return eligibleTiers.isEmpty() || eligibleTiers.stream().anyMatch(t -> t.equalsIgnoreCase(tier));
    }

    /** The choices of a ballot, checked against the ballot and the rule; answers them without repeats. */
    public List<String> checkChoices(List<String> choices) {
        if (choices == null || choices.isEmpty()) {
            throw RuleViolation.invalid("choices", "must name at least one topic");
        }
        if (choices.stream().anyMatch(Objects::isNull)) {
            throw RuleViolation.invalid("choices", "must not contain null");
        }
        if (new HashSet<>(choices).size() != choices.size()) {
            throw RuleViolation.invalid("choices", "must not name a topic twice");
        }
        Set<String> onBallot = new HashSet<>();
        topics.forEach(t -> onBallot.add(t.topicId()));
        List<String> unknown = choices.stream().filter(c -> !onBallot.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.unprocessable("choice-not-on-ballot", "not on this poll's ballot: " + unknown,
                    "choices");
        }
        if (choices.size() > maxChoices) {
            throw RuleViolation.unprocessable("too-many-choices", rule == VotingRule.SINGLE
                    ? "this poll takes a single choice"
                    : "this poll takes at most " + maxChoices + " choices", "choices");
        }
        return List.copyOf(choices);
    }

    /** What a ballot counts for, in thousandths, given the voter's tier weight in thousandths. */
    public long weightOf(long tierWeightMillis) {
        return weighting == Weighting.EQUAL ? 1000 : tierWeightMillis;
    }

    private Poll with(PollStatus s, Instant closes, Instant closed) {
        return new Poll(id, title, topics, opensAt, closes, rule, maxChoices, weighting, resultsVisibility,
                eligibleTiers, s, createdBy, closed, version + 1);
    }
}
