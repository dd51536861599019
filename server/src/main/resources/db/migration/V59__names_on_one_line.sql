-- Names are one line without control characters (Product, Supplier and Category check it where names enter; a re-check
-- found C1 controls, the Unicode line separators and the bidirectional overrides getting through as well): a product name with a line break stopped
-- the mail relay for every message behind the first that named it. Values stored before the rule have their control
-- characters turned into spaces (a supplier's name, unique, gets its id after it so two cannot meet), then the
-- database holds the rule too.
update products
set name = coalesce(nullif(btrim(regexp_replace(name, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')), ''), sku)
where name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]';

alter table products
    add constraint products_name_one_line check (name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]');

update suppliers
set name = left(coalesce(nullif(btrim(regexp_replace(name, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')), ''), 'supplier'), 170)
           || ' (' || id || ')'
where name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]';

update suppliers
set contact_name = nullif(btrim(regexp_replace(contact_name, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')), ''),
    contact_email = nullif(btrim(regexp_replace(contact_email, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', '', 'g')), ''),
    phone = nullif(btrim(regexp_replace(phone, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')), '')
where concat(contact_name, contact_email, phone) ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]';

update categories
set name = coalesce(nullif(btrim(regexp_replace(name, '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+', ' ', 'g')), ''), code)
where name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]';

alter table suppliers
    add constraint suppliers_name_one_line check (name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]');
alter table categories
    add constraint categories_name_one_line check (name !~ '[\x01-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]');
