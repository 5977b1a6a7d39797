-- ParX time-series database, version 4 (storage engine): alarm state and the alarm journal (issue 19).
-- The storage engine evaluates the alarm definitions of the config database (alarm_definition, no foreign key: it
-- lives in the other database) on the durable sample stream and writes both tables in the transaction that writes
-- the batch's rows, so a batch is evaluated exactly once: a redelivered batch finds last_seen_us at or past its
-- samples and changes nothing.

-- One row per alarm definition that has seen a sample. state is NORMAL, ACTIVE_UNACKED, ACTIVE_ACKED or
-- RETURNED_UNACKED (ISA-18.2); pending_since_us is the source time from which the condition has differed from the
-- state (the on- or off-delay runs from it), null when it agrees. The columns after it describe the last
-- activation and acknowledgement, for the active-alarm list.
create table alarm_state (
    definition_id    bigint      primary key,
    channel_id       bigint      not null,
    state            varchar(20) not null,
    last_seen_us     bigint      not null,
    pending_since_us bigint,
    activated_at     timestamptz,
    value_num        double precision,
    value_text       text,
    priority         smallint    not null,
    message          text        not null default '',
    shelved_until    timestamptz,
    acked_at         timestamptz,
    acked_by         varchar(100),
    ack_comment      varchar(1000)
);

-- Every transition of every alarm: time is the source time of the sample that caused it (or the time of an
-- acknowledgement or shelving), state the state after it. The primary key makes a transition written twice
-- impossible (inserts use on conflict do nothing), the second guard behind last_seen_us. Text columns (TimescaleDB
-- advises against varchar); the storage engine bounds what it writes (name 200, user 100, comment 1,000 characters).
create table alarm_journal (
    time          timestamptz      not null,
    definition_id bigint           not null,
    state         text             not null,
    event         text             not null,
    channel_id    bigint           not null,
    name          text             not null,
    priority      smallint         not null,
    value_num     double precision,
    value_text    text,
    message       text             not null,
    username      text,
    comment       text,
    primary key (definition_id, time, event)
);

create index alarm_journal_time_idx on alarm_journal (time desc);
create index alarm_journal_channel_idx on alarm_journal (channel_id, time desc);

-- A hypertable (monthly chunks: alarms are few next to samples) where TimescaleDB is installed, so that retention
-- can drop whole chunks; a plain table elsewhere.
do $$
begin
    if exists (select 1 from pg_extension where extname = 'timescaledb') then
        if to_regproc('by_range') is not null then
            perform create_hypertable('alarm_journal', by_range('time', interval '30 days'),
                create_default_indexes => false);
        else
            perform create_hypertable('alarm_journal', 'time', chunk_time_interval => interval '30 days',
                create_default_indexes => false);
        end if;
    end if;
end
$$;
