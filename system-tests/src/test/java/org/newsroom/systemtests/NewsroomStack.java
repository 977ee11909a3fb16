package org.newsroom.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.newsroom.localstack.LocalStack;
import org.newsroom.localstack.Part;

/**
 * One Newsroom stack for the whole system-test run: started by the first test class that needs it, stopped
 * when the run ends (JUnit closes what the root context's store holds), and checked to leave no process.
 * A test class asks for it with {@code @ExtendWith(NewsroomStack.class)} and a {@link Running} parameter.
 */
public final class NewsroomStack implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NewsroomStack.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The started stack; closing it stops every part and fails if any process it ever started is still alive. */
    public static final class Running implements AutoCloseable {

        private final LocalStack stack;
        private final Set<Long> everStarted = new LinkedHashSet<>();

        private Running(LocalStack stack) {
            this.stack = stack;
            everStarted.addAll(stack.pids());
        }

        static Running start() {
            LocalStack stack = RunningStack.start(RunningStack.JOURNEY_ENV);
            System.out.printf("Newsroom stack ready in %.1f s, %d MB resident, gateway %s, logs in %s%n",
                    stack.startupTime().toMillis() / 1000.0, stack.totalRssKb() / 1024, stack.gatewayUrl(),
                    stack.config().logDir());
            return new Running(stack);
        }

        public String gatewayUrl() {
            return stack.gatewayUrl();
        }

        public LocalStack stack() {
            return stack;
        }

        /** Stops one app, as when it crashes or is being redeployed; {@link #startPart(Part)} brings it back. */
        public synchronized void stopPart(Part app) {
            stack.stopPart(app);
        }

        public synchronized void startPart(Part app) {
            stack.startPart(app);
            everStarted.addAll(stack.pids());
        }

        /** The pids of every process this stack started during the run, including parts stopped and restarted. */
        public synchronized List<Long> everStarted() {
            return new ArrayList<>(everStarted);
        }

        @Override
        public synchronized void close() {
            everStarted.addAll(stack.pids());
            stack.stop();
            List<Long> alive = everStarted.stream()
                    .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .toList();
            if (!alive.isEmpty()) {
                throw new IllegalStateException("processes of the Newsroom stack still alive after stop(): " + alive);
            }
            System.out.printf("Newsroom stack stopped; none of its %d processes is left%n", everStarted.size());
        }
    }
}
