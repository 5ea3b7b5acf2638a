package cn.fupin.household.household;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import cn.fupin.household.privacy.PersonalText;
import cn.fupin.household.privacy.SealedColumns;
import cn.fupin.platform.jdbc.CopyRows;

/**
 * Writes new households with their members by PostgreSQL's {@code COPY}, in the current transaction: the bulk
 * path's writer, past Spring Data's per-property mapping (which cost more than the database did). The columns are
 * the ones Spring Data maps the aggregate to; the household and member tests read what it wrote back through the
 * repository. Personal data is sealed as Spring Data's converters seal it ({@link SealedColumns}).
 */
@Component
class HouseholdCopies {

    private static final String HOUSEHOLDS = """
            id, category, status, division_code, natural_village, phone, size, version, created_at, updated_at,
            identification_standard, military_family, bank_name, bank_account, causes, not_enjoying_policy,
            policy_verification, applied_on""";

    private static final String MEMBERS = """
            household_id, ordinal, member_id, name, gender, id_type, id_number, relation, ethnicity, birth_date,
            active, political_status, education, student_status, health, labour_skill, work_area, work_months,
            dropout_reason, speaks_mandarin, pension_insured, medical_insured, critical_illness_insured,
            minimum_living, commercial_medical_insured, medical_assistance, work_location, joined_on,
            increase_reason, left_on, decrease_reason, division_code""";

    private static final String HELPERS = """
            household_id, ordinal, helper_id, name, gender, political_status, unit, start_date, end_date, phone""";

    private final DataSource dataSource;
    private final SealedColumns sealed;

    HouseholdCopies(DataSource dataSource, SealedColumns sealed) {
        this.dataSource = dataSource;
        this.sealed = sealed;
    }

    /** A household's rows as they are copied in: its own, its members' and its helpers'. */
    record Rows(CopyRows household, CopyRows members, CopyRows helpers) {
    }

    /**
     * The rows of a household new to the registry (version 0), personal data sealed: no database, so they can be
     * made on another thread than the one that copies them in ({@link #insert}).
     */
    Rows rows(Household h) {
        CopyRows household = new CopyRows(512);
        household.add(h.getId()).add(h.getCategory().name()).add(h.getStatus().name()).add(h.getDivisionCode())
                .add(h.getNaturalVillage()).add(sealed.text(PersonalText.of(h.getPhone()))).add(h.getSize())
                .add(0).add(h.getCreatedAt()).add(h.getUpdatedAt()).add(h.getIdentificationStandard())
                .add(h.getMilitaryFamily()).add(h.getBankName())
                .add(sealed.text(PersonalText.of(h.getBankAccount()))).add(h.getCauses())
                .add(false).add(h.getPolicyVerification()).add(h.getAppliedOn()).end();
        List<Member> members = h.getMembers();
        CopyRows member = new CopyRows(512 * members.size());
        for (int ordinal = 0; ordinal < members.size(); ordinal++) {
            Member m = members.get(ordinal);
            MemberIndicators i = m.indicators();
            member.add(h.getId()).add(ordinal).add(m.memberId()).add(m.name()).add(m.gender()).add(m.idType())
                    .add(sealed.idNumber(m.idNumber())).add(m.relation()).add(m.ethnicity()).add(m.birthDate())
                    .add(m.active()).add(i.politicalStatus()).add(i.education()).add(i.studentStatus())
                    .add(i.health()).add(i.labourSkill()).add(i.workArea()).add(i.workMonths())
                    .add(i.dropoutReason()).add(i.speaksMandarin()).add(i.pensionInsured()).add(i.medicalInsured())
                    .add(i.criticalIllnessInsured()).add(i.minimumLiving()).add(i.commercialMedicalInsured())
                    .add(i.medicalAssistance()).add(m.workLocation()).add(m.joinedOn()).add(m.increaseReason())
                    .add(m.leftOn()).add(m.decreaseReason()).add(h.getDivisionCode()).end();
        }
        CopyRows helper = new CopyRows(256 * h.getHelpers().size());
        for (int ordinal = 0; ordinal < h.getHelpers().size(); ordinal++) {
            Helper p = h.getHelpers().get(ordinal);
            helper.add(h.getId()).add(ordinal).add(p.helperId()).add(p.name()).add(p.gender())
                    .add(p.politicalStatus()).add(p.unit()).add(p.startDate()).add(p.endDate())
                    .add(sealed.text(p.phone())).end();
        }
        return new Rows(household, member, helper);
    }

    /** Copies households' rows in, in the current transaction: one {@code COPY} for each table. */
    void insert(List<Rows> rows) {
        CopyRows household = new CopyRows();
        CopyRows member = new CopyRows();
        CopyRows helper = new CopyRows();
        for (Rows each : rows) {
            household.addRows(each.household());
            member.addRows(each.members());
            helper.addRows(each.helpers());
        }
        copy("household", HOUSEHOLDS, household);
        copy("member", MEMBERS, member);
        if (!helper.isEmpty()) {
            copy("helper", HELPERS, helper);
        }
    }

    /** Copies the rows into the table, in the current transaction ({@link CopyRows#copyInto}). */
    void copy(String table, String columns, CopyRows rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            rows.copyInto(connection, table, columns);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
