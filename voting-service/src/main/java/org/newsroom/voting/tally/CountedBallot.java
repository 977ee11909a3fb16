package org.newsroom.voting.tally;

import java.util.List;

/** A voter's ballot as the tally counts it: the log sequence, the choices and the weight in thousandths. */
public record CountedBallot(long sequence, List<String> choices, long weight) {

    public CountedBallot {
        choices = List.copyOf(choices);
    }
}
