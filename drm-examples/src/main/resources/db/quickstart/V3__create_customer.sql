CREATE TABLE customer (
    id      BIGINT PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    country CHAR(2) NOT NULL REFERENCES country (code)
);
