package cn.fupin.household.persons;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.PersonsApi;
import cn.fupin.contracts.household.model.PersonMatch;
import cn.fupin.platform.security.Caller;

/** 查重: who holds an ID number, inside the caller's area, before a clerk enters it again. */
@RestController
class PersonController implements PersonsApi {

    private final PersonLookup lookup;

    PersonController(PersonLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<List<PersonMatch>> findPersons(String idNumber) {
        return ResponseEntity.ok(lookup.holders(idNumber, Caller.current().scope()));
    }
}
