-- Sales: currencies and rates, leads, pipelines and deals, products and price books, quotes,
-- orders, targets. Money is numeric (never floating point), with an ISO 4217 currency beside it.

create table sales_settings (
    id                  smallint primary key default 1 check (id = 1),
    corporate_currency  char(3) not null default 'USD',
    lead_assignment     text not null default 'round-robin' check (lead_assignment in ('none','round-robin','rules')),
    lead_team_id        bigint,
    version             integer not null default 0
);
insert into sales_settings (id) values (1);

-- Units of the corporate currency for one unit of `currency`, valid from a date until the next row.
create table exchange_rates (
    currency    char(3) not null,
    valid_from  date not null,
    rate        numeric(24, 12) not null check (rate > 0),
    created_at  timestamptz not null default now(),
    primary key (currency, valid_from)
);

create table leads (
    id                    bigserial primary key,
    first_name            text,
    last_name             text,
    display_name          text not null,
    email                 text,
    phone                 text,
    company               text,
    title                 text,
    website               text,
    city                  text,
    country               text,
    source                text,
    status                text not null default 'new'
                          check (status in ('new','working','qualified','disqualified','converted')),
    disqualify_reason     text,
    notes                 text,
    owner_id              bigint not null,
    converted_at          timestamptz,
    converted_contact_id  bigint,
    converted_account_id  bigint,
    converted_deal_id     bigint,
    sort_name             text not null,
    search_text           text not null,
    search_grams          text[] not null default '{}',
    phone_digits          text not null default '',
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    created_by            bigint,
    version               integer not null default 0
);
create index leads_sort_name_idx on leads (sort_name, id);
create index leads_created_idx on leads (created_at, id);
create index leads_updated_idx on leads (updated_at, id);
create index leads_owner_idx on leads (owner_id, sort_name, id);
create index leads_status_idx on leads (status, sort_name, id);
create index leads_search_trgm_idx on leads using gin (search_text gin_trgm_ops);
create index leads_phone_trgm_idx on leads using gin (phone_digits gin_trgm_ops);
create index leads_grams_idx on leads using gin (search_grams);

-- Rule-based lead assignment: the first matching rule (by position) names a user or a team
-- (then round-robin within the team).
create table lead_assignment_rules (
    id          bigserial primary key,
    position    integer not null default 0,
    field       text not null check (field in ('source','country','city','company')),
    value       text not null,
    user_id     bigint,
    team_id     bigint,
    check (user_id is not null or team_id is not null)
);

-- Round-robin cursor per team: the last user a lead went to (updated under a row lock).
create table lead_round_robin (
    team_id       bigint primary key,
    last_user_id  bigint
);

create table pipelines (
    id          bigserial primary key,
    name        text not null unique,
    is_default  boolean not null default false,
    position    integer not null default 0,
    created_at  timestamptz not null default now(),
    version     integer not null default 0
);
create unique index pipelines_one_default on pipelines (is_default) where is_default;

create table pipeline_stages (
    id           bigserial primary key,
    pipeline_id  bigint not null references pipelines (id) on delete cascade,
    key          text not null,
    name         text not null,
    name_zh      text,
    position     integer not null,
    probability  integer not null check (probability between 0 and 100),
    outcome      text not null default 'open' check (outcome in ('open','won','lost')),
    unique (pipeline_id, key)
);

create table deals (
    id                   bigserial primary key,
    name                 text not null,
    pipeline_id          bigint not null references pipelines (id),
    stage_id             bigint not null references pipeline_stages (id),
    account_id           bigint,
    amount               numeric(19, 4) not null default 0 check (amount >= 0),
    currency             char(3) not null,
    expected_close_date  date,
    probability          integer not null check (probability between 0 and 100),
    owner_id             bigint not null,
    next_step            text,
    lost_reason          text,
    source_lead_id       bigint,
    closed_at            timestamptz,
    stage_changed_at     timestamptz not null default now(),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    created_by           bigint,
    version              integer not null default 0
);
create index deals_board_idx on deals (pipeline_id, stage_id, expected_close_date, id);
create index deals_owner_idx on deals (owner_id, closed_at);
create index deals_account_idx on deals (account_id);
create index deals_closed_idx on deals (closed_at) where closed_at is not null;
create index deals_created_idx on deals (created_at, id);

