-- The lifetime-value settings an administrator makes in the UI: the annual discount rate in percent
-- (null: the installation default, rapport.analytics.clv-discount-rate).
create table clv_settings (
    id                integer primary key check (id = 1),
    discount_percent  numeric(5,2) check (discount_percent between 0 and 100),
    version           integer not null default 0,
    updated_at        timestamptz
);
insert into clv_settings (id) values (1);
