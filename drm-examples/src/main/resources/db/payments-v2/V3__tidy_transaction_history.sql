-- The faulty release: "memo is unused" (it is not) and a backfill that forgot its WHERE clause.
ALTER TABLE transaction_history DROP COLUMN memo;
UPDATE transaction_history SET amount = 0;
