package cn.fupin.local;

import java.nio.file.Path;

/**
 * The launcher's arguments: {@code up} (default) or {@code down}, then {@code --repo DIR}, {@code --data DIR},
 * {@code --no-demo}, {@code --port-base N}, and the unadvertised {@code --infra-only} (PostgreSQL, Kafka and
 * Keycloak without the services, for working on the launcher itself).
 */
record CommandLine(Command command, StackOptions options, Path backup) {

    enum Command {
        UP, DOWN, REBUILD_REPORTS, BACKUP, RESTORE
    }

    static final String USAGE = """
            usage: LocalStack [up|down|rebuild-reports] [--repo DIR] [--data DIR] [--no-demo] [--port-base N]
                              [--production-jvm] [--durable]
                   LocalStack backup [DIR] | restore DIR   [--data DIR] [--port-base N]
              up          start everything and stay in the foreground; Ctrl-C stops it (default)
              down        stop a stack started from the same data directory in another terminal
              rebuild-reports  replay every topic into fresh read models of the running stack and switch to them
              backup      back the running stack's PostgreSQL up into DIR (default: <data>/backups/<time>)
              restore     put the backup in DIR in place of the stopped stack's PostgreSQL
              --repo      the Fupin checkout (default: the working directory)
              --data      data, logs and pid file (default: <repo>/deploy/local/.data)
              --no-demo   do not load demo households into an empty registry
              --port-base move every port (20000: gateway 20080, Keycloak 20180, ...)
              --production-jvm  run the services with production's JVM settings (for benchmarks)
              --durable   PostgreSQL flushes each commit to disk before acknowledging it, as in production""";

    static CommandLine parse(String[] args, Path workingDir) {
        Command command = Command.UP;
        Path repo = workingDir;
        Path data = null;
        boolean demo = true;
        int portBase = 0;
        boolean infraOnly = false;
        boolean productionJvm = false;
        boolean durable = false;
        Path backup = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "up" -> command = Command.UP;
                case "down" -> command = Command.DOWN;
                case "rebuild-reports" -> command = Command.REBUILD_REPORTS;
                case "backup" -> {
                    command = Command.BACKUP;
                    if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        backup = Path.of(args[++i]);
                    }
                }
                case "restore" -> {
                    command = Command.RESTORE;
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException("restore needs the backup's directory: restore DIR");
                    }
                    backup = Path.of(args[++i]);
                }
                case "--repo" -> repo = Path.of(value(args, ++i, "--repo"));
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--no-demo" -> demo = false;
                case "--infra-only" -> infraOnly = true;
                case "--production-jvm" -> productionJvm = true;
                case "--durable" -> durable = true;
                case "--port-base" -> portBase = portBase(value(args, ++i, "--port-base"));
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        Path dataDir = data != null ? data : repo.resolve("deploy/local/.data");
        if (command == Command.BACKUP && backup == null) {
            backup = dataDir.resolve("backups").resolve(java.time.LocalDateTime.now().withNano(0).toString()
                    .replace(':', '-'));
        }
        return new CommandLine(command, new StackOptions(repo, dataDir, demo, portBase, infraOnly,
                productionJvm, durable), backup == null ? null : backup.toAbsolutePath());
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int portBase(String value) {
        try {
            int base = Integer.parseInt(value);
            Ports.fromBase(base);
            return base;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--port-base needs a number: " + value);
        }
    }
}
