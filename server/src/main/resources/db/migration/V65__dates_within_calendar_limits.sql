-- Dates that come from outside are held to restock.common.CalendarLimits (1900-01-01 to 9999-12-31) where they enter
-- (the API, the console, import); the database now holds them there too (STYLE.md, rule 5). Before those limits an
-- import stored +999999999-12-31 as 'infinity', and year 0 went in as it was: export then wrote 'infinity' or an odd
-- year (an outside check). CalendarLimitsInTheSchemaTest keeps these bounds equal to CalendarLimits'.
--
-- Rows stored before the limits may break them, so each constraint is added NOT VALID (the migration never fails on
-- an old row; every new or changed row is checked) and validated at once where no row breaks it, which is every
-- database without such rows. An old row keeps its date until it is mended, and until then the database refuses
-- any change to that row:
--   a product's release date: PATCH /api/products/{sku} with a releaseDate (or null), or the console's product edit;
--     `restock export` names each such product (its SKU and date) and writes nothing instead of writing 'infinity';
--   a purchase order line's expected date: POST /api/purchase-orders/{id}/lines/{n}/expected-date (a receipt on it is
--     refused until then).
-- original_expected_date gets no constraint of its own: it is expected_date as first stored (checked by the one
-- below from now on), and no command can mend an old one, so its own check would refuse every receipt of such a line.
-- line_promises and promise_notices hold dates Restock computes from these, not dates from outside.
alter table products add constraint products_release_date_within_limits
    check (release_date between date '1900-01-01' and date '9999-12-31') not valid;
alter table purchase_order_lines add constraint purchase_order_lines_expected_date_within_limits
    check (expected_date between date '1900-01-01' and date '9999-12-31') not valid;

do $$
begin
    if not exists (select 1 from products where not (release_date between date '1900-01-01' and date '9999-12-31')) then
        alter table products validate constraint products_release_date_within_limits;
    end if;
    if not exists (select 1 from purchase_order_lines where not (expected_date between date '1900-01-01' and date '9999-12-31')) then
        alter table purchase_order_lines validate constraint purchase_order_lines_expected_date_within_limits;
    end if;
end
$$;
