package cn.fupin.household.annual.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.AnnualRecordsApi;
import cn.fupin.contracts.household.model.AnnualRecord;
import cn.fupin.contracts.household.model.AnnualRecordInput;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.web.ETags;

/** A household's record of a year over HTTP. */
@RestController
class AnnualRecordController implements AnnualRecordsApi {

    private final AnnualRecords records;
    private final AnnualRecordWebMapper mapper;

    AnnualRecordController(AnnualRecords records, AnnualRecordWebMapper mapper) {
        this.records = records;
        this.mapper = mapper;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<AnnualRecord> putAnnualRecord(UUID householdId, Integer year, AnnualRecordInput input,
            String ifMatch) {
        var record = records.submit(householdId, year, mapper.toDomain(input.getIncome()),
                mapper.toDomain(input.getConditions()), ETags.version(ifMatch), Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(record.version())).body(mapper.toDto(record));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<AnnualRecord> getAnnualRecord(UUID householdId, Integer year) {
        var record = records.find(householdId, year, Caller.current().scope())
                .orElseThrow(() -> ApiException.notFound("年度记录", householdId + "/" + year));
        return ResponseEntity.ok().eTag(ETags.of(record.version())).body(mapper.toDto(record));
    }
}
