-- Each scan for unusual order lines and engagement drops: who or what asked, its progress, its outcome.
create table analytics_anomaly_runs (
    id                bigserial primary key,
    trigger           text not null check (trigger in ('schedule','request','startup')),
    requested_by      bigint,
    status            text not null check (status in ('queued','running','done','failed')),
    step              text,
    done              integer not null default 0,
    total             integer not null default 0,
    order_lines       bigint,
    contacts          bigint,
    order_flags       integer,
    engagement_flags  integer,
    message           text,
    created_at        timestamptz not null,
    started_at        timestamptz,
    finished_at       timestamptz
);
create index analytics_anomaly_runs_open_idx on analytics_anomaly_runs (id) where status in ('queued','running');

-- The flags of a run, most unusual first (rank 1). The subject is an order line (order id and the line's
-- position) or a contact; owner_id is the owner of the order or contact when the run was made, for the
-- record-level filter. features: every feature's value; reasons: the features that made it unusual, each
-- {feature, value, low, high, share, direction} with the typical range low..high.
create table analytics_anomalies (
    id             bigserial primary key,
    run_id         bigint not null references analytics_anomaly_runs (id) on delete cascade,
    kind           text not null check (kind in ('orders','engagement')),
    rank           integer not null,
    score          numeric(6, 4) not null,
    order_id       bigint,
    line_position  integer,
    contact_id     bigint,
    owner_id       bigint not null,
    features       jsonb not null,
    reasons        jsonb not null,
    detected_at    timestamptz not null,
    unique (run_id, kind, rank),
    check ((kind = 'orders') = (order_id is not null))
);
create index analytics_anomalies_contact_idx on analytics_anomalies (contact_id, run_id);
