package cn.fupin.local;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTests {

    private static final Path CWD = Path.of("/work/repo");

    @Test
    void upWithDemoDataOnTheDocumentedPortsByDefault() {
        CommandLine commandLine = CommandLine.parse(new String[0], CWD);

        assertThat(commandLine.command()).isEqualTo(CommandLine.Command.UP);
        assertThat(commandLine.options()).isEqualTo(new StackOptions(CWD, CWD.resolve("deploy/local/.data"), true, 0, false, false, false));
        assertThat(commandLine.options().ports()).isEqualTo(Ports.defaults());
    }

    @Test
    void rebuildReportsTalksToTheStackOnItsPorts() {
        CommandLine commandLine = CommandLine.parse(new String[] {"rebuild-reports", "--port-base", "20000"}, CWD);
        assertThat(commandLine.command()).isEqualTo(CommandLine.Command.REBUILD_REPORTS);
        assertThat(commandLine.options().ports().gateway()).isEqualTo(20080);
    }

    @Test
    void aBackupGoesWhereToldOrIntoTheDataDirectorysBackupsAndARestoreNeedsOne() {
        CommandLine told = CommandLine.parse(new String[] {"backup", "/b/1", "--data", "/d"}, CWD);
        assertThat(told.command()).isEqualTo(CommandLine.Command.BACKUP);
        assertThat(told.backup()).isEqualTo(Path.of("/b/1"));

        CommandLine untold = CommandLine.parse(new String[] {"backup", "--data", "/d"}, CWD);
        assertThat(untold.backup().getParent()).isEqualTo(Path.of("/d/backups"));

        CommandLine restore = CommandLine.parse(new String[] {"restore", "/b/1"}, CWD);
        assertThat(restore.command()).isEqualTo(CommandLine.Command.RESTORE);
        assertThat(restore.backup()).isEqualTo(Path.of("/b/1"));
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] {"restore"}, CWD));
        // as the fupin script calls it: its own options come after the user's
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] {"restore", "--repo", "/r"},
                CWD)).withMessageContaining("restore DIR");
    }

    @Test
    void readsEveryOption() {
        CommandLine commandLine = CommandLine.parse(new String[] {"down", "--repo", "/r", "--data", "/d", "--no-demo",
                "--port-base", "20000", "--infra-only", "--production-jvm", "--durable"}, CWD);

        assertThat(commandLine.command()).isEqualTo(CommandLine.Command.DOWN);
        assertThat(commandLine.options())
                .isEqualTo(new StackOptions(Path.of("/r"), Path.of("/d"), false, 20000, true, true, true));
        assertThat(commandLine.options().ports().gateway()).isEqualTo(20080);
        assertThat(commandLine.options().ports().keycloak()).isEqualTo(20180);
        assertThat(commandLine.options().ports().postgres()).isEqualTo(20432);
    }

    @Test
    void refusesUnknownArgumentsAndMissingValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] {"--fast"}, CWD))
                .withMessageContaining("--fast");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] {"--data"}, CWD))
                .withMessageContaining("--data needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] {"--port-base", "80"}, CWD));
    }
}
