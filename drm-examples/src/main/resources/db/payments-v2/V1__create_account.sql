CREATE TABLE account (
    id      BIGINT PRIMARY KEY,
    owner   VARCHAR(100) NOT NULL
);
INSERT INTO account (id, owner) VALUES (1, 'Ada'), (2, 'Grace');
