package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The MongoDB-wire server of the local stack: mongo-java-server with its H2 backend, so that data is kept
 * on disk across restarts. Runs in a JVM of its own.
 *
 * <p>Usage: {@code MongoWireServer <port> <store file>}. Binds 127.0.0.1 only. SIGTERM closes the store.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: MongoWireServer <port> <store file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path store = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(store.getParent());

        H2Backend backend = new H2Backend(store.toString());
        MongoServer server = new MongoServer(backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("MongoDB-wire server stopping; closing " + store);
            try {
                server.shutdown();
            } finally {
                // the store is only consistent on disk once it is closed
                backend.close();
                stopped.countDown();
            }
            System.out.println("MongoDB-wire server stopped");
        }, "mongo-wire-shutdown"));

        server.bind("127.0.0.1", port);
        System.out.println("MongoDB-wire server listening on 127.0.0.1:" + port + ", data in " + store);
        stopped.await();
    }
}
