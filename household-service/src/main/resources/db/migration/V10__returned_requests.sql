-- 退回修改: review may send a request back to the submitter for correction (ReviewStageDecided RETURN); the
-- clerk corrects the household and resubmits the same request. A returned request is still open: a new request
-- of its kind waits for it, so the one-open-request rule covers PENDING and RETURNED.
alter table lifecycle_request drop constraint lifecycle_request_state_check;
alter table lifecycle_request add constraint lifecycle_request_state_check
    check (state in ('PENDING', 'RETURNED', 'APPROVED', 'REJECTED'));
drop index lifecycle_request_one_pending;
create unique index lifecycle_request_one_open on lifecycle_request (household_id, type)
    where state in ('PENDING', 'RETURNED');
