-- Row-level security, the second wall behind the service's own area filters (DESIGN: Security): a connection sees
-- and writes only review cases of the area in the setting fupin.area ('' for the system's own work; never told:
-- nothing), see cn.fupin.platform.security.AreaScopedDataSource. The owner, who migrates, is not subject to it.
-- The work plan, the function windows and the account record are the city's and carry no area of a case.

alter table review_case enable row level security;
create policy in_area on review_case
    using (starts_with(area_code, current_setting('fupin.area', true)));

alter table function_request enable row level security;
create policy in_area on function_request
    using (starts_with(township_code, current_setting('fupin.area', true)));

-- Submissions (frozen snapshots), decisions and notices are in the area of their case.
alter table review_submission enable row level security;
create policy in_area on review_submission
    using (current_setting('fupin.area', true) = '' or exists (select 1 from review_case c where c.id = case_id));

alter table review_decision enable row level security;
create policy in_area on review_decision
    using (current_setting('fupin.area', true) = '' or exists (select 1 from review_case c where c.id = case_id));

alter table review_publicity enable row level security;
create policy in_area on review_publicity
    using (current_setting('fupin.area', true) = '' or exists (select 1 from review_case c where c.id = case_id));
