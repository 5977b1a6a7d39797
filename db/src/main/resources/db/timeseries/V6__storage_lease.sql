-- ParX time-series database, version 6 (storage engine): the fence of the ingest lease (issue 21, several storage
-- engines with stateful rules). One storage engine at a time consumes the sample stream, the one holding the lease in
-- Redis; on taking it, it raises token here, and every transaction it commits first reads this row (for share) and
-- rolls back when the token is no longer its own. So an instance that lost its lease while paused (a stopped process,
-- a long GC) cannot commit a batch evaluated from rule and alarm state its successor has moved on from, and its
-- successor's raise waits for a commit already under way. partition is 0 while the stream is one partition.
create table storage_lease (
    partition integer     primary key,
    token     bigint      not null,
    holder    text        not null,
    taken_at  timestamptz not null default now()
);
