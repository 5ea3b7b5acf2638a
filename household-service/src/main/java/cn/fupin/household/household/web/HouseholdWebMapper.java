package cn.fupin.household.household.web;

import java.time.ZoneOffset;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import cn.fupin.contracts.household.model.Address;
import cn.fupin.contracts.household.model.HelperInput;
import cn.fupin.contracts.household.model.HouseholdHead;
import cn.fupin.contracts.household.model.HouseholdPage;
import cn.fupin.contracts.household.model.HouseholdSummary;
import cn.fupin.contracts.household.model.MemberIdentityCorrection;
import cn.fupin.contracts.household.model.MemberInput;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.household.model.UpdateHouseholdRequest;
import cn.fupin.household.household.BaseDataChange;
import cn.fupin.household.household.HeadChange;
import cn.fupin.household.household.Helper;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.privacy.IdNumber;
import cn.fupin.household.household.IdentityCorrection;
import cn.fupin.household.household.Member;
import cn.fupin.household.household.MemberIndicators;
import cn.fupin.household.household.NewHousehold;
import cn.fupin.household.household.NewMember;
import cn.fupin.household.privacy.PersonalText;
import cn.fupin.platform.pii.Masking;

/** Between the contract's DTOs and the domain; personal data is masked on the way out unless allowed. */
@Mapper(imports = { ZoneOffset.class, Masking.class })
interface HouseholdWebMapper {

    @Mapping(target = "divisionCode", source = "address.divisionCode")
    @Mapping(target = "naturalVillage", source = "address.naturalVillage")
    NewHousehold toDomain(RegisterHouseholdRequest request);

    BaseDataChange toDomain(UpdateHouseholdRequest request);

    MemberIndicators toDomain(cn.fupin.contracts.household.model.MemberIndicators indicators);

    @Mapping(target = "idType", defaultValue = "01")
    NewMember toDomain(MemberInput member);

    IdentityCorrection toDomain(MemberIdentityCorrection correction);

    HeadChange toDomain(cn.fupin.contracts.household.model.HeadChange change);

    @Mapping(target = "address", expression = "java(address(household))")
    @Mapping(target = "phone", expression = "java(fullView ? household.getPhone() : Masking.phone(household.getPhone()))")
    @Mapping(target = "bankAccount",
            expression = "java(fullView ? household.getBankAccount() : Masking.account(household.getBankAccount()))")
    @Mapping(target = "members", source = "household.members")
    @Mapping(target = "createdAt", expression = "java(household.getCreatedAt().atOffset(ZoneOffset.UTC))")
    cn.fupin.contracts.household.model.Household toDto(Household household, @org.mapstruct.Context boolean fullView);

    @Mapping(target = "id", source = "member.memberId")
    @Mapping(target = "idNumber", expression = "java(shown(member.idNumber(), fullView))")
    cn.fupin.contracts.household.model.Member toDto(Member member, @org.mapstruct.Context boolean fullView);

    @Mapping(target = "id", source = "helper.helperId")
    @Mapping(target = "idNumber", expression = "java(shown(helper.idNumber(), fullView))")
    @Mapping(target = "phone", expression = "java(shownPhone(helper.phone(), fullView))")
    cn.fupin.contracts.household.model.Helper toDto(Helper helper, @org.mapstruct.Context boolean fullView);

    @Mapping(target = "helperId", expression = "java(cn.fupin.platform.domain.Ids.next())")
    Helper toDomain(HelperInput helper);

    HouseholdSummary toDto(HouseholdQueries.Summary summary);

    @Mapping(target = "totalPages", expression = "java(page.totalPages())")
    HouseholdPage toDto(HouseholdQueries.Page page);

    default Address address(Household household) {
        return new Address(household.getDivisionCode()).naturalVillage(household.getNaturalVillage());
    }

    /** A household's living head as {@code POST /households/heads} answers, the ID number as {@link #shown}. */
    default HouseholdHead toHead(Household household, Member head, boolean fullView) {
        return new HouseholdHead().householdId(household.getId()).memberId(head.memberId()).name(head.name())
                .idNumber(shown(head.idNumber(), fullView));
    }

    /** An ID number in full, or masked for a caller without a need to know. */
    default String shown(IdNumber number, boolean fullView) {
        return number == null ? null : fullView ? number.value() : Masking.idNumber(number.value());
    }

    default String shownPhone(PersonalText phone, boolean fullView) {
        return phone == null ? null : fullView ? phone.value() : Masking.phone(phone.value());
    }

    default PersonalText personalText(String value) {
        return PersonalText.of(value);
    }

    default IdNumber idNumber(String value) {
        return value == null || value.isBlank() ? null : new IdNumber(value);
    }
}
