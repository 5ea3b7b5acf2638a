package cn.fupin.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything that can be known to fail before the first process starts: a stack already running, a port in
 * use, a missing build. Found here, it costs a second instead of a minute of infrastructure start-up.
 */
final class Preflight {

    private Preflight() {
    }

    static void check(StackOptions options, StackPaths paths, PidFile pidFile) {
        refuseRunningStack(paths, pidFile);
        refuseBusyPorts(options);
        refuseMissingFiles(options, paths);
    }

    private static void refuseRunningStack(StackPaths paths, PidFile pidFile) {
        List<PidEntry> entries = pidFile.read();
        Optional<PidEntry> alive = entries.stream().filter(entry -> entry.live().isPresent()).findFirst();
        if (alive.isPresent()) {
            throw new StackStartException("a Fupin stack is already running from " + paths.dataDir() + " ("
                    + alive.get().name() + " pid " + alive.get().pid() + ", see " + pidFile.path()
                    + "): stop it first with 'deploy/local/fupin down'");
        }
        if (!entries.isEmpty()) {
            Console.say("removing the pid file of a stack that is no longer running: " + pidFile.path());
            pidFile.delete();
        }
    }

    private static void refuseBusyPorts(StackOptions options) {
        String busy = ports(options).entrySet().stream()
                .filter(port -> PortCheck.inUse(port.getValue()))
                .map(port -> port.getValue() + " (" + port.getKey() + ")")
                .collect(Collectors.joining(", "));
        if (!busy.isEmpty()) {
            throw new StackStartException("port(s) in use: " + busy + ". Another stack or program holds them: stop"
                    + " it ('deploy/local/fupin down' for a stack started elsewhere) or start on other ports"
                    + " (--port-base 20000)");
        }
    }

    static Map<String, Integer> ports(StackOptions options) {
        Ports ports = options.ports();
        Map<String, Integer> named = new LinkedHashMap<>();
        named.put("PostgreSQL", ports.postgres());
        named.put("Kafka", ports.kafka());
        named.put("Kafka controller", ports.kafkaController());
        named.put("Kafka behind a proxy", ports.kafkaBehindProxy());
        named.put("Keycloak", ports.keycloak());
        if (!options.infraOnly()) {
            ServiceSpec.all(ports).forEach(service -> named.put(service.name(), service.port()));
        }
        return named;
    }

    private static void refuseMissingFiles(StackOptions options, StackPaths paths) {
        List<Path> missing = new ArrayList<>();
        for (Path required : List.of(paths.lib().resolve("kafka-clients-" + kafkaClientsVersion() + ".jar"),
                paths.keycloakArchive(), paths.realmFile())) {
            if (!Files.exists(required)) {
                missing.add(required);
            }
        }
        if (!options.infraOnly()) {
            ServiceSpec.all(options.ports()).stream()
                    .map(service -> paths.jar(service.name()))
                    .filter(jar -> !Files.exists(jar))
                    .forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new StackStartException("build first: ./mvnw -DskipTests package (in " + paths.repoRoot()
                    + "). Missing: " + missing.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
    }

    private static String kafkaClientsVersion() {
        return org.apache.kafka.common.utils.AppInfoParser.getVersion();
    }
}
