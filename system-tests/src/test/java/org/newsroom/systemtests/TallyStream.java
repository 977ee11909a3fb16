package org.newsroom.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A reader's Server-Sent Events connection to a poll's live tally, through the gateway: keeps the data of
 * every event as it arrives.
 */
final class TallyStream implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile IOException failure;

    private TallyStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "tally-stream");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static TallyStream open(Gateway gateway, String pollId) throws Exception {
        HttpResponse<InputStream> response = gateway.http().sendAsync(
                gateway.request("/api/polls/" + pollId + "/tally/stream", null)
                        .header("Accept", "text/event-stream")
                        .timeout(java.time.Duration.ofMinutes(5))
                        .GET().build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(20, TimeUnit.SECONDS);
        return new TallyStream(response);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The data of each event received so far, in order. */
    List<String> events() {
        return List.copyOf(events);
    }

    IOException failure() {
        return failure;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(data.toString());
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
