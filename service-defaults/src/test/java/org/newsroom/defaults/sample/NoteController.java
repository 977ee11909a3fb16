package org.newsroom.defaults.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.newsroom.defaults.outbox.EventFactory;
import org.newsroom.defaults.outbox.OutboxRelay;
import org.newsroom.defaults.web.ProblemException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class NoteController {

    static final String WRITTEN = "org.newsroom.sample.note-written.v1";
    static final String COLLECTION = "notes";

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;
    private final OutboxRelay relay;

    NoteController(ReactiveMongoTemplate mongo, EventFactory events, OutboxRelay relay) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
    }

    record WriteNote(@NotBlank @Size(max = 50) String text) {
    }

    @PostMapping("/api/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> write(@Valid @RequestBody WriteNote request) {
        String id = UUID.randomUUID().toString();
        Note note = new Note(id, request.text(), List.of(
                events.create(WRITTEN, id, Map.of("noteId", id, "text", request.text(), "version", 1))));
        return mongo.insert(note)
                .flatMap(saved -> relay.publish(COLLECTION, saved.id()).thenReturn(Map.of("id", saved.id())));
    }

    @GetMapping("/api/notes/{id}")
    Mono<Map<String, String>> read(@PathVariable String id) {
        return mongo.findById(id, Note.class)
                .map(note -> Map.of("id", note.id(), "text", note.text()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("No note " + id + ".")));
    }

    @PostMapping("/api/editorial/notes")
    Mono<Map<String, String>> editorial() {
        return Mono.just(Map.of("ok", "editor"));
    }
}
