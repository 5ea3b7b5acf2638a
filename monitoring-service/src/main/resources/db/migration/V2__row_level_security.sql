-- Row-level security, the second wall behind the service's own area filters (DESIGN: Security): a connection sees
-- and writes only rows of the area in the setting fupin.area ('' for the system's own work; never told: nothing),
-- see cn.fupin.platform.security.AreaScopedDataSource. The owner, who migrates, is not subject to it.

alter table household_summary enable row level security;
create policy in_area on household_summary
    using (starts_with(division_code, current_setting('fupin.area', true)));

alter table monitoring_object enable row level security;
create policy in_area on monitoring_object
    using (starts_with(division_code, current_setting('fupin.area', true)));

alter table early_warning enable row level security;
create policy in_area on early_warning
    using (current_setting('fupin.area', true) = ''
        or exists (select 1 from household_summary h where h.household_id = early_warning.household_id));

-- The history, measures and assessments of an object are in the area of their object.
alter table monitoring_status_change enable row level security;
create policy in_area on monitoring_status_change
    using (current_setting('fupin.area', true) = '' or exists (select 1 from monitoring_object o where o.id = object_id));

alter table monitoring_assistance enable row level security;
create policy in_area on monitoring_assistance
    using (current_setting('fupin.area', true) = '' or exists (select 1 from monitoring_object o where o.id = object_id));

alter table monitoring_assessment enable row level security;
create policy in_area on monitoring_assessment
    using (current_setting('fupin.area', true) = '' or exists (select 1 from monitoring_object o where o.id = object_id));
