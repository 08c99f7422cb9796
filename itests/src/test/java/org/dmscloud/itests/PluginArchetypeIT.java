package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.Test;

/**
 * A plugin author's second release, built as an author builds it: the example bundle generated from the archetype,
 * built, its version bumped, built again without {@code mvn clean}. The second KAR must carry its own version's
 * metadata (it carried the first's, and Karaf's KAR service then failed to install it), and {@code target/} must hold
 * that one KAR only, so that the old one is not copied into {@code deploy/} beside it.
 */
public class PluginArchetypeIT {

    private static final Path EXAMPLE = Path.of("../bundles/sdk/plugin-archetype/target/it/device-reports/device-reports");

    @Test
    public void aKarBuiltAfterAVersionBumpWithoutCleanIsTheNewVersionsAlone() throws Exception {
        Path project = Files.createTempDirectory("plugin-author");
        copy(EXAMPLE, project);
        Path pom = project.resolve("pom.xml");
        // As an author has it: a project of its own, not a module of the archetype's test.
        String text = Files.readString(pom).replaceFirst("(?s)<parent>.*?</parent>", "");
        Files.writeString(pom, text);

        build(project);
        assertThat(kars(project)).containsExactly("device-reports-1.0.0-SNAPSHOT.kar");
        Files.writeString(pom, text.replaceFirst("<version>1.0.0-SNAPSHOT</version>", "<version>1.0.1-SNAPSHOT</version>"));
        build(project);

        assertThat(kars(project)).as("the old KAR is gone from target/").containsExactly("device-reports-1.0.1-SNAPSHOT.kar");
        try (ZipFile kar = new ZipFile(project.resolve("target/device-reports-1.0.1-SNAPSHOT.kar").toFile())) {
            List<String> metadata = kar.stream().map(ZipEntry::getName).filter(name -> name.endsWith("maven-metadata-local.xml")).toList();
            assertThat(metadata).containsExactly("repository/org/example/device-reports/1.0.1-SNAPSHOT/maven-metadata-local.xml");
            try (InputStream in = kar.getInputStream(kar.getEntry(metadata.get(0)))) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(content).contains("<version>1.0.1-SNAPSHOT</version>").doesNotContain("1.0.0-SNAPSHOT");
            }
        }
    }

    private static void build(Path project) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "package", "-DskipTests",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")));
        Process maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(project.resolve("build.log").toFile()).start();
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("the build ends").isTrue();
        assertThat(maven.exitValue()).as(Files.readString(project.resolve("build.log"))).isZero();
    }

    private static List<String> kars(Path project) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".kar")).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
