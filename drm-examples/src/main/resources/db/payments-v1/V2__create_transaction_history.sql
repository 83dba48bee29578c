CREATE TABLE transaction_history (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id),
    amount     DECIMAL(12, 2) NOT NULL,
    memo       VARCHAR(200)
);
INSERT INTO transaction_history (id, account_id, amount, memo) VALUES
    (1, 1, 120.00, 'salary'), (2, 1, -35.50, 'groceries'), (3, 2, 990.10, 'invoice 17');
