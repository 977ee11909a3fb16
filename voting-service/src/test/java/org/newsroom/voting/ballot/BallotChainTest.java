package org.newsroom.voting.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BallotChainTest {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    static List<LogEntry> log(int n) {
        List<LogEntry> entries = new ArrayList<>();
        String prev = BallotChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            LogEntry e = BallotChain.append(prev, "p1", i, "k" + (i % 3), List.of("t" + (i % 2)), 1000,
                    T.plusSeconds(i));
            entries.add(e);
            prev = e.entryHash();
        }
        return entries;
    }

    @Test
    void anIntactChainVerifies() {
        List<LogEntry> entries = log(10);
        assertThat(BallotChain.firstBroken(BallotChain.GENESIS, 1, entries)).isEqualTo(-1);
        assertThat(entries.get(0).prevHash()).isEqualTo(BallotChain.GENESIS);
        assertThat(entries.get(4).entryHash()).matches("[0-9a-f]{64}");
        assertThat(BallotChain.firstBroken(entries.get(3).entryHash(), 5, entries.subList(4, 10))).isEqualTo(-1);
    }

    @Test
    void changingAChoiceBreaksTheChainAtThatEntry() {
        List<LogEntry> entries = new ArrayList<>(log(10));
        LogEntry e = entries.get(5);
        entries.set(5, new LogEntry(e.pollId(), e.sequence(), e.voterKey(), List.of("t9"), e.weight(), e.castAt(),
                e.prevHash(), e.entryHash()));
        assertThat(BallotChain.firstBroken(BallotChain.GENESIS, 1, entries)).isEqualTo(6);
    }

    @Test
    void droppingOrReorderingEntriesBreaksTheChain() {
        List<LogEntry> entries = new ArrayList<>(log(10));
        entries.remove(3);
        assertThat(BallotChain.firstBroken(BallotChain.GENESIS, 1, entries)).isEqualTo(4);
        List<LogEntry> swapped = new ArrayList<>(log(10));
        swapped.set(2, log(10).get(3));
        swapped.set(3, log(10).get(2));
        assertThat(BallotChain.firstBroken(BallotChain.GENESIS, 1, swapped)).isEqualTo(3);
    }

    @Test
    void aReceiptNamesTheEntry() {
        LogEntry e = log(3).get(2);
        String receipt = BallotChain.receiptOf(e);
        assertThat(BallotChain.sequenceOf(receipt)).isEqualTo(3);
        assertThat(BallotChain.matches(receipt, e)).isTrue();
        assertThat(BallotChain.matches(receipt, log(3).get(1))).isFalse();
        assertThat(BallotChain.sequenceOf("3-xyz")).isEqualTo(-1);
        assertThat(BallotChain.sequenceOf(null)).isEqualTo(-1);
        assertThat(BallotChain.sequenceOf("0-" + "a".repeat(32))).isEqualTo(-1);
    }

    @Test
    void voterKeysArePseudonymousPerPollAndNeedALongSecret() {
        VoterKeys keys = new VoterKeys("a-secret-of-at-least-thirty-two-bytes");
        assertThat(keys.keyOf("m1", "p1")).isEqualTo(keys.keyOf("m1", "p1")).matches("[0-9a-f]{64}")
                .isNotEqualTo(keys.keyOf("m1", "p2")).isNotEqualTo(keys.keyOf("m2", "p1"));
        assertThat(new VoterKeys("another-secret-of-at-least-32-bytes").keyOf("m1", "p1"))
                .isNotEqualTo(keys.keyOf("m1", "p1"));
        // the separator keeps ("m1", "2p") and ("m12", "p") apart
        assertThat(keys.keyOf("m1", "2p")).isNotEqualTo(keys.keyOf("m12", "p"));
        assertThatThrownBy(() -> new VoterKeys("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
