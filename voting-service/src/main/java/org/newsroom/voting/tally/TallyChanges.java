package org.newsroom.voting.tally;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells this instance's tally streams that a poll's counts changed, so they push at once. Streams
 * also look on their own at a steady pace, for counts changed by another instance.
 */
@Component
public class TallyChanges {

    private final Sinks.Many<String> sink = Sinks.many().multicast().directBestEffort();

    void changed(String pollId) {
        sink.tryEmitNext(pollId);
    }

    public Flux<String> of(String pollId) {
        return sink.asFlux().filter(pollId::equals);
    }
}