create table deal_contacts (
    deal_id     bigint not null references deals (id) on delete cascade,
    contact_id  bigint not null,
    role        text,
    primary key (deal_id, contact_id)
);

-- Every stage a deal entered, with when and by whom: cycle times and stage-to-stage conversion.
create table deal_stage_history (
    id             bigserial primary key,
    deal_id        bigint not null references deals (id) on delete cascade,
    from_stage_id  bigint,
    to_stage_id    bigint not null,
    entered_at     timestamptz not null,
    changed_by     bigint,
    amount         numeric(19, 4) not null,
    currency       char(3) not null
);
create index deal_stage_history_deal_idx on deal_stage_history (deal_id, entered_at);
create index deal_stage_history_stage_idx on deal_stage_history (to_stage_id, entered_at);

create table products (
    id           bigserial primary key,
    sku          text not null,
    name         text not null,
    family       text,
    unit         text not null default 'each',
    description  text,
    active       boolean not null default true,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer not null default 0
);
create unique index products_sku_uq on products (lower(sku));
create index products_name_idx on products using gin (lower(name) gin_trgm_ops);

create table price_books (
    id          bigserial primary key,
    name        text not null,
    currency    char(3) not null,
    is_default  boolean not null default false,
    active      boolean not null default true,
    version     integer not null default 0,
    unique (name, currency)
);

create table price_book_entries (
    price_book_id  bigint not null references price_books (id) on delete cascade,
    product_id     bigint not null references products (id),
    list_price     numeric(19, 4) not null check (list_price >= 0),
    primary key (price_book_id, product_id)
);

create sequence quote_number_seq;
create table quotes (
    id               bigserial primary key,
    number           text not null,
    revision         integer not null default 1,
    previous_id      bigint references quotes (id),
    account_id       bigint,
    contact_id       bigint,
    deal_id          bigint references deals (id),
    currency         char(3) not null,
    status           text not null default 'draft'
                     check (status in ('draft','sent','accepted','rejected','superseded')),
    valid_until      date,
    notes            text,
    subtotal         numeric(19, 4) not null,
    discount         numeric(19, 4) not null,
    tax              numeric(19, 4) not null,
    total            numeric(19, 4) not null,
    owner_id         bigint not null,
    accepted_at      timestamptz,
    order_id         bigint,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    created_by       bigint,
    version          integer not null default 0,
    unique (number, revision)
);
create index quotes_account_idx on quotes (account_id);
create index quotes_deal_idx on quotes (deal_id);
create index quotes_created_idx on quotes (created_at, id);

create table quote_lines (
    quote_id          bigint not null references quotes (id) on delete cascade,
    position          integer not null,
    product_id        bigint,
    description       text not null,
    quantity          numeric(19, 4) not null,
    unit_price        numeric(19, 4) not null,
    discount_percent  numeric(7, 4) not null default 0,
    tax_rate_percent  numeric(7, 4) not null default 0,
    gross             numeric(19, 4) not null,
    discount          numeric(19, 4) not null,
    net               numeric(19, 4) not null,
    tax               numeric(19, 4) not null,
    total             numeric(19, 4) not null,
    primary key (quote_id, position)
);

