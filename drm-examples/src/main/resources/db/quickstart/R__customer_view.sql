CREATE OR REPLACE VIEW customer_by_country AS
SELECT c.name AS customer, k.name AS country
FROM customer c JOIN country k ON k.code = c.country;
