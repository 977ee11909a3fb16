package org.newsroom.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One app of a running stack can be stopped and started again while the others keep running. */
class LocalStackPartRestartTest {

    @TempDir
    Path projectDir;

    private LocalStack stack;

    @BeforeEach
    void twoFakeApps() throws IOException {
        for (Part app : List.of(Part.ARTICLE, Part.GATEWAY)) {
            writeFakeAppJar(projectDir.resolve(app.id()).resolve("target").resolve(app.id() + "-0.1.0-SNAPSHOT.jar"));
        }
        LocalStackConfig config = LocalStackConfig.builder(projectDir)
                .dataDir(projectDir.resolve(".newsroom"))
                .freePorts()
                .parts(EnumSet.of(Part.ARTICLE, Part.GATEWAY))
                .classDataSharing(false)
                .readyTimeout(Duration.ofSeconds(60))
                .build();
        stack = new LocalStack(config);
        stack.start();
    }

    @AfterEach
    void stopEverything() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aStoppedAppIsGoneWhileTheOthersRunAndComesBackOnItsPorts() {
        long article = stack.pidsByPart().get(Part.ARTICLE);
        long gateway = stack.pidsByPart().get(Part.GATEWAY);
        int articlePort = stack.config().port(Part.ARTICLE);

        stack.stopPart(Part.ARTICLE);

        assertThat(alive(article)).as("the stopped app's process").isFalse();
        assertThat(accepts(articlePort)).as("the stopped app's port accepts connections").isFalse();
        assertThat(stack.pidsByPart()).doesNotContainKey(Part.ARTICLE).containsEntry(Part.GATEWAY, gateway);
        assertThat(alive(gateway)).as("the other app's process").isTrue();
        assertThat(LocalStack.status(stack.config().dataDir()))
                .filteredOn(s -> s.part() == Part.ARTICLE).singleElement()
                .satisfies(s -> assertThat(s.running()).isFalse());

        stack.startPart(Part.ARTICLE);

        long restarted = stack.pidsByPart().get(Part.ARTICLE);
        assertThat(restarted).isNotEqualTo(article);
        assertThat(alive(restarted)).isTrue();
        assertThat(accepts(articlePort)).as("the restarted app's port accepts connections").isTrue();
        assertThat(stack.pidsByPart()).containsEntry(Part.GATEWAY, gateway);
        assertThat(LocalStack.status(stack.config().dataDir()))
                .filteredOn(s -> s.part() == Part.ARTICLE).singleElement()
                .satisfies(s -> assertThat(s.pid()).hasValue(restarted));

        List<Long> pids = stack.pids();
        stack.stop();
        assertThat(pids).hasSize(2).noneMatch(LocalStackPartRestartTest::alive);
    }

    @Test
    void onlyARunningAppCanBeStoppedAndOnlyAStoppedOneStarted() {
        assertThatThrownBy(() -> stack.stopPart(Part.KAFKA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stack.startPart(Part.GATEWAY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("running already");
        assertThatThrownBy(() -> stack.stopPart(Part.VOTING)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");

        stack.stop();

        assertThatThrownBy(() -> stack.startPart(Part.ARTICLE)).isInstanceOf(IllegalStateException.class);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An executable jar holding only {@link FakeApp}. */
    private static void writeFakeAppJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeApp.class.getName());
        String entry = FakeApp.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = FakeApp.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }
}
