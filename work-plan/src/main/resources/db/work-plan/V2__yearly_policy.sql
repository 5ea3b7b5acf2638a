-- The yearly policy figures (年度政策参数) the city office publishes with each work plan (WorkPlanPublished.policy):
-- the latest revision of each year. Kept apart from work_plan, whose presence turns the write windows on.
create table if not exists yearly_policy (
    year                   integer       primary key,
    revision               integer       not null,
    poverty_line           numeric(12,2) not null check (poverty_line > 0),
    monitoring_line_factor numeric(4,2)  not null check (monitoring_line_factor >= 1),
    publicity_days_min     integer       not null check (publicity_days_min > 0)
);

grant select, insert, update, delete on yearly_policy to ${app_role};
