package cn.fupin.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The cluster's realm is the local stack's (deploy/keycloak/fupin-realm.json, which every end-to-end test signs in
 * with) without what only a demo wants: its users and its demo seeder client are left out, every confidential
 * client's secret comes from the Secret {@code fupin-keycloak-clients}, fupin-web's addresses are the base's
 * example host. {@code -Dfupin.k8s.write=true} writes the generated import over the committed one.
 */
class RealmImportTests {

    private static final Path REALM = Repo.resolve("deploy/keycloak/fupin-realm.json");
    private static final Path IMPORT = Repo.resolve("deploy/k8s/base/keycloak/realm-import.yaml");
    private static final String HOST = "fupin.example";
    private static final String HEADER = """
            # Generated from deploy/keycloak/fupin-realm.json by RealmImportTests (./mvnw -pl deploy/k8s test
            # -Dtest=RealmImportTests -Dfupin.k8s.write=true): the local stack's realm without its demo users and demo
            # seeder client, each confidential client's secret from the Secret fupin-keycloak-clients (by client id),
            # fupin-web's addresses those of the base's example host (the overlays replace them). Do not edit by hand:
            # the test fails when this file and the realm differ.
            """;

    @Test
    void theClustersRealmIsTheLocalRealmWithoutItsDemoUsersOrSecrets() throws IOException {
        JsonNode generated = generate((ObjectNode) JsonMapper.shared().readTree(Files.readString(REALM,
                StandardCharsets.UTF_8)));
        YAMLMapper yaml = new YAMLMapper();
        if (Boolean.getBoolean("fupin.k8s.write")) {
            Files.writeString(IMPORT, HEADER + yaml.writeValueAsString(generated), StandardCharsets.UTF_8);
        }

        JsonNode committed = yaml.readTree(Files.readString(IMPORT, StandardCharsets.UTF_8));
        assertThat(committed).as("realm-import.yaml is out of date: regenerate it (see its header)")
                .isEqualTo(generated);
        assertThat(committed.toString()).doesNotContain("demo123", "localhost").doesNotContainPattern("\"secret\":\"[^$]");
    }

    static JsonNode generate(ObjectNode realm) {
        realm.remove("users");
        ArrayNode clients = JsonNodeFactory.instance.arrayNode();
        ObjectNode placeholders = JsonNodeFactory.instance.objectNode();
        for (JsonNode node : realm.path("clients")) {
            ObjectNode client = (ObjectNode) node;
            String id = client.path("clientId").asString();
            if (id.equals("fupin-seeder")) {
                continue;
            }
            if (client.has("secret")) {
                String placeholder = "CLIENT_SECRET_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
                client.put("secret", "${" + placeholder + "}");
                placeholders.putObject(placeholder).putObject("secret").put("name", "fupin-keycloak-clients")
                        .put("key", id);
            }
            if (id.equals("fupin-web")) {
                client.put("rootUrl", "https://" + HOST);
                client.putArray("redirectUris").add("https://" + HOST + "/*").add("https://api." + HOST + "/*");
                client.putArray("webOrigins").add("https://" + HOST).add("https://api." + HOST);
                ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris",
                        "https://" + HOST + "/*##https://api." + HOST + "/*");
            }
            clients.add(client);
        }
        realm.set("clients", clients);
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "fupin");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return resource;
    }
}
