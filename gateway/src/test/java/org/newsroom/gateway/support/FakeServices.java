package org.newsroom.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Stand-ins for membership-, article- and voting-service: real HTTP servers on free ports that
 * record what reaches them and answer with their own name and the path they saw.
 *
 * <ul>
 * <li>{@code .../slow}: answers after three seconds.</li>
 * <li>{@code .../bad-gateway}: answers 502 (and counts how often it was asked).</li>
 * <li>{@code .../tally/stream}: a Server-Sent Events stream; the first event at once, the second
 * when the test calls {@link Service#releaseSecondEvent()}.</li>
 * <li>{@code /.well-known/jwks.json} on membership: the test issuer's keys.</li>
 * </ul>
 */
public final class FakeServices {

    private static final FakeServices INSTANCE = new FakeServices();

    public final Service membership = new Service("membership");

    public final Service article = new Service("article");

    public final Service voting = new Service("voting");

    public static FakeServices get() {
        return INSTANCE;
    }

    private FakeServices() {
        membership.start();
        article.start();
        voting.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            membership.stop();
            article.stop();
            voting.stop();
        }));
    }

    /** A request as the service saw it. */
    public record Seen(String method, String uri, Map<String, String> headers, String body) {
    }

    public static final class Service {

        private final String name;

        private volatile int port;

        private volatile DisposableServer server;

        private final List<Seen> seen = new CopyOnWriteArrayList<>();

        private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

        private volatile Sinks.One<Boolean> secondEvent = Sinks.one();

        Service(String name) {
            this.name = name;
        }

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        public synchronized void start() {
            if (server != null) {
                return;
            }
            server = HttpServer.create().host("127.0.0.1").port(port).handle(this::answer).bindNow();
            port = server.port();
        }

        public synchronized void stop() {
            if (server != null) {
                server.disposeNow(Duration.ofSeconds(5));
                server = null;
            }
        }

        public List<Seen> seen() {
            return seen;
        }

        public Seen lastSeen() {
            return seen.isEmpty() ? null : seen.get(seen.size() - 1);
        }

        public int hits(String path) {
            AtomicInteger count = hits.get(path);
            return count == null ? 0 : count.get();
        }

        public void reset() {
            seen.clear();
            hits.clear();
            secondEvent = Sinks.one();
        }

        public void releaseSecondEvent() {
            secondEvent.tryEmitValue(true);
        }

        private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response) {
            return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                    .flatMap(body -> {
                        Map<String, String> headers = new ConcurrentHashMap<>();
                        request.requestHeaders().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(),
                                (a, b) -> a + "," + b));
                        seen.add(new Seen(request.method().name(), request.uri(), headers, body));
                        String path = request.fullPath();
                        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                        return respond(path, request, response);
                    });
        }

        private Mono<Void> respond(String path, HttpServerRequest request, HttpServerResponse response) {
            if (path.equals("/.well-known/jwks.json")) {
                return json(response, TestTokens.get().jwks());
            }
            if (path.endsWith("/slow")) {
                return Mono.delay(Duration.ofSeconds(3)).then(json(response, echo(request)));
            }
            if (path.endsWith("/bad-gateway")) {
                return response.status(HttpResponseStatus.BAD_GATEWAY).sendString(Mono.just("upstream trouble")).then();
            }
            if (path.endsWith("/tally/stream")) {
                Flux<String> events = Flux.concat(
                        Mono.just("event: tally\ndata: {\"n\":1}\n\n"),
                        secondEvent.asMono().map(x -> "event: tally\ndata: {\"n\":2}\n\n"));
                return response.header("Content-Type", "text/event-stream")
                        .sendString(events, StandardCharsets.UTF_8).then();
            }
            return json(response, echo(request));
        }

        private String echo(HttpServerRequest request) {
            return "{\"service\":\"" + name + "\",\"method\":\"" + request.method().name() + "\",\"uri\":\""
                    + request.uri() + "\"}";
        }

        private static Mono<Void> json(HttpServerResponse response, String body) {
            return response.header("Content-Type", "application/json")
                    .sendString(Mono.just(body), StandardCharsets.UTF_8).then();
        }
    }
}
