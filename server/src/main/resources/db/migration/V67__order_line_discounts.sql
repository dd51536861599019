-- What a redeemed discount code took off each line of the order it was redeemed on: the unit price the line was
-- ordered at, the amount taken off each unit and the units it was taken off (those accepted when the order was
-- placed). The order's answer shows it with or without a payment through Restock; it was only folded into the
-- payment's amount, so a shop that takes payment elsewhere could not tell the code applied.
create table order_line_discounts (
    order_line_id       bigint primary key references order_lines (id),
    code                text not null references discount_codes (code),
    unit_price_minor    bigint not null check (unit_price_minor >= 0),
    unit_discount_minor bigint not null check (unit_discount_minor between 0 and unit_price_minor),
    units               integer not null check (units > 0),
    currency            text not null check (currency ~ '^[A-Z]{3}$')
);
create index order_line_discounts_by_code on order_line_discounts (code);
