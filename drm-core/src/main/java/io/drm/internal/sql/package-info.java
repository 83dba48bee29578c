/**
 * A hand-written SQL lexer, statement splitter and statement classifier for H2, PostgreSQL and
 * MySQL/MariaDB scripts. No compatibility guarantees: anything here may change in any release.
 */
package io.drm.internal.sql;
