package org.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.deploy.Manifests.BASE;
import static org.newsroom.deploy.Manifests.COMPONENTS;
import static org.newsroom.deploy.Manifests.KUBERNETES;
import static org.newsroom.deploy.Manifests.OVERLAYS;
import static org.newsroom.deploy.Manifests.document;
import static org.newsroom.deploy.Manifests.isRemote;
import static org.newsroom.deploy.Manifests.kustomizations;
import static org.newsroom.deploy.Manifests.list;
import static org.newsroom.deploy.Manifests.maps;
import static org.newsroom.deploy.Manifests.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The Kustomize tree holds together: every reference resolves, every component is used. */
class KustomizeTreeTest {

    @Test
    void everyReferenceOfEveryKustomizationExists() {
        List<Path> kustomizations = kustomizations();
        assertThat(kustomizations).as("kustomizations under deploy/kubernetes").hasSizeGreaterThanOrEqualTo(5);

        SoftAssertions softly = new SoftAssertions();
        for (Path file : kustomizations) {
            Path dir = file.getParent();
            Map<String, Object> kustomization = document(file);
            for (String reference : references(kustomization)) {
                if (isRemote(reference)) {
                    continue;
                }
                Path target = dir.resolve(reference).normalize();
                softly.assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as("%s refers to %s", KUBERNETES.relativize(file), reference)
                        .isTrue();
            }
            for (Object component : list(kustomization.get("components"))) {
                Path target = dir.resolve(String.valueOf(component)).resolve("kustomization.yaml").normalize();
                softly.assertThat(Files.isRegularFile(target) && "Component".equals(text(document(target), "kind")))
                        .as("%s lists %s as a component: a directory whose kustomization is a Component",
                                KUBERNETES.relativize(file), component)
                        .isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void kustomizationsDeclareTheirKind() {
        SoftAssertions softly = new SoftAssertions();
        for (Path file : kustomizations()) {
            String expected = file.startsWith(COMPONENTS) ? "Component" : "Kustomization";
            softly.assertThat(text(document(file), "kind")).as("kind of %s", KUBERNETES.relativize(file)).isEqualTo(expected);
        }
        softly.assertAll();
    }

    @Test
    void theOverlaysBuildOnTheBaseWithExistingComponents() {
        assertThat(overlayNames()).contains("local", "production");
        SoftAssertions softly = new SoftAssertions();
        for (String overlay : overlayNames()) {
            Path dir = OVERLAYS.resolve(overlay);
            Map<String, Object> kustomization = document(dir.resolve("kustomization.yaml"));
            softly.assertThat(list(kustomization.get("resources")).stream().map(r -> dir.resolve(String.valueOf(r)).normalize()))
                    .as("overlay %s builds on the base", overlay)
                    .contains(BASE);
            softly.assertThat(text(kustomization, "namespace")).as("overlay %s sets a namespace", overlay).isNotBlank();
            for (Object component : list(kustomization.get("components"))) {
                Path target = dir.resolve(String.valueOf(component)).normalize();
                softly.assertThat(target.getParent()).as("overlay %s: %s is under components/", overlay, component).isEqualTo(COMPONENTS);
                softly.assertThat(componentNames()).as("overlay %s: components", overlay).contains(target.getFileName().toString());
            }
        }
        softly.assertAll();
    }

    @Test
    void everyComponentIsUsedByAnOverlay() {
        Set<String> used = new TreeSet<>();
        for (String overlay : overlayNames()) {
            Path dir = OVERLAYS.resolve(overlay);
            for (Object component : list(document(dir.resolve("kustomization.yaml")).get("components"))) {
                used.add(dir.resolve(String.valueOf(component)).normalize().getFileName().toString());
            }
        }
        assertThat(componentNames()).contains("strimzi-topics", "monitoring", "sandbox-payments");
        assertThat(used).containsAll(componentNames());
    }

    @Test
    void productionHasTopicsAndMonitoringButNoSandboxPayments() {
        List<String> components = list(document(OVERLAYS.resolve("production/kustomization.yaml")).get("components"))
                .stream().map(c -> Path.of(String.valueOf(c)).getFileName().toString()).toList();
        assertThat(components).contains("strimzi-topics", "monitoring").doesNotContain("sandbox-payments");
    }

    /** Files and directories a kustomization points at (resources, patches, generator files). */
    private static List<String> references(Map<String, Object> kustomization) {
        List<String> references = new ArrayList<>();
        list(kustomization.get("resources")).forEach(r -> references.add(String.valueOf(r)));
        list(kustomization.get("patchesStrategicMerge")).forEach(r -> references.add(String.valueOf(r)));
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            if (patch.get("path") != null) {
                references.add(String.valueOf(patch.get("path")));
            }
        }
        for (String generators : List.of("configMapGenerator", "secretGenerator")) {
            for (Map<String, Object> generator : maps(kustomization.get(generators))) {
                for (Object source : list(generator.get("files"))) {
                    String file = String.valueOf(source);
                    references.add(file.contains("=") ? file.substring(file.indexOf('=') + 1) : file);
                }
                for (Object source : list(generator.get("envs"))) {
                    references.add(String.valueOf(source));
                }
            }
        }
        return references;
    }

    static List<String> overlayNames() {
        return subdirectories(OVERLAYS);
    }

    static List<String> componentNames() {
        return subdirectories(COMPONENTS);
    }

    private static List<String> subdirectories(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
