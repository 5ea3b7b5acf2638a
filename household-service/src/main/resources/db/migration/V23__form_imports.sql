-- Imports of the filled forms 1–4 of a village, beside the national registry's export.
alter table import_job drop constraint import_job_kind_check;
alter table import_job add constraint import_job_kind_check
    check (kind in ('NATIONAL_REGISTRY', 'FORM_1', 'FORM_2', 'FORM_3', 'FORM_4'));
