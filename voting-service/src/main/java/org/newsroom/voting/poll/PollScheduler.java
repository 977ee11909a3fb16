package org.newsroom.voting.poll;

import java.time.Duration;

import org.newsroom.voting.config.VotingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens and closes polls on their schedule. Times come from the injectable Clock, the pace from
 * {@code newsroom.voting.schedule-interval}. Every instance may run it: each transition is fenced by
 * the poll's version, so only one wins.
 */
@Component
class PollScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final PollService polls;
    private final Duration interval;
    private volatile Disposable running;

    PollScheduler(PollService polls, VotingProperties properties) {
        this.polls = polls;
        this.interval = properties.scheduleInterval();
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> polls.runSchedule().onErrorResume(e -> {
                    log.warn("Poll schedule failed, trying again in {}: {}", interval, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
