package cn.fupin.household.household;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** Households with their members, as whole aggregates. */
interface HouseholdRepository extends ListCrudRepository<Household, UUID> {
}
