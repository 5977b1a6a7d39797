-- ParX time-series database, version 5 (storage engine): the webhook outbox and delivery history (issue 19,
-- "Notification"). The storage engine writes one row per alarm transition and webhook that receives its priority in
-- the transaction that journals the transition, so a committed transition is never left unannounced; its deliverer
-- claims due rows (for update skip locked, so several instances share the work), POSTs the payload and records the
-- outcome here. webhook_id names alarm_webhook of the config database (no foreign key: another database).
--
-- status: PENDING (to be sent at next_attempt_at), DELIVERED (a 2xx answer), FAILED (given up after the maximum age),
-- DISCARDED (the webhook was disabled or deleted before delivery). payload is the JSON body exactly as sent, rendered
-- when the transition happened. definition_id, event_time and event are null for test deliveries; for the others the
-- unique key is a last guard against one transition announced twice (inserts use on conflict do nothing).
create table alarm_notification (
    id               bigserial   primary key,
    webhook_id       bigint      not null,
    definition_id    bigint,
    event_time       timestamptz,
    event            text        not null,
    priority         smallint    not null,
    payload          text        not null,
    status           text        not null default 'PENDING',
    created_at       timestamptz not null default now(),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    finished_at      timestamptz,
    unique (webhook_id, definition_id, event_time, event)
);

create index alarm_notification_due_idx on alarm_notification (next_attempt_at) where status = 'PENDING';
create index alarm_notification_webhook_idx on alarm_notification (webhook_id, id desc);
