package org.newsroom.voting.ballot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of a ballot log. Each entry's hash is SHA-256 over the previous entry's hash and
 * the entry's content, so changing, dropping or reordering an entry breaks every hash after it.
 * The first entry chains to {@link #GENESIS}.
 */
public final class BallotChain {

    public static final String GENESIS = "0".repeat(64);
    static final int RECEIPT_HASH_CHARS = 32;

    private BallotChain() {
    }

    public static String entryHash(String prevHash, String pollId, long sequence, String voterKey,
            List<String> choices, long weight, Instant castAt) {
        String content = String.join("\n", prevHash, pollId, Long.toString(sequence), voterKey,
                String.join(",", choices), Long.toString(weight), castAt.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static LogEntry append(String prevHash, String pollId, long sequence, String voterKey,
            List<String> choices, long weight, Instant castAt) {
        return new LogEntry(pollId, sequence, voterKey, choices, weight, castAt, prevHash,
                entryHash(prevHash, pollId, sequence, voterKey, choices, weight, castAt));
    }

    /** The receipt a voter keeps: the entry's place in the log and the start of its hash. */
    public static String receiptOf(LogEntry e) {
        return e.sequence() + "-" + e.entryHash().substring(0, RECEIPT_HASH_CHARS);
    }

    /** The log position a receipt names, or -1 when it is not a receipt. */
    public static long sequenceOf(String receipt) {
        if (receipt == null || !receipt.matches("[1-9][0-9]{0,17}-[0-9a-f]{" + RECEIPT_HASH_CHARS + "}")) {
            return -1;
        }
        return Long.parseLong(receipt.substring(0, receipt.indexOf('-')));
    }

    public static boolean matches(String receipt, LogEntry e) {
        return receipt.equals(receiptOf(e));
    }

    /**
     * Verifies a run of consecutive entries that follows an entry whose hash is {@code prevHash}
     * ({@link #GENESIS} before the first). Answers the sequence of the first broken entry, or -1.
     */
    public static long firstBroken(String prevHash, long firstSequence, List<LogEntry> entries) {
        String prev = prevHash;
        long expected = firstSequence;
        for (LogEntry e : entries) {
            if (e.sequence() != expected || !e.prevHash().equals(prev)
                    || !e.entryHash().equals(entryHash(prev, e.pollId(), e.sequence(), e.voterKey(), e.choices(),
                            e.weight(), e.castAt()))) {
                return expected;
            }
            prev = e.entryHash();
            expected++;
        }
        return -1;
    }
}
