-- A product's name is one line without control characters (Product checks it where names enter): a name with a line
-- break stopped the mail relay for every message behind the first that named it. Names stored before the rule have
-- their control characters turned into spaces, then the database holds the rule too.
update products
set name = coalesce(nullif(btrim(regexp_replace(name, '[\x01-\x1f\x7f]+', ' ', 'g')), ''), sku)
where name ~ '[\x01-\x1f\x7f]';

alter table products
    add constraint products_name_one_line check (name !~ '[\x01-\x1f\x7f]');
