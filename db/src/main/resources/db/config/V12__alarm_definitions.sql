-- Alarm definitions (admin-api, issue 19). One alarm on one channel; the type-specific fields are columns so that
-- the storage engine, which evaluates them, and the journal queries can filter on them. Read into
-- io.parx.common.config.alarm.AlarmDefinition by both services. alarm_value (DISCRETE only) is JSON so that true,
-- 3 and "RUN" keep their type. Names need not be unique: bulk creation by tag makes one per channel.
create table alarm_definition (
    id           bigserial primary key,
    name         varchar(200)     not null,
    channel_id   bigint           not null references channel (id) on delete cascade,
    type         varchar(16)      not null check (type in ('HIHI', 'HI', 'LO', 'LOLO', 'DISCRETE', 'BAD_QUALITY')),
    limit_value  double precision,
    deadband     double precision,
    alarm_value  jsonb,
    on_delay_ms  bigint           not null default 0 check (on_delay_ms between 0 and 86400000),
    off_delay_ms bigint           not null default 0 check (off_delay_ms between 0 and 86400000),
    priority     varchar(16)      not null check (priority in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    message      varchar(500)     not null,
    enabled      boolean          not null default true,
    version      bigint           not null default 0,
    created_at   timestamptz      not null default now(),
    updated_at   timestamptz      not null default now()
);
create index alarm_definition_channel_idx on alarm_definition (channel_id);
