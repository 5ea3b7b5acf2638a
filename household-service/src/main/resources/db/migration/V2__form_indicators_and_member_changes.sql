-- Form 1 household fields (A23, A25, bank, causes A27a-c) and form 1/2 member indicators (A7-A20, A51);
-- natural increase (form 2) and decrease (form 3) kept on the member, so the history stays.
alter table household
    add column identification_standard text,
    add column military_family         boolean,
    add column bank_name               text,
    add column bank_account            text,
    add column causes                  text[] not null default '{}';

alter table member
    add column political_status           text,
    add column education                  text,
    add column student_status             text,
    add column health                     text[] not null default '{}',
    add column labour_skill               text,
    add column work_area                  text,
    add column work_months                integer check (work_months between 0 and 12),
    add column dropout_reason             text,
    add column speaks_mandarin            boolean,
    add column pension_insured            boolean,
    add column medical_insured            boolean,
    add column critical_illness_insured   boolean,
    add column minimum_living             boolean,
    add column commercial_medical_insured boolean,
    add column medical_assistance         boolean,
    add column work_location              text,
    add column joined_on                  date,
    add column increase_reason            text check (increase_reason ~ '^[1-6]$'),
    add column left_on                    date,
    add column decrease_reason            text check (decrease_reason ~ '^[1-8]$'),
    add constraint removed_member_has_reason check (active or (left_on is not null and decrease_reason is not null));
