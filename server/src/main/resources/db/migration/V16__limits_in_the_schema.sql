-- Limits the code checks at entry, checked again by the database (#11): units per SKU stay far from the int range,
-- and every text the API accepts has a length its column holds (restock.common.TextLimit lists them).

alter table stock add constraint stock_on_hand_limit check (on_hand <= 1000000000);

-- Open purchase order supply per SKU; checked at commit, after the code's own check (SkuBook.MAX_UNITS_INCOMING).
create function limit_incoming() returns trigger language plpgsql as $$
declare
    incoming bigint;
begin
    select coalesce(sum(l.quantity_ordered - l.quantity_received), 0) into incoming
    from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
    where l.sku = new.sku and o.status = 'open';
    if incoming > 1000000000 then
        raise exception 'incoming supply of % would be % units, over the limit of 1000000000', new.sku, incoming
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;
create constraint trigger purchase_order_lines_incoming_limit after insert on purchase_order_lines
    deferrable initially deferred for each row execute function limit_incoming();

-- Webhook URLs longer than the outbox's recipient column made the relay fail forever; endpoints already holding
-- one are switched off (they could never be delivered to) and new ones cannot be added.
update webhook_endpoints set active = false where length(url) > 2000;
alter table webhook_endpoints add constraint webhook_endpoints_url_length check (length(url) between 1 and 2000) not valid;
alter table discount_codes add constraint discount_codes_email_length check (length(customer_email) between 3 and 254) not valid;
alter table redemption_attempts add constraint redemption_attempts_email_length check (length(customer_email) between 3 and 254) not valid;
