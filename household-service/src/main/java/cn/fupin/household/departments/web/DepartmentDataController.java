package cn.fupin.household.departments.web;

import java.time.ZoneOffset;
import java.util.ArrayList;
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
import cn.fupin.contracts.household.model.DepartmentSubmissionItemsInner;
import cn.fupin.household.departments.DepartmentSubmissions;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

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
        List<DepartmentSubmissions.Item> items = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < submission.getItems().size(); i++) {
            DepartmentSubmissionItemsInner item = submission.getItems().get(i);
            var field = cn.fupin.household.departments.DepartmentField.valueOf(item.getField().getValue());
            if (field.isFlag() && (item.getFlag() == null || item.getAmount() != null)) {
                errors.add(new FieldError("items[" + i + "].flag", field.indicator(),
                        field.label() + "是成员标识：报送 flag（是否），不报送 amount"));
            }
            else if (!field.isFlag() && (item.getAmount() == null || item.getFlag() != null)) {
                errors.add(new FieldError("items[" + i + "].amount", field.indicator(),
                        field.label() + "是金额：报送 amount（元），不报送 flag"));
            }
            items.add(new DepartmentSubmissions.Item(item.getIdNumber(), field, item.getAmount(), item.getFlag()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return ResponseEntity.ok(submissions.submit(submission.getYear(), submission.getDepartment(),
                submission.getReference(), items, Caller.current()).stream()
                .map(o -> new DepartmentItemResult(o.id(), DepartmentField.fromValue(o.item().field().name()),
                        DepartmentItemResult.ResultEnum.fromValue(o.result())).amount(o.item().amount())
                        .flag(o.item().flag()).householdId(o.householdId()).note(o.note()))
                .toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor', 'dept-provider')")
    public ResponseEntity<List<DepartmentItem>> listDepartmentData(UUID householdId, Integer year) {
        Caller caller = Caller.current();
        households.find(householdId, caller.scope()).orElseThrow(() -> ApiException.notFound("户", householdId));
        return ResponseEntity.ok(submissions.of(householdId, year, caller).stream()
                .map(k -> new DepartmentItem(k.id(), k.householdId(), k.year(), k.department(),
                        DepartmentField.fromValue(k.field().name()), k.result(), k.submittedBy(),
                        k.at().atOffset(ZoneOffset.UTC)).amount(k.amount()).flag(k.flag()).reference(k.reference())
                        .note(k.note()))
                .toList());
    }
}
