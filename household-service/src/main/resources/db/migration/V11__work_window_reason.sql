-- Why a window was opened (FunctionsOpened.reason): only a REOPENED window lets writes through after the
-- year's close. Null for a window known only from its closing, and for windows projected before this column.
alter table work_window add column reason text;
