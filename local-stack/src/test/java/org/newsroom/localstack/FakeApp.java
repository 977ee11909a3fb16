package org.newsroom.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Newsroom app in tests of the stack itself: answers UP at the readiness probe on
 * {@code MANAGEMENT_SERVER_PORT} and listens on {@code SERVER_PORT}, with nothing but the JDK.
 */
public final class FakeApp {

    private FakeApp() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer management = HttpServer.create(new InetSocketAddress(port("MANAGEMENT_SERVER_PORT")), 0);
        management.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        HttpServer app = HttpServer.create(new InetSocketAddress(port("SERVER_PORT")), 0);
        app.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        management.start();
        app.start();
    }

    private static int port(String variable) {
        return Integer.parseInt(System.getenv(variable));
    }
}
