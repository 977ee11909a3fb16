package org.newsroom.voting.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newsroom.voting.common.RuleViolation;

class TopicTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static Topic proposed(String id) {
        return Topic.propose(id, "Why are the night buses gone?", "  Line 7 stopped in May.  ", "m1", NOW);
    }

    @Test
    void aProposalStartsProposedWithTrimmedText() {
        Topic t = proposed("t1");
        assertThat(t.status()).isEqualTo(TopicStatus.PROPOSED);
        assertThat(t.description()).isEqualTo("Line 7 stopped in May.");
        assertThat(t.version()).isEqualTo(1);
    }

    @Test
    void proposalTextHasLengthLimits() {
        assertThatThrownBy(() -> Topic.checkProposal("abc", "x")).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.fieldMap()).containsKey("title"));
        assertThatThrownBy(() -> Topic.checkProposal("x".repeat(121), "x".repeat(2001)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.fieldMap()).containsKeys("title", "description"));
        assertThatThrownBy(() -> Topic.checkProposal("     ", null)).isInstanceOf(RuleViolation.class);
        Topic.checkProposal("Bus 7", null);
        Topic.checkProposal("x".repeat(120), "y".repeat(2000));
    }

    @Test
    void anEditorApprovesOrDeclinesAProposal() {
        Topic approved = proposed("t1").approve();
        assertThat(approved.status()).isEqualTo(TopicStatus.APPROVED);
        assertThat(approved.version()).isEqualTo(2);
        Topic declined = proposed("t2").decline("Out of scope");
        assertThat(declined.status()).isEqualTo(TopicStatus.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("Out of scope");
    }

    @Test
    void aDeclinedTopicCannotBeApproved() {
        Topic declined = proposed("t1").decline("no");
        assertThatThrownBy(declined::approve).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.CONFLICT));
        assertThatThrownBy(() -> proposed("t2").approve().approve()).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aReasonIsRequiredToDecline() {
        assertThatThrownBy(() -> Topic.checkReason(" ")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Topic.checkReason("x".repeat(1001))).isInstanceOf(RuleViolation.class);
        assertThat(Topic.checkReason(" Duplicate ")).isEqualTo("Duplicate");
    }

    @Test
    void aDuplicateMergesIntoALiveTopic() {
        Topic survivor = proposed("t1").approve();
        Topic merged = proposed("t2").mergeInto(survivor);
        assertThat(merged.status()).isEqualTo(TopicStatus.MERGED);
        assertThat(merged.mergedInto()).isEqualTo("t1");
    }

    @Test
    void mergeRefusesItselfDeadTargetsAndTopicsOnABallot() {
        Topic t = proposed("t1");
        assertThatThrownBy(() -> t.mergeInto(t)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> t.mergeInto(proposed("t2").decline("no"))).isInstanceOf(RuleViolation.class);
        Topic onBallot = proposed("t3").approve().putOnBallot("p1");
        assertThatThrownBy(() -> onBallot.mergeInto(t)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.CONFLICT));
    }

    @Test
    void aTopicGoesOnABallotIsSelectedAndCovered() {
        Topic t = proposed("t1").approve().putOnBallot("p1");
        assertThat(t.status()).isEqualTo(TopicStatus.ON_BALLOT);
        assertThat(t.pollId()).isEqualTo("p1");
        Topic selected = t.select();
        assertThat(selected.status()).isEqualTo(TopicStatus.SELECTED);
        Topic covered = selected.cover("a1");
        assertThat(covered.status()).isEqualTo(TopicStatus.COVERED);
        assertThat(covered.articleId()).isEqualTo("a1");
        assertThat(covered.canBeCovered()).isFalse();
    }

    @Test
    void aTopicThatLostGoesBackToApproved() {
        Topic t = proposed("t1").approve().putOnBallot("p1").releaseFromBallot();
        assertThat(t.status()).isEqualTo(TopicStatus.APPROVED);
        assertThat(t.pollId()).isNull();
    }

    @Test
    void onlyAnApprovedTopicGoesOnABallotAndOnlyABallotTopicIsSelected() {
        assertThatThrownBy(() -> proposed("t1").putOnBallot("p1")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> proposed("t1").approve().select()).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> proposed("t1").cover("a1")).isInstanceOf(RuleViolation.class);
    }
}
