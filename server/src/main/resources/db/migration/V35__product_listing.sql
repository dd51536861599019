-- What shopping feeds need of a product beyond its name and price (#14): its picture and its identifiers.
-- Limits follow Merchant Center's (image_link 2,000, brand and mpn 70, a GTIN 8 to 14 digits); the code checks
-- them at entry (restock.catalog.Listing), GTIN check digit included.
alter table products add column image_url text check (length(image_url) between 1 and 2000);
alter table products add column brand text check (length(brand) between 1 and 70);
alter table products add column gtin text check (length(gtin) between 8 and 14 and gtin ~ '^([0-9]{8}|[0-9]{12,14})$');
alter table products add column mpn text check (length(mpn) between 1 and 70);
