-- Local projection of review-service's work plan, for the services whose writes it governs: the year's close and
-- each area's write window (FunctionsOpened / FunctionsClosed, with the reason a window was opened for; only a
-- REOPENED window lets writes through after the close), so writes are checked without calling review-service.
-- household-service had these tables in its own migrations (9, 11): they are kept as they are.
create table if not exists work_plan (
    year      integer     primary key,
    area_code text        not null,
    close_at  timestamptz not null,
    revision  integer     not null
);

create table if not exists work_window (
    area_code text        not null,
    year      integer     not null,
    opens_at  timestamptz not null,
    closes_at timestamptz,
    closed_at timestamptz,
    reason    text,
    primary key (area_code, year)
);

-- these migrations run after the service's own, whose grants did not see the tables yet
grant select, insert, update, delete on work_plan, work_window to ${app_role};
