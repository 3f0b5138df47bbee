-- Installation-wide analytics choices an administrator makes in the UI.
create table analytics_settings (
    id               integer primary key check (id = 1),
    -- a customer with no fulfilled order for this many days counts as lost (KPI churn rate, churn model label)
    lost_after_days  integer not null default 90 check (lost_after_days between 14 and 730),
    version          integer not null default 0,
    updated_at       timestamptz
);
insert into analytics_settings (id) values (1);

-- The trained churn model of a registry version, as plain data (scaling, categories, coefficients),
-- so that every node scores with the same model.
create table churn_models (
    registry_id   bigint primary key references analytics_models (id) on delete cascade,
    horizon_days  integer not null,
    model         jsonb not null
);

-- Each training of the churn model: who or what asked, its progress, its outcome.
create table churn_training_runs (
    id             bigserial primary key,
    trigger        text not null check (trigger in ('schedule','request','startup')),
    requested_by   bigint,
    status         text not null check (status in ('queued','running','done','failed')),
    step           text,
    done           integer not null default 0,
    total          integer not null default 0,
    customers      integer,
    message        text,
    model_version  integer,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz
);
create index churn_training_runs_open_idx on churn_training_runs (id) where status in ('queued','running');
