package cn.fupin.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RealmImportTests {

    @TempDir
    Path dir;

    @Test
    void keepsKeycloaksDatabaseWhileTheRealmFileIsUnchanged() throws IOException {
        Path realm = Files.writeString(dir.resolve("fupin-realm.json"), "{\"realm\":\"fupin\"}");
        Path home = dir.resolve("keycloak");
        RealmImport realmImport = new RealmImport(realm, home);
        realmImport.prepare();
        Path database = Files.createDirectories(home.resolve("data/h2"));
        realmImport.recordImported();

        realmImport.prepare();

        assertThat(database).exists();
        assertThat(home.resolve("data/import/fupin-realm.json")).hasContent("{\"realm\":\"fupin\"}");
    }

    @Test
    void resetsKeycloaksDatabaseWhenTheRealmFileChanged() throws IOException {
        Path realm = Files.writeString(dir.resolve("fupin-realm.json"), "{\"realm\":\"fupin\"}");
        Path home = dir.resolve("keycloak");
        RealmImport realmImport = new RealmImport(realm, home);
        realmImport.prepare();
        Path database = Files.createDirectories(home.resolve("data/h2"));
        Files.writeString(database.resolve("keycloakdb.mv.db"), "old realm");
        realmImport.recordImported();
        Files.writeString(realm, "{\"realm\":\"fupin\",\"edited\":true}");

        realmImport.prepare();

        assertThat(database).doesNotExist();
        assertThat(home.resolve("data/import/fupin-realm.json")).hasContent("{\"realm\":\"fupin\",\"edited\":true}");
    }
}
