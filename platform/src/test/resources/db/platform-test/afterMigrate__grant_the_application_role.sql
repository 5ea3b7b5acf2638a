-- The platform's own tests run like a service: migrated by the owner, connected as the application role.
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
