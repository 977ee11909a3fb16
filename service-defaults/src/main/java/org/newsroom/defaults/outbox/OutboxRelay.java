package org.newsroom.defaults.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.newsroom.defaults.events.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in aggregate documents, in the order they were written, then takes
 * them out of the document. It runs right after a service's write ({@link #publish}) and again from
 * a periodic sweep, so an event whose publish was cut short by a crash or a broker outage is sent
 * later. An event can therefore be published twice; consumers deduplicate by its id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final String source;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Disposable sweep;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, String topic, String source,
            OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topic = topic;
        this.source = source;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * Publishes what waits in one document. Never fails: what cannot be sent now stays in the
     * document for the sweep.
     */
    public Mono<Void> publish(String collection, Object id) {
        String key = collection + "/" + id;
        if (!inFlight.add(key)) {
            return Mono.empty();
        }
        return mongo.findById(id, Document.class, collection)
                .flatMap(document -> publishDocument(collection, document))
                .doOnError(e -> log.warn("Outbox of {} not published yet, the sweep will retry: {}", key, e.toString()))
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> inFlight.remove(key));
    }

    /** One pass over every configured collection: publishes whatever is still waiting. */
    public Mono<Long> sweepOnce() {
        return Flux.fromIterable(properties.collections())
                .concatMap(collection -> mongo
                        .find(Query.query(Criteria.where(FIELD + ".0").exists(true)), Document.class, collection)
                        .concatMap(document -> publish(collection, document.get("_id")).thenReturn(1)))
                .count();
    }

    private Mono<Void> publishDocument(String collection, Document document) {
        List<Document> pending = document.getList(FIELD, Document.class, List.of());
        Object id = document.get("_id");
        return Flux.fromIterable(pending)
                .concatMap(event -> send(event).then(markSent(collection, id, event)))
                .then();
    }

    private Mono<Void> send(Document event) {
        String eventId = eventId(event);
        String type = event.getString("type");
        String subject = event.getString("subject");
        Object time = event.get("time");
        Instant at = time instanceof Date date ? date.toInstant() : time instanceof Instant instant ? instant : Instant.now();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject,
                event.getString("data").getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.TIME, at.toString());
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        // send() can block while it waits for the topic's metadata: never on a driver or event-loop thread.
        return Mono.fromFuture(() -> kafka.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(result -> meters.counter("newsroom.events.published", "type", type).increment())
                .then();
    }

    private Mono<Void> markSent(String collection, Object id, Document event) {
        String idField = event.containsKey("id") ? "id" : "_id";
        Update update = new Update().pull(FIELD, new Document(idField, event.get(idField)));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, collection).then();
    }

    private static String eventId(Document event) {
        Object id = event.containsKey("id") ? event.get("id") : event.get("_id");
        return String.valueOf(id);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void start() {
        // Fetch the topic's metadata now, so the first publish after a start does not wait for it.
        Mono.fromCallable(() -> kafka.partitionsFor(topic))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(partitions -> log.debug("{} has {} partitions", topic, partitions.size()),
                        e -> log.warn("Metadata of {} not fetched at start-up: {}", topic, e.toString()));
        Duration interval = properties.sweepInterval();
        sweep = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce().onErrorResume(e -> {
                    log.warn("Outbox sweep failed, trying again in {}: {}", interval, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = sweep;
        if (running != null) {
            running.dispose();
        }
        sweep = null;
    }

    @Override
    public boolean isRunning() {
        return sweep != null;
    }
}
