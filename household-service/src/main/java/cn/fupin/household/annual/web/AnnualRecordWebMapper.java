package cn.fupin.household.annual.web;

import org.mapstruct.Mapper;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.BasicNeeds;
import cn.fupin.household.annual.Conditions;
import cn.fupin.household.annual.Income;

/** Between the contract's annual-record DTOs and the domain. */
@Mapper
interface AnnualRecordWebMapper {

    Income toDomain(cn.fupin.contracts.household.model.Income income);

    Conditions toDomain(cn.fupin.contracts.household.model.Conditions conditions);

    cn.fupin.contracts.household.model.AnnualRecord toDto(AnnualRecord record);

    cn.fupin.contracts.household.model.Income toDto(Income income);

    cn.fupin.contracts.household.model.Conditions toDto(Conditions conditions);

    cn.fupin.contracts.household.model.BasicNeeds toDto(BasicNeeds needs);
}
