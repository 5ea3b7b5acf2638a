package cn.fupin.household.departments.web;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.DepartmentsApi;
import cn.fupin.contracts.household.model.DepartmentField;
import cn.fupin.contracts.household.model.DepartmentItem;
import cn.fupin.contracts.household.model.DepartmentItemResult;
import cn.fupin.contracts.household.model.DepartmentSubmission;
import cn.fupin.household.departments.DepartmentSubmissions;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/** Departments' policy and fund data over HTTP, and where each item went. */
@RestController
class DepartmentDataController implements DepartmentsApi {

    private final DepartmentSubmissions submissions;
    private final HouseholdQueries households;

    DepartmentDataController(DepartmentSubmissions submissions, HouseholdQueries households) {
        this.submissions = submissions;
        this.households = households;
    }

    @Override
    @PreAuthorize("hasRole('dept-provider')")
    public ResponseEntity<List<DepartmentItemResult>> submitDepartmentData(DepartmentSubmission submission,
            String idempotencyKey) {
        List<DepartmentSubmissions.Item> items = submission.getItems().stream()
                .map(item -> new DepartmentSubmissions.Item(item.getIdNumber(),
                        cn.fupin.household.departments.DepartmentField.valueOf(item.getField().getValue()),
                        item.getAmount()))
                .toList();
        return ResponseEntity.ok(submissions.submit(submission.getYear(), submission.getDepartment(),
                submission.getReference(), items, Caller.current()).stream()
                .map(o -> new DepartmentItemResult(o.id(), DepartmentField.fromValue(o.field().name()), o.amount(),
                        DepartmentItemResult.ResultEnum.fromValue(o.result())).householdId(o.householdId())
                        .note(o.note()))
                .toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor', 'dept-provider')")
    public ResponseEntity<List<DepartmentItem>> listDepartmentData(UUID householdId, Integer year) {
        Caller caller = Caller.current();
        households.find(householdId, caller.scope()).orElseThrow(() -> ApiException.notFound("户", householdId));
        return ResponseEntity.ok(submissions.of(householdId, year, caller).stream()
                .map(k -> new DepartmentItem(k.id(), k.householdId(), k.year(), k.department(),
                        DepartmentField.fromValue(k.field().name()), k.amount(), k.result(), k.submittedBy(),
                        k.at().atOffset(ZoneOffset.UTC)).reference(k.reference()).note(k.note()))
                .toList());
    }
}
