-- 贫困村基础信息 per village and year, collected with the households (work plan, part 1.2).
create table village_year (
    village_code          text          not null check (village_code ~ '^\d{12}$'),
    year                  integer       not null check (year between 2014 and 2100),
    poor_village          boolean       not null,
    exit_year             integer check (exit_year between 2014 and 2100),
    registered_households integer check (registered_households >= 0),
    registered_population integer check (registered_population >= 0),
    collective_income     numeric(14,2) check (collective_income >= 0),
    hardened_road         boolean,
    safe_water            boolean,
    electricity           boolean,
    broadband             boolean,
    version               bigint        not null,
    updated_at            timestamptz   not null,
    primary key (village_code, year)
);
