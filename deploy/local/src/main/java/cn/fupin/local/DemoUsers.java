package cn.fupin.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.areas.DivisionTree.Division;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo logins, read from the realm file itself so the printed table can never drift from what Keycloak
 * actually has. Service accounts are left out: nobody logs in as them.
 */
final class DemoUsers {

    record DemoUser(String username, String password, String role, String areaCode, String areaName) {
    }

    private DemoUsers() {
    }

    static List<DemoUser> from(Path realmFile) {
        JsonNode realm = JsonMapper.builder().build().readTree(realmFile.toFile());
        DivisionTree county = DivisionTree.ofCounty(DemoLoader.COUNTY);
        List<DemoUser> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String areaCode = user.path("attributes").path("area_code").path(0).asString("");
            users.add(new DemoUser(user.path("username").asString(), password(user), role(user), areaCode,
                    county.find(areaCode).map(Division::name).orElse("")));
        }
        return users;
    }

    private static String role(JsonNode user) {
        return StreamSupport.stream(user.path("realmRoles").spliterator(), false)
                .map(JsonNode::asString)
                .filter(role -> !role.startsWith("default-roles-"))
                .findFirst()
                .orElse("");
    }

    private static String password(JsonNode user) {
        return StreamSupport.stream(user.path("credentials").spliterator(), false)
                .filter(credential -> "password".equals(credential.path("type").asString()))
                .map(credential -> credential.path("value").asString("?"))
                .findFirst()
                .orElse("?");
    }
}