-- Orders are the customer transactions analytics read. Once fulfilled they never change: a
-- correction is a new order that adjusts it (adjusts_order_id), with negative quantities if need be.
create sequence order_number_seq;
create table orders (
    id                bigserial primary key,
    number            text not null unique,
    account_id        bigint,
    contact_id        bigint,
    quote_id          bigint references quotes (id),
    deal_id           bigint,
    adjusts_order_id  bigint references orders (id),
    currency          char(3) not null,
    status            text not null default 'draft'
                      check (status in ('draft','confirmed','fulfilled','cancelled')),
    order_date        date not null,
    subtotal          numeric(19, 4) not null,
    discount          numeric(19, 4) not null,
    tax               numeric(19, 4) not null,
    total             numeric(19, 4) not null,
    owner_id          bigint not null,
    confirmed_at      timestamptz,
    fulfilled_at      timestamptz,
    cancelled_at      timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    created_by        bigint,
    version           integer not null default 0
);
create index orders_account_date_idx on orders (account_id, order_date);
create index orders_contact_date_idx on orders (contact_id, order_date);
create index orders_date_idx on orders (order_date, id);
create index orders_status_date_idx on orders (status, order_date);

create table order_lines (
    order_id          bigint not null references orders (id) on delete cascade,
    position          integer not null,
    product_id        bigint,
    description       text not null,
    quantity          numeric(19, 4) not null,
    unit_price        numeric(19, 4) not null,
    discount_percent  numeric(7, 4) not null default 0,
    tax_rate_percent  numeric(7, 4) not null default 0,
    gross             numeric(19, 4) not null,
    discount          numeric(19, 4) not null,
    net               numeric(19, 4) not null,
    tax               numeric(19, 4) not null,
    total             numeric(19, 4) not null,
    primary key (order_id, position)
);
create index order_lines_product_idx on order_lines (product_id);

-- A fulfilled order's figures and lines are frozen in the database itself, whatever the code does.
create function orders_fulfilled_are_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status = 'fulfilled' then
            raise exception 'order % is fulfilled and cannot be deleted', old.number using errcode = 'check_violation';
        end if;
        return old;
    end if;
    if old.status = 'fulfilled' then
        raise exception 'order % is fulfilled and cannot be changed', old.number using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger orders_immutable before update or delete on orders
    for each row execute function orders_fulfilled_are_immutable();

create function order_lines_of_fulfilled_are_immutable() returns trigger language plpgsql as $$
declare
    s text;
begin
    select status into s from orders where id = coalesce(new.order_id, old.order_id);
    if s = 'fulfilled' then
        raise exception 'lines of a fulfilled order cannot change' using errcode = 'check_violation';
    end if;
    return coalesce(new, old);
end;
$$;
create trigger order_lines_immutable before insert or update or delete on order_lines
    for each row execute function order_lines_of_fulfilled_are_immutable();

create table sales_targets (
    id            bigserial primary key,
    period_start  date not null,
    period_end    date not null,
    user_id       bigint,
    team_id       bigint,
    amount        numeric(19, 4) not null check (amount >= 0),
    currency      char(3) not null,
    created_at    timestamptz not null default now(),
    version       integer not null default 0,
    check (period_end >= period_start),
    check ((user_id is null) <> (team_id is null))
);
create unique index sales_targets_user_uq on sales_targets (user_id, period_start, period_end) where user_id is not null;
create unique index sales_targets_team_uq on sales_targets (team_id, period_start, period_end) where team_id is not null;

-- The default pipeline every installation starts with.
insert into pipelines (name, is_default, position) values ('Sales', true, 0);
insert into pipeline_stages (pipeline_id, key, name, name_zh, position, probability, outcome)
select p.id, s.key, s.name, s.name_zh, s.position, s.probability, s.outcome
from pipelines p,
     (values ('prospecting',   'Prospecting',   '初步接触', 1, 10, 'open'),
             ('qualification', 'Qualification', '需求确认', 2, 20, 'open'),
             ('proposal',      'Proposal',      '方案报价', 3, 50, 'open'),
             ('negotiation',   'Negotiation',   '商务谈判', 4, 75, 'open'),
             ('closed_won',    'Closed won',    '赢单',     5, 100, 'won'),
             ('closed_lost',   'Closed lost',   '丢单',     6, 0, 'lost'))
         as s(key, name, name_zh, position, probability, outcome)
where p.name = 'Sales';

insert into price_books (name, currency, is_default) values ('Standard', 'USD', true);
