package cn.fupin.household.departments;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Department data set against the clerks' entries: an empty item filled in with its source, an equal one
 * confirmed, a different one never overwritten but raised as problem data, a household without the year's record
 * kept pending, an unknown ID unmatched; only departments submit.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class DepartmentDataIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481106204";
    final SyntheticHouseholds synthetic = new SyntheticHouseholds(97);

    record Registered(UUID id, String headId) {
    }

    Registered register() throws Exception {
        RegisterHouseholdRequest form = synthetic.next(VILLAGE);
        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String head = form.getMembers().stream().filter(m -> "01".equals(m.getRelation())).findFirst().orElseThrow()
                .getIdNumber();
        return new Registered(UUID.fromString(json.readTree(body).get("id").asString()), head);
    }

    void year(UUID household, String income) throws Exception {
        mvc.perform(put("/api/v1/households/" + household + "/annual-records/2020").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"income":%s,"conditions":{"dangerousHouseGrade":"1","safeDrinkingWater":true}}"""
                        .formatted(income))).andExpect(status().isOk());
    }

    JsonNode record(UUID household) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/households/" + household + "/annual-records/2020")
                .with(as("village-clerk", VILLAGE))).andReturn().getResponse().getContentAsString());
    }

    @Test
    void departmentItemsFillConfirmOrFlagButNeverOverwriteAClerksEntry() throws Exception {
        Registered a = register();
        Registered b = register();
        Registered c = register();
        year(a.id(), "{\"wageIncome\":9000,\"transferIncome\":1200,\"minimumLivingAllowance\":1200}");
        year(b.id(), "{\"wageIncome\":9000,\"transferIncome\":1200,\"minimumLivingAllowance\":1200}");

        mvc.perform(post("/api/v1/department-data").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2020,"department":"民政局","items":[{"idNumber":"%s","field":"PENSION","amount":1}]}"""
                        .formatted(a.headId()))).andExpect(status().isForbidden());

        String answer = mvc.perform(post("/api/v1/department-data").with(as("dept-provider", "350481"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2020,"department":"民政局","reference":"永民〔2020〕12号","items":[
                          {"idNumber":"%s","field":"MINIMUM_LIVING_ALLOWANCE","amount":1200},
                          {"idNumber":"%s","field":"PENSION","amount":800},
                          {"idNumber":"%s","field":"MINIMUM_LIVING_ALLOWANCE","amount":1500},
                          {"idNumber":"%s","field":"PENSION","amount":500},
                          {"idNumber":"350481199001011237","field":"PENSION","amount":500}]}"""
                        .formatted(a.headId(), a.headId(), b.headId(), c.headId())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode results = json.readTree(answer);
        assertThat(results.findValuesAsString("result"))
                .containsExactly("CONFIRMED", "APPLIED", "CONFLICT", "PENDING", "UNMATCHED");

        JsonNode filled = record(a.id());
        assertThat(new BigDecimal(filled.at("/income/pension").asString())).isEqualByComparingTo("800");
        assertThat(new BigDecimal(filled.at("/income/transferIncome").asString())).isEqualByComparingTo("2000");
        assertThat(new BigDecimal(record(b.id()).at("/income/minimumLivingAllowance").asString()))
                .as("the clerk's entry stays").isEqualByComparingTo("1200");
        assertThat(jdbc.queryForObject("select count(*) from data_issue where household_id = ? and rule_code = ?",
                Integer.class, b.id(), DepartmentSubmissions.RULE)).isEqualTo(1);

        mvc.perform(get("/api/v1/households/" + a.id() + "/department-data?year=2020")
                .with(as("township-officer", "350481106"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.field == 'PENSION')].result").value("APPLIED"))
                .andExpect(jsonPath("$[?(@.field == 'PENSION')].reference").value("永民〔2020〕12号"))
                .andExpect(jsonPath("$[?(@.field == 'PENSION')].department").value("民政局"));
        mvc.perform(get("/api/v1/households/" + a.id() + "/department-data")
                .with(as("township-officer", "350481101"))).andExpect(status().isNotFound());
    }

    @Test
    void membersFlagsAreFilledWhereUnfilledConfirmedWhereEqualAndRaisedWhereDifferent() throws Exception {
        RegisterHouseholdRequest form = new SyntheticHouseholds(297).next(VILLAGE);
        var head = form.getMembers().stream().filter(m -> "01".equals(m.getRelation())).findFirst().orElseThrow();
        head.getIndicators().setMedicalAssistance(null);
        head.getIndicators().setMinimumLiving(false);
        head.getIndicators().setMedicalInsured(true);
        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(json.readTree(body).get("id").asString());

        mvc.perform(post("/api/v1/department-data").with(as("dept-provider", "350481"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2020,"department":"医保局","items":[
                          {"idNumber":"%1$s","field":"MEDICAL_ASSISTANCE","amount":300},
                          {"idNumber":"%1$s","field":"PENSION","flag":true}]}""".formatted(head.getIdNumber())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[0].flag"))
                .andExpect(jsonPath("$.errors[0].indicator").value("A51"))
                .andExpect(jsonPath("$.errors[1].field").value("items[1].amount"));

        String answer = mvc.perform(post("/api/v1/department-data").with(as("dept-provider", "350481"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"year":2020,"department":"医保局","items":[
                          {"idNumber":"%1$s","field":"MEDICAL_ASSISTANCE","flag":true},
                          {"idNumber":"%1$s","field":"MEDICAL_INSURED","flag":true},
                          {"idNumber":"%1$s","field":"MINIMUM_LIVING","flag":true}]}""".formatted(head.getIdNumber())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(answer).findValuesAsString("result")).containsExactly("APPLIED", "CONFIRMED",
                "CONFLICT");

        JsonNode household = json.readTree(mvc.perform(get("/api/v1/households/" + id)
                .with(as("village-clerk", VILLAGE))).andReturn().getResponse().getContentAsString());
        JsonNode indicators = household.at("/members/0/indicators");
        assertThat(indicators.get("medicalAssistance").asBoolean()).as("filled in").isTrue();
        assertThat(indicators.get("minimumLiving").asBoolean()).as("the clerk's entry stays").isFalse();
        assertThat(jdbc.queryForObject("""
                select message from data_issue where household_id = ? and rule_code = ?""", String.class, id,
                DepartmentSubmissions.RULE)).contains("享受农村居民最低生活保障（A19）为 是", "录入的 否");
        mvc.perform(get("/api/v1/households/" + id + "/department-data").with(as("village-clerk", VILLAGE)))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.field == 'MEDICAL_ASSISTANCE')].flag").value(true))
                .andExpect(jsonPath("$[?(@.field == 'MEDICAL_ASSISTANCE')].department").value("医保局"));
    }
}
