-- Local projection of review-service's work plan: the year's close and each area's write window
-- (FunctionsOpened / FunctionsClosed), so writes are checked without calling review-service.
create table work_plan (
    year      integer     primary key,
    area_code text        not null,
    close_at  timestamptz not null,
    revision  integer     not null
);

create table work_window (
    area_code text        not null,
    year      integer     not null,
    opens_at  timestamptz not null,
    closes_at timestamptz,
    closed_at timestamptz,
    primary key (area_code, year)
);
