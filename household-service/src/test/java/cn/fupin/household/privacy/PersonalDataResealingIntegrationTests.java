package cn.fupin.household.privacy;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.PiiProperties;
import cn.fupin.platform.pii.Resealing;
import cn.fupin.platform.pii.SealedColumn;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The personal-data key rotated on household-service's own tables: every column that holds sealed data is one the
 * service names for sealing again (a binary column it does not name fails this test), and after a pass with a new
 * current key, that key alone opens the registry's ID numbers, phones and bank accounts — the old one can go.
 */
@RealInfrastructure
// a context (and database) of its own: other tests' values, a tampered one among them, would be counted here
@SpringBootTest(properties = "fupin.test.database=resealing")
@AutoConfigureMockMvc
class PersonalDataResealingIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481107203";
    static final String NEW_KEY = "9u3Vz9mP0Jm2Rj7dS0m2L4a0b5R1Qk6nY8c2Xw3Zt1E=";

    @Autowired
    ObjectProvider<List<SealedColumn>> sealedColumns;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PiiProperties pii;

    @Autowired
    IdNumberHash hash;

    @Test
    void afterARotationTheNewKeyAloneOpensEverySealedValue() throws Exception {
        RegisterHouseholdRequest form = new SyntheticHouseholds(303).next(VILLAGE).bankAccount("6222020200112233445");
        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID household = UUID.fromString(json.readTree(body).get("id").asString());
        List<SealedColumn> columns = sealedColumns.orderedStream().flatMap(List::stream).toList();

        Set<String> binary = new TreeSet<>(jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = 'household' and data_type = 'bytea'""", String.class));
        assertThat(columns.stream().map(column -> column.table() + "." + column.column()).toList())
                .as("every binary column of the schema holds sealed data the service names").containsAll(binary);

        Map<Integer, String> keys = new java.util.HashMap<>(pii.encryptionKeys());
        keys.put(2, NEW_KEY);
        PersonalDataCipher rotated = new PersonalDataCipher(keys, 2);
        Resealing.Pass pass = resealing(columns, rotated).pass();

        assertSealedWithTheNewKeyAlone(columns, pass, form, household);
    }

    private Resealing resealing(List<SealedColumn> columns, PersonalDataCipher cipher) {
        return new Resealing(columns, dataSource, new TransactionTemplate(transactions), cipher, Duration.ofMinutes(5),
                new SimpleMeterRegistry());
    }

    private void assertSealedWithTheNewKeyAlone(List<SealedColumn> columns, Resealing.Pass pass,
            RegisterHouseholdRequest form, UUID household) {

        assertThat(pass.resealed()).isGreaterThanOrEqualTo(form.getMembers().size() + 2L);
        assertThat(pass.unopened()).isZero();
        for (SealedColumn column : columns) {
            assertThat(jdbc.queryForObject("select count(*) from " + column.table() + " where " + column.column()
                    + " is not null and get_byte(" + column.column() + ", " + column.offset() + ") <> 2", Long.class))
                    .as(column.table() + "." + column.column()).isZero();
        }
        PersonalDataCipher onlyTheNewKey = new PersonalDataCipher(Map.of(2, NEW_KEY), 2);
        assertThat(new String(onlyTheNewKey.open(jdbc.queryForObject("select bank_account from household where id = ?",
                byte[].class, household), EncryptedPersonalData.PERSONAL_TEXT), StandardCharsets.UTF_8))
                .isEqualTo("6222020200112233445");
        assertThat(new String(onlyTheNewKey.open(jdbc.queryForObject("select phone from household where id = ?",
                byte[].class, household), EncryptedPersonalData.PERSONAL_TEXT), StandardCharsets.UTF_8))
                .isEqualTo(form.getPhone());
        StoredIdNumbers stored = new StoredIdNumbers(hash, onlyTheNewKey);
        assertThat(jdbc.queryForList("select id_number from member where household_id = ? order by ordinal",
                byte[].class, household).stream().map(stored::read).toList())
                .isEqualTo(form.getMembers().stream().map(member -> member.getIdNumber()).toList());
    }
}
