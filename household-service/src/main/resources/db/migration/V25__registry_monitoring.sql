-- The monitoring state the national registry gave a household (防返贫监测): which kind of monitoring object it is
-- there, since which year, its risks, and whether and when the risk was eliminated. Kept so that the registry
-- layout can be written back as it was read; monitoring-service holds the monitoring object itself.
alter table household_registry
    add column monitoring_type    text    check (monitoring_type in ('UNSTABLE_EXITED', 'MARGINAL')),
    add column monitoring_year    integer check (monitoring_year between 2013 and 2100),
    add column monitoring_risks   text[],
    add column risk_cleared_year  integer check (risk_cleared_year between 2013 and 2100),
    add column risk_cleared       boolean not null default false;
comment on column household_registry.monitoring_risks is 'A52 codes of the risks the registry names (1–3)';
