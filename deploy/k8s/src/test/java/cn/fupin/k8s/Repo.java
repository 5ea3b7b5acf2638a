package cn.fupin.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests read: the manifests, the services' configuration and sources, the build's own files. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("fupin.repo");
        Path candidate = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path directory = candidate.toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("deploy/k8s"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no Fupin checkout at or above " + candidate);
    }

    static Path resolve(String path) {
        return root().resolve(path);
    }
}
