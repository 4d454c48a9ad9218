package org.umapanim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real {@code ./umap-anim} launcher, copied into a folder of its own with a jar of the classes
 * under test (the dependencies by the manifest's Class-Path), so a test runs the script a user
 * runs, build-if-stale check, class data sharing and all, without building the shaded jar.
 */
final class Launcher {
    final Path home;

    private Launcher(Path home) {
        this.home = home;
    }

    /** The launcher installed in {@code home}, with a jar newer than its (stub) sources. */
    static Launcher installIn(Path home) throws IOException {
        Path script = home.resolve("umap-anim");
        Files.createDirectories(home.resolve("src/main"));
        Files.createDirectories(home.resolve("data"));
        Files.copy(Path.of("umap-anim"), script);
        Files.writeString(home.resolve("pom.xml"), "");
        Files.write(home.resolve("data/stub.gz"), new byte[0]);
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        for (Path p : List.of(home.resolve("src/main"), home.resolve("pom.xml"), home.resolve("data/stub.gz"))) {
            Files.setLastModifiedTime(p, old);
        }
        writeJar(home.resolve("target/umap-anim.jar"));
        return new Launcher(home);
    }

    private static void writeJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        List<Path> classpath = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of).toList();
        Path classes = classpath.stream().filter(p -> p.endsWith(Path.of("target", "classes"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no target/classes on the test class path"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classpath.stream()
                .filter(p -> p.toString().endsWith(".jar")).map(p -> p.toUri().toString()).collect(Collectors.joining(" ")));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** Starts {@code ./umap-anim args} as a child process; stdout is discarded, stderr collected. */
    Child start(String... args) throws IOException {
        // env resets INT, TERM and HUP to their defaults before it execs the launcher (same PID): a
        // test JVM started in the background by a script passes INT on ignored, and Java keeps it so
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP",
                home.resolve("umap-anim").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("JAVA_OPTS");
        return new Child(builder.start());
    }

    /** Runs {@code ./umap-anim args} to its end (at most two minutes). */
    CliRun run(String... args) throws Exception {
        Child child = start(args);
        if (!child.process.waitFor(120, TimeUnit.SECONDS)) {
            child.process.destroyForcibly();
            throw new AssertionError("./umap-anim " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return new CliRun(child.process.exitValue(), "", child.err());
    }

    /** A running launcher and what it printed on stderr so far. */
    static final class Child {
        final Process process;
        private final StringBuffer err = new StringBuffer();
        private final Thread reader;

        Child(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (InputStream in = process.getErrorStream()) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        err.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        long pid() {
            return process.pid();
        }

        String err() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(10));
            return err.toString();
        }

        /** Whether stderr reached its end (every process holding it ended) within {@code millis}. */
        boolean errClosedWithin(long millis) throws InterruptedException {
            reader.join(millis);
            return !reader.isAlive();
        }

        String errSoFar() {
            return err.toString();
        }

        void closeInput() throws IOException {
            try (OutputStream in = process.getOutputStream()) {
                // nothing to say
            }
        }
    }
}
