package cn.fupin.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The Secrets a deployment can reference, with their keys: those its operators make from the rendered resources
 * (Strimzi: a KafkaUser's password, the cluster CA; CloudNativePG: a cluster's application user when none is given),
 * and those the operator creates beforehand, as {@code deploy/k8s/SECRETS.md} lists them.
 */
final class Secrets {

    /** A row of SECRETS.md's table: | `name` | `key`, `key` | … */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| ([^|]+)\\|", Pattern.MULTILINE);
    private static final Pattern KEY = Pattern.compile("`([A-Za-z0-9._-]+)`");

    private Secrets() {
    }

    static Map<String, Set<String>> available(Rendered rendered) {
        Map<String, Set<String>> secrets = new TreeMap<>(listed());
        rendered.all("KafkaUser").forEach(user -> secrets.put(Rendered.name(user), Set.of("password",
                "sasl.jaas.config")));
        rendered.all("Kafka").forEach(kafka -> secrets.put(Rendered.name(kafka) + "-cluster-ca-cert",
                Set.of("ca.crt", "ca.p12", "ca.password")));
        rendered.all("Cluster").forEach(cluster -> {
            JsonNode initdb = cluster.at("/spec/bootstrap/initdb");
            if (initdb.path("secret").isMissingNode()) {
                secrets.put(Rendered.name(cluster) + "-app", Set.of("username", "password", "uri", "jdbc-uri"));
            }
        });
        return secrets;
    }

    /** What SECRETS.md says the operator creates. */
    static Map<String, Set<String>> listed() {
        String text;
        try {
            text = Files.readString(Repo.resolve("deploy/k8s/SECRETS.md"), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, Set<String>> secrets = new TreeMap<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            Set<String> keys = new LinkedHashSet<>();
            Matcher key = KEY.matcher(row.group(2));
            while (key.find()) {
                keys.add(key.group(1));
            }
            secrets.put(row.group(1), keys);
        }
        return secrets;
    }
}
