-- Keys scoped to the Merchant feeds only (#14): Merchant Center's scheduled fetch sends no header, so such a key
-- stands in the feed's URL and opens nothing else.
alter table api_keys drop constraint api_keys_scope_check;
alter table api_keys add constraint api_keys_scope_check check (scope in ('storefront', 'operations', 'reporting', 'feeds'));
alter table api_keys drop constraint api_keys_prefix_check;
alter table api_keys add constraint api_keys_prefix_check check (prefix ~ '^rk_(ops|sf|rep|fd)_[A-Za-z0-9_-]{8}$');
