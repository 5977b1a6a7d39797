-- ParX time-series database, version 1. Owned by the db module; applied by the storage engine or the runner
-- (io.parx.db.MigrationRunner). Works on TimescaleDB (Apache or community licence) and on plain PostgreSQL 15+.
-- Version ranges of later migrations, so that features can evolve in parallel without clashing:
--   V1 db module (this file), V2-V19 storage engine (rollups, retention, compression), V20-V29 analytics engine.
-- Later migrations that need TimescaleDB must check for it themselves (see the block below, or
-- io.parx.db.TimeseriesCapabilities in Java) and keep a working fallback on plain PostgreSQL.

-- One reading of one channel (CONTRACTS.md, "The sample"). The primary key is the identity of a sample, so
-- `insert ... on conflict (channel_id, time) do nothing` makes a redelivered batch harmless. Its b-tree, scanned
-- backwards, also serves "channel X between t1 and t2, newest first" and "latest value of channel X", so no second
-- (channel_id, time desc) index is created: it would double the index writes for no gain.
-- The value sits in the column of its type; all three are null when the quality is bad.
-- `quality` is the 32-bit OPC UA StatusCode (0 = Good), stored as a signed integer: Bad codes are negative.
create table samples (
    channel_id bigint           not null,
    time       timestamptz      not null,
    value_num  double precision,
    value_bool boolean,
    value_text text,
    quality    integer          not null default 0,
    primary key (channel_id, time)
);

-- TimescaleDB when the server offers it: a hypertable with one-day chunks, so time-range queries touch only the
-- chunks they need and retention drops whole chunks. No default time index: chunk exclusion already prunes by
-- time and the primary key covers the per-channel access path.
-- Plain PostgreSQL: a BRIN index on time. Samples arrive roughly in time order and are rarely updated, so the
-- physical order follows time and a BRIN index (a few pages for millions of rows) prunes time ranges almost as
-- well as a b-tree at a tiny fraction of its size and write cost.
-- If the extension is offered but cannot be created (not in shared_preload_libraries, no privilege) the plain
-- layout is used with a warning instead of failing: the database stays usable, and the capabilities logged at
-- start-up say "available, not installed".
do $$
declare
    timescale boolean := false;
begin
    if exists (select 1 from pg_available_extensions where name = 'timescaledb') then
        begin
            create extension if not exists timescaledb;
            timescale := true;
        exception when others then
            raise warning 'timescaledb is available but could not be created (%); samples stays a plain table', sqlerrm;
        end;
    end if;
    if timescale then
        if to_regproc('by_range') is not null then
            perform create_hypertable('samples', by_range('time', interval '1 day'), create_default_indexes => false);
        else
            -- TimescaleDB before 2.13 has only the older signature.
            perform create_hypertable('samples', 'time', chunk_time_interval => interval '1 day',
                create_default_indexes => false);
        end if;
    else
        create index samples_time_brin on samples using brin (time);
    end if;
end
$$;

-- A production batch (coil) of a batch definition (config database, table batch_definition; no foreign key
-- because it lives in the other database). Open while end_time is null.
create table batch (
    id            bigserial   primary key,
    definition_id bigint      not null,
    name          text,
    start_time    timestamptz not null,
    end_time      timestamptz,
    check (end_time is null or end_time >= start_time)
);
create index batch_definition_start_idx on batch (definition_id, start_time);
