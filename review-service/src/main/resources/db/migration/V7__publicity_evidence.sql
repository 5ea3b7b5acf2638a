-- 公示照片: photos or scans of a round's public notice, kept with the case as evidence; never changed or removed.
create table review_evidence (
    id           uuid        primary key,
    case_id      uuid        not null references review_case (id),
    round        integer     not null,
    file_name    text        not null,
    content_type text        not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    size         integer     not null check (size between 1 and 5242880),
    sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index review_evidence_case on review_evidence (case_id, uploaded_at);
create trigger review_evidence_append_only before update or delete on review_evidence
    for each row execute function refuse_change();

alter table review_evidence enable row level security;
create policy in_area on review_evidence
    using (current_setting('fupin.area', true) = '' or exists (select 1 from review_case c where c.id = case_id));
