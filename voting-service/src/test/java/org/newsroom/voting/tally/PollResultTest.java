package org.newsroom.voting.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.voting.poll.PollTopic;

class PollResultTest {

    static final List<PollTopic> TOPICS = List.of(new PollTopic("t1", "Buses"), new PollTopic("t2", "Rents"),
            new PollTopic("t3", "Water"));

    static Counts counts(CountedBallot... ballots) {
        Counts c = Counts.EMPTY;
        for (CountedBallot b : ballots) {
            c = c.plus(Counts.delta(null, b));
        }
        return c;
    }

    static CountedBallot b(long weight, String... choices) {
        return new CountedBallot(1, List.of(choices), weight);
    }

    @Test
    void theMostWeightedVotesWin() {
        PollResult r = PollResult.of(TOPICS, counts(b(1000, "t1"), b(1000, "t1"), b(3000, "t2")));
        assertThat(r.selected().topicId()).isEqualTo("t2");
        assertThat(r.tieBreak()).isNull();
        assertThat(r.voteShare()).isEqualTo(0.6);
        assertThat(r.lines()).extracting(PollResult.Line::topicId).containsExactly("t2", "t1", "t3");
        assertThat(r.ballots()).isEqualTo(3);
    }

    @Test
    void aTieOnWeightIsBrokenByMoreBallots() {
        PollResult r = PollResult.of(TOPICS, counts(b(1000, "t1"), b(1000, "t1"), b(2000, "t2")));
        assertThat(r.selected().topicId()).isEqualTo("t1");
        assertThat(r.tieBreak()).isEqualTo(PollResult.BY_BALLOTS);
    }

    @Test
    void aFullTieIsBrokenByThePlaceOnTheBallot() {
        PollResult r = PollResult.of(TOPICS, counts(b(1000, "t3"), b(1000, "t2")));
        assertThat(r.selected().topicId()).isEqualTo("t2");
        assertThat(r.tieBreak()).isEqualTo(PollResult.BY_BALLOT_ORDER);
        assertThat(r.voteShare()).isEqualTo(0.5);
    }

    @Test
    void nothingIsSelectedWithoutBallots() {
        PollResult r = PollResult.of(TOPICS, Counts.EMPTY);
        assertThat(r.selected()).isNull();
        assertThat(r.tieBreak()).isNull();
        assertThat(r.lines()).hasSize(3).allMatch(l -> l.votes() == 0);
    }

    @Test
    void replacingABallotMovesItsVotes() {
        CountedBallot first = new CountedBallot(1, List.of("t1", "t2"), 2000);
        CountedBallot second = new CountedBallot(5, List.of("t3"), 2000);
        Counts c = Counts.delta(null, first).plus(Counts.delta(first, second));
        assertThat(c).isEqualTo(counts(second));
        assertThat(c.ballots()).isEqualTo(1);
        assertThat(c.of("t1")).isEqualTo(TopicCount.ZERO);
        assertThat(c.of("t3")).isEqualTo(new TopicCount(1, 2000));
    }
}
