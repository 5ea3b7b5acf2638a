-- The change export tells the national registry of monitoring objects identified here and of risks eliminated here
-- (monitoring-service's MonitoringObjectIdentified and RiskCleared), with the object's kind and risks.
alter table registry_change drop constraint registry_change_kind_check;
alter table registry_change add constraint registry_change_kind_check
    check (kind in ('IDENTIFIED', 'EXITED', 'RETURNED', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'CORRECTED',
                    'MONITORING_IDENTIFIED', 'RISK_CLEARED'));
alter table registry_change add column object_type text check (object_type in ('UNSTABLE_EXITED', 'MARGINAL'));
alter table registry_change add column risks text[] not null default '{}';
