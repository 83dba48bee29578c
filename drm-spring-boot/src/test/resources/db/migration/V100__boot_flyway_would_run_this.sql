-- Spring Boot's Flyway would apply this file from its default location, db/migration; drm's
-- starter leaves Boot's Flyway out, so the tests assert that this table never exists.
CREATE TABLE boot_flyway_ran (id INT);
