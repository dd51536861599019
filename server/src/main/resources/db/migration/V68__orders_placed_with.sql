-- The scope of the API key that placed an order, so that a storefront key may read the orders placed with a
-- storefront key (a shop could not learn how its order ended up without webhooks) and no other: orders placed by
-- staff, an import or an operations key stay unreadable to it. Empty for those placed before, in the console or by import.
alter table orders add column placed_with text check (placed_with in ('storefront', 'operations', 'reporting', 'feeds'));
