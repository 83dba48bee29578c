CREATE TABLE country (
    code CHAR(2) PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
