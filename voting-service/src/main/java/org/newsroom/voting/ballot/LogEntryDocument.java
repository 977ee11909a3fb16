package org.newsroom.voting.ballot;

import java.time.Instant;
import java.util.List;

import org.newsroom.defaults.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of a poll's ballot log with its BallotCast event waiting to be published: the accepted
 * ballot and its event are one write. The id is the poll id and the zero-padded sequence, so the
 * unique id refuses a second entry at the same place and the ids sort in log order.
 */
@Document("ballot_log")
public record LogEntryDocument(@Id String id, String pollId, long sequence, String voterKey, List<String> choices,
        long weight, Instant castAt, String prevHash, String entryHash, List<OutboxEvent> outbox) {

    public static String idOf(String pollId, long sequence) {
        return pollId + ":" + String.format("%012d", sequence);
    }

    static LogEntryDocument of(LogEntry e, List<OutboxEvent> events) {
        return new LogEntryDocument(idOf(e.pollId(), e.sequence()), e.pollId(), e.sequence(), e.voterKey(),
                e.choices(), e.weight(), e.castAt(), e.prevHash(), e.entryHash(), List.copyOf(events));
    }

    public LogEntry entry() {
        return new LogEntry(pollId, sequence, voterKey, choices, weight, castAt, prevHash, entryHash);
    }
}
