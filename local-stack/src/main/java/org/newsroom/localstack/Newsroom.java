package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./newsroom up|down|status}: the command line of the local stack.
 *
 * <pre>
 * up      start everything in the foreground; Ctrl-C (or SIGTERM) stops it all
 * down    stop a stack started by up in another terminal
 * status  what runs, on which ports, with how much memory
 * options: --project-dir DIR  --data-dir DIR  --env NAME=VALUE  --no-cds
 * </pre>
 */
public final class Newsroom {

    private Newsroom() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String command = null;
        Path projectDir = Path.of("").toAbsolutePath();
        Path dataDir = null;
        Map<String, String> env = new LinkedHashMap<>();
        boolean cds = true;
        java.util.Set<Part> only = java.util.EnumSet.allOf(Part.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--project-dir" -> projectDir = Path.of(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--no-cds" -> cds = false;
                case "--only" -> {
                    only = java.util.EnumSet.noneOf(Part.class);
                    for (String id : value(args, ++i, arg).split(",")) {
                        try {
                            only.add(Part.byId(id.trim()));
                        } catch (IllegalArgumentException e) {
                            return usage("--only: no part named " + id.trim());
                        }
                    }
                }
                case "--env" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        return usage("--env wants NAME=VALUE, not " + pair);
                    }
                    env.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "-h", "--help", "help" -> {
                    return usage(null);
                }
                default -> {
                    if (command != null || arg.startsWith("-")) {
                        return usage("unexpected argument " + arg);
                    }
                    command = arg;
                }
            }
        }
        if (dataDir == null) {
            dataDir = projectDir.resolve(".newsroom");
        }
        if (command == null) {
            return usage(null);
        }
        try {
            return switch (command) {
                case "up" -> up(projectDir, dataDir, env, cds, only);
                case "down" -> down(dataDir);
                case "status" -> status(dataDir);
                default -> usage("unknown command " + command);
            };
        } catch (LocalStackException e) {
            System.err.println();
            System.err.println("newsroom: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The local stack is where people try Newsroom: demo accounts, articles and an open poll, and
     * the sandbox checkout instead of a payment provider. {@code --env NAME=false} turns either off.
     */
    static final Map<String, String> LOCAL_DEFAULTS = Map.of(
            "NEWSROOM_DEMO_ENABLED", "true",
            "NEWSROOM_SANDBOX_ENABLED", "true");

    private static int up(Path projectDir, Path dataDir, Map<String, String> env, boolean cds, java.util.Set<Part> only) {
        Map<String, String> appEnv = new java.util.LinkedHashMap<>(LOCAL_DEFAULTS);
        appEnv.putAll(env);
        LocalStackConfig config = LocalStackConfig.builder(projectDir)
                .dataDir(dataDir)
                .externalServicesFrom(System.getenv())
                .env(appEnv)
                .classDataSharing(cds)
                .parts(only)
                .build();
        LocalStack.failIfAlreadyRunning(config.dataDir());
        LocalStack stack = new LocalStack(config);
        Path supervisorPid = config.runDir().resolve("newsroom.pid");
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            System.out.println();
            System.out.println("Stopping Newsroom ...");
            stack.stop();
            deleteQuietly(supervisorPid);
            System.out.println("Stopped.");
            stopped.countDown();
        }, "newsroom-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);

        try {
            Files.createDirectories(config.runDir());
            Files.writeString(supervisorPid, ProcessHandle.current().pid() + System.lineSeparator());
        } catch (IOException e) {
            throw new LocalStackException("cannot write " + supervisorPid + ": " + e.getMessage(), e);
        }
        System.out.println("Starting Newsroom from " + config.projectDir() + " (data in " + config.dataDir() + ")");
        config.externalKafka().ifPresent(k -> System.out.println("  using Kafka at " + k));
        config.externalMongo().ifPresent(m -> System.out.println("  using MongoDB at " + m));
        try {
            stack.start();
        } catch (LocalStackException e) {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException stopping) {
                // Ctrl-C during start-up: the hook is already stopping everything
                return 130;
            }
            deleteQuietly(supervisorPid);
            throw e;
        }

        System.out.println();
        for (LocalStack.PartStatus part : stack.status()) {
            if (part.running()) {
                System.out.printf(Locale.ROOT, "  %-20s pid %-8d %-16s %6s%n", part.part().id(), part.pid().get(),
                        ports(part.ports()), mb(part.rssKb()));
            }
        }
        System.out.println();
        System.out.println("Newsroom is up: " + stack.gatewayUrl());
        String cdsNote = stack.classDataPreparation().isZero() ? ""
                : String.format(Locale.ROOT, ", of which %.1f s building class-data archives (after a new build only)",
                        stack.classDataPreparation().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "Ready in %.1f s%s; %s resident in %d processes.%n",
                stack.startupTime().toMillis() / 1000.0, cdsNote, mb(stack.totalRssKb()), stack.pids().size());
        System.out.println("Logs in " + config.logDir() + ". Ctrl-C (or ./newsroom down) stops everything.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int down(Path dataDir) {
        boolean any = LocalStack.stopRunning(dataDir);
        System.out.println(any ? "Newsroom stopped." : "Newsroom is not running (" + dataDir + ").");
        return 0;
    }

    private static int status(Path dataDir) {
        List<LocalStack.PartStatus> parts = LocalStack.status(dataDir);
        long total = 0;
        int count = 0;
        for (LocalStack.PartStatus part : parts) {
            if (part.running()) {
                System.out.printf(Locale.ROOT, "  %-20s running  pid %-8d %-16s %6s%n", part.part().id(),
                        part.pid().get(), ports(part.ports()), mb(part.rssKb()));
                total += part.rssKb();
                count++;
            } else {
                System.out.printf(Locale.ROOT, "  %-20s stopped%n", part.part().id());
            }
        }
        if (count == 0) {
            System.out.println("Newsroom is not running (" + dataDir + ").");
        } else {
            System.out.println("Gateway: " + LocalStack.runningGatewayUrl(dataDir).orElse("?") + "; " + mb(total)
                    + " resident in " + count + " processes.");
        }
        return 0;
    }

    private static String ports(List<Integer> ports) {
        List<String> s = new ArrayList<>();
        ports.forEach(p -> s.add(Integer.toString(p)));
        return s.isEmpty() ? "" : "port " + String.join("/", s);
    }

    private static String mb(long kb) {
        return String.format(Locale.ROOT, "%d MB", Math.round(kb / 1024.0));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new LocalStackException(option + " needs a value");
        }
        return args[i];
    }

    private static int usage(String problem) {
        if (problem != null) {
            System.err.println("newsroom: " + problem);
        }
        System.err.println("""
                usage: ./newsroom up|down|status [options]
                  up       start Kafka, the MongoDB-wire server and every service; Ctrl-C stops them
                  down     stop what 'up' started (from any terminal)
                  status   what runs, on which ports, with how much memory
                options:
                  --data-dir DIR       where data, logs and pid files go (default: .newsroom)
                  --env NAME=VALUE     extra environment for every service (repeatable)
                  --no-cds             start the services without class-data sharing archives
                  --only PART,...      start only these of kafka, mongo, membership-service, article-service,
                                       voting-service, gateway (say, to run one service from an IDE)
                KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI, when set, are used instead of starting Kafka / MongoDB.""");
        return problem == null ? 0 : 2;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is recognised as stale
        }
    }
}
