-- ParX config database, version 1. Owned by the admin-api; read by the collector, storage engine and analytics.
-- Version ranges of later migrations, so that features can evolve in parallel without clashing:
--   V2-V9 auth/users/audit, V10-V19 channels/rules/dashboards, V20-V29 analytics, V30-V39 collector, V40-V49 storage.

-- One signal of the plant. Protocol settings live in `settings` (JSONB) because their shape depends on `protocol`:
--   MODBUS_TCP: {"host","port","unitId","registerType":"COIL|DISCRETE_INPUT|INPUT_REGISTER|HOLDING_REGISTER",
--                "address" (0-based),"byteOrder":"ABCD|CDAB|BADC|DCBA","wordOrder":"ABCD|CDAB|BADC|DCBA",
--                "stringLength" (registers), "timeoutMs", "maxRegistersPerRequest", "maxGap"}
--   OPCUA:      {"endpointUrl","nodeId","securityPolicy":"None|Basic256Sha256|Aes128_Sha256_RsaOaep|Aes256_Sha256_RsaPss",
--                "securityMode":"None|Sign|SignAndEncrypt","authentication":"ANONYMOUS|USERNAME","username",
--                "password","samplingIntervalMs","deadband"}
--   MQTT:       {"brokerUrl" (tcp://host:1883 or ssl://host:8883),"clientId","username","password","topic",
--                "qos":0|1|2,"payloadFormat":"NUMBER|BOOLEAN|STRING|JSON","valuePointer","timestampPointer"}
--   SIMULATOR:  {"waveform":"SINE|RAMP|SQUARE|RANDOM_WALK|COUNTER","amplitude","periodMs","offset"}
-- Secrets (password) are stored here because the collector needs them; the API never returns them.
create table channel (
    id              bigserial primary key,
    name            varchar(200) not null unique,
    description     varchar(2000) not null default '',
    unit            varchar(50) not null default '',
    data_type       varchar(20) not null check (data_type in
                        ('BOOL','INT16','UINT16','INT32','UINT32','INT64','FLOAT32','FLOAT64','STRING')),
    scale           double precision not null default 1,
    value_offset    double precision not null default 0,
    poll_interval_ms integer not null default 1000 check (poll_interval_ms > 0),
    enabled         boolean not null default true,
    collector       varchar(100),
    tags            text[] not null default '{}',
    protocol        varchar(20) not null check (protocol in ('MODBUS_TCP','OPCUA','MQTT','SIMULATOR')),
    settings        jsonb not null default '{}',
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index channel_protocol_idx on channel (protocol);
create index channel_collector_idx on channel (collector);
create index channel_tags_idx on channel using gin (tags);

-- How channels are historised. Mode parameters live in `settings`:
--   CONTINUOUS: {"intervalMs"} (0 = every sample)
--   CHANGE:     {"deadband","deadbandType":"ABSOLUTE|PERCENT","maxIntervalMs"}
--   EVENT:      {"conditionChannelId","edge":"RISING|FALLING|BOTH"}
--   TRIGGER:    {"formula","store":"WHILE_TRUE|ON_TRANSITION"}
-- Backend parameters live in `backend_settings`: FILE {"directory","naming","rotateEveryMs","rotateSizeBytes"}.
create table storage_rule (
    id               bigserial primary key,
    name             varchar(200) not null unique,
    description      varchar(2000) not null default '',
    mode             varchar(20) not null check (mode in ('CONTINUOUS','CHANGE','EVENT','TRIGGER')),
    settings         jsonb not null default '{}',
    backend          varchar(20) not null default 'TIMESCALE' check (backend in ('TIMESCALE','FILE')),
    backend_settings jsonb not null default '{}',
    retention_days   integer check (retention_days is null or retention_days > 0),
    enabled          boolean not null default true,
    version          bigint not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table storage_rule_channel (
    rule_id    bigint not null references storage_rule (id) on delete cascade,
    channel_id bigint not null references channel (id) on delete cascade,
    primary key (rule_id, channel_id)
);
create index storage_rule_channel_channel_idx on storage_rule_channel (channel_id);

-- A production batch (coil) definition. VALUE_CHANGE: a new batch starts whenever the trigger channel's value
-- changes and is named by the new value. START_STOP: a rising edge of start_channel opens a batch, a rising edge of
-- stop_channel (or a falling edge of start_channel when stop_channel is null) closes it; it is named by the value of
-- name_channel when set.
create table batch_definition (
    id                 bigserial primary key,
    name               varchar(200) not null unique,
    description        varchar(2000) not null default '',
    mode               varchar(20) not null check (mode in ('VALUE_CHANGE','START_STOP')),
    trigger_channel_id bigint references channel (id) on delete cascade,
    start_channel_id   bigint references channel (id) on delete cascade,
    stop_channel_id    bigint references channel (id) on delete cascade,
    name_channel_id    bigint references channel (id) on delete set null,
    enabled            boolean not null default true,
    version            bigint not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check ((mode = 'VALUE_CHANGE' and trigger_channel_id is not null)
        or (mode = 'START_STOP' and start_channel_id is not null))
);

-- A formula over channels, queried like a channel by the analytics engine.
create table derived_signal (
    id          bigserial primary key,
    name        varchar(200) not null unique,
    description varchar(2000) not null default '',
    formula     varchar(10000) not null,
    unit        varchar(50) not null default '',
    created_by  varchar(100),
    version     bigint not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
