-- Row-level security, the second wall behind the service's own area filters (DESIGN: Security). A connection sees
-- and writes only rows of the area in the setting fupin.area: the caller's division-code prefix, '' for the
-- system's own work (consumers, relay, scheduled checks); a connection never told sees nothing
-- (cn.fupin.platform.security.AreaScopedDataSource). The owner, who migrates, is not subject to it; the service
-- connects as its application role, which owns nothing (afterMigrate__grant_the_application_role.sql).

alter table household enable row level security;
create policy in_area on household
    using (starts_with(division_code, current_setting('fupin.area', true)));

alter table data_issue enable row level security;
create policy in_area on data_issue
    using (starts_with(division_code, current_setting('fupin.area', true)));

-- Rows of a household are in the area of their household (whose own policy applies inside the subquery).
alter table member enable row level security;
create policy in_area on member
    using (current_setting('fupin.area', true) = '' or exists (select 1 from household h where h.id = household_id));

alter table helper enable row level security;
create policy in_area on helper
    using (current_setting('fupin.area', true) = '' or exists (select 1 from household h where h.id = household_id));

alter table annual_record enable row level security;
create policy in_area on annual_record
    using (current_setting('fupin.area', true) = '' or exists (select 1 from household h where h.id = household_id));

alter table lifecycle_request enable row level security;
create policy in_area on lifecycle_request
    using (current_setting('fupin.area', true) = '' or exists (select 1 from household h where h.id = household_id));

alter table member_correction enable row level security;
create policy in_area on member_correction
    using (current_setting('fupin.area', true) = '' or exists (select 1 from household h where h.id = household_id));

-- Rule 15 (帮扶责任人为建档立卡贫困人口) asks whether a helper is a registered person anywhere in the registry, not
-- only in the clerk's village: this one question is answered across areas, as the owner, and answers no more than
-- who holds one of the given ID hashes (or a given name in the household's own village).
create function registered_persons(hashes text[], village text, names text[])
    returns table (household_id uuid, division_code text, category text, status text, name text, id_number bytea)
    language sql stable security definer set search_path = household, pg_temp
as $$
    select h.id, h.division_code, h.category, h.status, m.name, m.id_number
    from member m join household h on h.id = m.household_id
    where m.active and (m.id_number_hash = any(hashes) or (h.division_code = village and m.name = any(names)))
$$;
revoke all on function registered_persons(text[], text, text[]) from public;
