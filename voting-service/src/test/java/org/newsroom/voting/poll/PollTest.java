package org.newsroom.voting.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.newsroom.voting.common.RuleViolation;

class PollTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final List<PollTopic> TOPICS = List.of(new PollTopic("t1", "Buses"), new PollTopic("t2", "Rents"),
            new PollTopic("t3", "Water"));

    static Poll poll(VotingRule rule, Integer max) {
        return Poll.create("p1", "What next?", TOPICS, NOW, NOW.plusSeconds(3600), rule, max, Weighting.EQUAL,
                ResultsVisibility.LIVE, Set.of("Supporter"), "e1");
    }

    static RuleViolation refusal(Runnable r) {
        try {
            r.run();
        } catch (RuleViolation v) {
            return v;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aDefinitionNeedsTwoToTwentyDistinctTopics() {
        List<String> one = List.of("t1");
        List<String> many = IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
        for (List<String> ids : List.of(one, many, List.of("t1", "t1"))) {
            RuleViolation v = refusal(() -> Poll.checkDefinition("What next?", ids, NOW, NOW.plusSeconds(60),
                    VotingRule.SINGLE, 1, Weighting.EQUAL, ResultsVisibility.LIVE, NOW));
            assertThat(v.fieldMap()).containsKey("topicIds");
        }
        Poll.checkDefinition("What next?", many.subList(0, 20), NOW, NOW.plusSeconds(60), VotingRule.SINGLE, null,
                Weighting.EQUAL, ResultsVisibility.LIVE, NOW);
    }

    @Test
    void aDefinitionReportsEveryBadFieldAtOnce() {
        RuleViolation v = refusal(() -> Poll.checkDefinition("", List.of("t1", "t2"), NOW, NOW.minusSeconds(1),
                VotingRule.APPROVAL, 3, null, null, NOW));
        assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID);
        assertThat(v.fieldMap()).containsKeys("title", "closesAt", "maxChoices", "weighting", "resultsVisibility");
    }

    @Test
    void singleChoiceTakesOneAndApprovalUpToN() {
        assertThat(refusal(() -> Poll.checkDefinition("What next?", List.of("t1", "t2"), NOW, NOW.plusSeconds(9),
                VotingRule.SINGLE, 2, Weighting.EQUAL, ResultsVisibility.LIVE, NOW)).fieldMap())
                .containsKey("maxChoices");
        assertThat(refusal(() -> Poll.checkDefinition("What next?", List.of("t1", "t2"), NOW, NOW.plusSeconds(9),
                VotingRule.APPROVAL, null, Weighting.EQUAL, ResultsVisibility.LIVE, NOW)).fieldMap())
                .containsKey("maxChoices");
        assertThat(poll(VotingRule.SINGLE, null).maxChoices()).isEqualTo(1);
        assertThat(poll(VotingRule.APPROVAL, 2).maxChoices()).isEqualTo(2);
    }

    @Test
    void ballotChoicesAreCheckedAgainstTheBallotAndTheRule() {
        Poll single = poll(VotingRule.SINGLE, null);
        assertThat(single.checkChoices(List.of("t2"))).containsExactly("t2");
        assertThat(refusal(() -> single.checkChoices(List.of("t1", "t2"))).slug()).isEqualTo("too-many-choices");
        assertThat(refusal(() -> single.checkChoices(List.of("t9"))).slug()).isEqualTo("choice-not-on-ballot");
        assertThat(refusal(() -> single.checkChoices(List.of())).kind()).isEqualTo(RuleViolation.Kind.INVALID);
        Poll approval = poll(VotingRule.APPROVAL, 2);
        assertThat(approval.checkChoices(List.of("t1", "t3"))).containsExactly("t1", "t3");
        assertThat(refusal(() -> approval.checkChoices(List.of("t1", "t2", "t3"))).slug())
                .isEqualTo("too-many-choices");
        assertThat(refusal(() -> approval.checkChoices(List.of("t1", "t1"))).kind())
                .isEqualTo(RuleViolation.Kind.INVALID);
    }

    @Test
    void ballotsAreAcceptedOnlyBetweenOpeningAndClosing() {
        Poll p = poll(VotingRule.SINGLE, null);
        assertThat(p.acceptsBallotsAt(NOW.minusMillis(1))).isFalse();
        assertThat(p.acceptsBallotsAt(NOW)).isTrue();
        assertThat(p.acceptsBallotsAt(NOW.plusSeconds(3599))).isTrue();
        assertThat(p.acceptsBallotsAt(NOW.plusSeconds(3600))).isFalse();
        assertThat(p.close(NOW.plusSeconds(10)).acceptsBallotsAt(NOW.plusSeconds(11))).isFalse();
    }

    @Test
    void theScheduleOpensAndClosesAndAnEditorClosesEarly() {
        Poll p = poll(VotingRule.SINGLE, null);
        assertThat(p.status()).isEqualTo(PollStatus.SCHEDULED);
        assertThat(p.dueToOpen(NOW.minusSeconds(1))).isFalse();
        assertThat(p.dueToOpen(NOW)).isTrue();
        Poll open = p.open();
        assertThat(open.status()).isEqualTo(PollStatus.OPEN);
        assertThat(open.dueToClose(NOW.plusSeconds(3599))).isFalse();
        assertThat(open.dueToClose(NOW.plusSeconds(3600))).isTrue();
        Poll early = open.close(NOW.plusSeconds(60));
        assertThat(early.status()).isEqualTo(PollStatus.CLOSED);
        assertThat(early.closedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(early.closesAt()).isEqualTo(NOW.plusSeconds(60));
        Poll late = open.close(NOW.plusSeconds(4000));
        assertThat(late.closedAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThatThrownBy(() -> early.close(NOW)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(open::open).isInstanceOf(RuleViolation.class);
    }

    @Test
    void talliesShowLiveOrOnlyAfterClose() {
        Poll live = poll(VotingRule.SINGLE, null);
        assertThat(live.talliesVisibleAt(NOW.plusSeconds(5))).isTrue();
        Poll hidden = Poll.create("p2", "What next?", TOPICS, NOW, NOW.plusSeconds(3600), VotingRule.SINGLE, null,
                Weighting.EQUAL, ResultsVisibility.AFTER_CLOSE, Set.of(), "e1");
        assertThat(hidden.talliesVisibleAt(NOW.plusSeconds(5))).isFalse();
        assertThat(hidden.talliesVisibleAt(NOW.plusSeconds(3600))).isTrue();
        assertThat(hidden.close(NOW.plusSeconds(5)).talliesVisibleAt(NOW.plusSeconds(6))).isTrue();
    }

    @Test
    void eligibleTiersAndWeights() {
        Poll p = poll(VotingRule.SINGLE, null);
        assertThat(p.admitsTier("Supporter")).isTrue();
        assertThat(p.admitsTier("Champion")).isFalse();
        Poll every = Poll.create("p2", "What next?", TOPICS, NOW, NOW.plusSeconds(60), VotingRule.SINGLE, null,
                Weighting.TIER, ResultsVisibility.LIVE, Set.of(), "e1");
        assertThat(every.admitsTier("Champion")).isTrue();
        assertThat(every.weightOf(3000)).isEqualTo(3000);
        assertThat(p.weightOf(3000)).isEqualTo(1000);
    }
}
