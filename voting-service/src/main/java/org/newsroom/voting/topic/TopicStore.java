package org.newsroom.voting.topic;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and conditionally writes topics (each write is one document, fenced by the version). */
@Component
public class TopicStore {

    static final String COLLECTION = "topics";

    private final ReactiveMongoTemplate mongo;

    public TopicStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Topic> find(String id) {
        return mongo.findById(id, TopicDocument.class, COLLECTION).map(TopicDocument::toTopic);
    }

    public Flux<Topic> findAll(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), TopicDocument.class, COLLECTION)
                .map(TopicDocument::toTopic);
    }

    /** Newest first; {@code before} is the id of the last topic of the previous page. */
    public Flux<Topic> list(TopicStatus status, String before, int limit) {
        Criteria c = new Criteria();
        if (status != null) {
            c = c.and("status").is(status.name());
        }
        if (before != null) {
            c = c.and("_id").lt(before);
        }
        Query q = Query.query(c).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        return mongo.find(q, TopicDocument.class, COLLECTION).map(TopicDocument::toTopic);
    }
}
