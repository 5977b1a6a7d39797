-- This installation's identity (issue 21): one row, generated once when the config database is created, so that
-- what must differ between two installations sharing a broker or a network (the MQTT client ids the collector
-- derives) does, without anyone configuring it. Read with io.parx.common.config.Installation.
create table installation (
    id         uuid        primary key default gen_random_uuid(),
    created_at timestamptz not null default now(),
    singleton  boolean     not null default true unique check (singleton)
);

insert into installation default values;
