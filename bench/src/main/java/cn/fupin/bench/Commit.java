package cn.fupin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The commit a run measured, as git names it, marked {@code -dirty} when the working tree had changes. */
final class Commit {

    private Commit() {
    }

    static String of(Path repo) {
        try {
            Process describe = new ProcessBuilder("git", "describe", "--always", "--dirty").directory(repo.toFile())
                    .redirectErrorStream(true).start();
            String commit = new String(describe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return describe.waitFor() == 0 ? commit : "unknown (" + commit + ")";
        }
        catch (IOException ex) {
            return "unknown (no git)";
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
