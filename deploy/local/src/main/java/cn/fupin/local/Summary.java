package cn.fupin.local;

import java.time.Duration;
import java.util.List;

import cn.fupin.local.DemoUsers.DemoUser;

/** What a developer needs once the stack is up: where everything is, who to log in as, a first request. */
final class Summary {

    private Summary() {
    }

    static String render(StackOptions options, StackPaths paths, List<DemoUser> users, Duration took) {
        Ports ports = options.ports();
        String gateway = ServiceSpec.local(ports.gateway());
        String keycloak = ServiceSpec.local(ports.keycloak());
        StringBuilder text = new StringBuilder("\n");
        text.append("Fupin local stack is up (").append(Console.seconds(took)).append(")\n\n");
        if (!options.infraOnly()) {
            text.append(row("Gateway (the API)", gateway + "/api/v1"));
            text.append(row("Swagger UI", gateway + "/swagger-ui.html"));
        }
        text.append(row("Keycloak admin console", keycloak + "/admin  (" + KeycloakServer.ADMIN + " / "
                + KeycloakServer.ADMIN + ")"));
        text.append(row("OIDC issuer", ServiceSpec.issuerUri(ports)));
        text.append(row("Kafka bootstrap", ServiceSpec.kafkaBootstrap(ports) + "  (SASL; reading the events: "
                + paths.kafka().resolve(KafkaAccess.AUDIT + ".properties") + ")"));
        text.append(row("PostgreSQL", ServiceSpec.jdbcUrl(ports) + "  (" + PostgresServer.USER + " / "
                + PostgresServer.PASSWORD + ")"));
        text.append(row("Data and logs", paths.dataDir() + "  (logs/)"));
        text.append("\nDemo users (演示账号):\n");
        text.append("  %-18s %-9s %-17s %-13s %s%n".formatted("username", "password", "role", "area_code", "区域"));
        for (DemoUser user : users) {
            text.append("  %-18s %-9s %-17s %-13s %s%n".formatted(user.username(), user.password(), user.role(),
                    user.areaCode(), user.areaName()));
        }
        text.append("\nTry it:\n");
        text.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=fupin-cli -d username=xiyang.clerk"
                + " -d password=demo123 \\\n      ").append(ServiceSpec.issuerUri(ports))
                .append("/protocol/openid-connect/token | jq -r .access_token)\n");
        text.append("  curl -H \"Authorization: Bearer $TOKEN\" '").append(gateway)
                .append("/api/v1/households?size=5'\n");
        text.append("\nCtrl-C (or 'deploy/local/fupin down' in another terminal) stops everything.\n");
        return text.toString();
    }

    private static String row(String label, String value) {
        return "  %-24s %s%n".formatted(label, value);
    }
}
