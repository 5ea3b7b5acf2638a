package cn.fupin.monitoring.warnings;

import static cn.fupin.platform.testing.Tokens.as;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.monitoring.HouseholdEvents;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Early warning from household.events alone: an exited household's year under the monitoring line puts it on the
 * list with the facts; a member's death adds a fact; proposing it as a monitoring object takes it off; a poor
 * household is not watched.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class EarlyWarningIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481104203";

    JsonNode listed(UUID household) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/early-warnings?areaCode=" + VILLAGE + "&size=200")
                .with(as("township-officer", "350481104"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        for (JsonNode item : page.get("items")) {
            if (item.get("householdId").asString().equals(household.toString())) {
                return item;
            }
        }
        return null;
    }

    @BeforeEach
    void theAssessedYearIs2020() {
        policyOf2020();
    }

    @Test
    void anIncomeUnderTheMonitoringLineListsTheHouseholdUntilItIsProposed() throws Exception {
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        household.registered("MARGINAL", "MARGINAL", null, true);
        household.annualRecord("MARGINAL", "MARGINAL", "5200.00", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(household.household()) != null);
        JsonNode item = listed(household.household());
        org.assertj.core.api.Assertions.assertThat(item.at("/warnings/0/trigger").asString())
                .isEqualTo("INCOME_BELOW_MONITORING_LINE");
        org.assertj.core.api.Assertions.assertThat(item.at("/warnings/0/facts/monitoringLine").asString())
                .isEqualTo("6000.00");
        org.assertj.core.api.Assertions.assertThat(item.at("/headName").asString()).isEqualTo("陈大山");

        String members = jdbc.queryForObject("select members::text from household_summary where household_id = ?",
                String.class, household.household());
        String spouse = json.readTree(members).get(1).get("memberId").asString();
        household.send("MemberRemoved", """
                {"householdId":"%s","divisionCode":"%s","category":"MARGINAL","status":"MARGINAL","memberId":"%s",
                 "relation":"02","gender":"2","reason":"1","effectiveDate":"2020-11-30","size":1}"""
                .formatted(household.household(), VILLAGE, spouse));
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(household.household()).get("warnings").size() == 2);

        mvc.perform(post("/api/v1/monitoring-objects").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"objectType":"MARGINAL","year":2020,"householdId":"%s","risks":["01"]}"""
                        .formatted(household.household()))).andExpect(status().isCreated());
        org.assertj.core.api.Assertions.assertThat(listed(household.household())).isNull();
    }

    /**
     * A year's record taken over from the national registry is the registry's state, not a change here: the income
     * is projected but warns of nothing; the same income entered here afterwards does.
     */
    @Test
    void aRecordTakenOverFromTheRegistryWarnsOfNothingButOneEnteredHereDoes() throws Exception {
        HouseholdEvents household = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        household.registered("MARGINAL", "MARGINAL", null, true);
        household.annualRecordOfRegistry("MARGINAL", "MARGINAL", "5200.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from household_summary where household_id = ? and per_capita_income = 5200",
                Long.class, household.household()) == 1);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from early_warning where household_id = ?", Long.class, household.household()))
                .isZero();
        org.assertj.core.api.Assertions.assertThat(listed(household.household())).isNull();

        household.annualRecord("MARGINAL", "MARGINAL", "5100.00", true);
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(household.household()) != null);
        org.assertj.core.api.Assertions.assertThat(listed(household.household()).at("/warnings/0/trigger").asString())
                .isEqualTo("INCOME_BELOW_MONITORING_LINE");
    }

    @Test
    void aPoorHouseholdIsNotWatchedAndANewSeriousIllnessIsAFact() throws Exception {
        HouseholdEvents poor = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        poor.registered("REGISTERED", "POOR", null, true);
        poor.annualRecord("REGISTERED", "POOR", "2000.00", false);
        HouseholdEvents exited = new HouseholdEvents(kafka, UUID.randomUUID(), VILLAGE);
        exited.registered("REGISTERED", "EXITED", null, true);
        exited.send("MemberAdded", """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","status":"EXITED",
                 "memberId":"%s","relation":"03","gender":"1","birthYear":1995,"health":["03"],"labourSkill":"03",
                 "reason":"3","effectiveDate":"2020-11-10","size":3}"""
                .formatted(exited.household(), VILLAGE, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(exited.household()) != null);
        org.assertj.core.api.Assertions.assertThat(listed(exited.household()).at("/warnings/0/trigger").asString())
                .isEqualTo("MEMBER_SERIOUSLY_ILL");
        org.assertj.core.api.Assertions.assertThat(listed(poor.household())).isNull();
    }
}
