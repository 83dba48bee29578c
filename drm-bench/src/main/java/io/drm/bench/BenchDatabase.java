package io.drm.bench;

import javax.sql.DataSource;

/** A kind of database that hands out fresh, empty databases for benchmark runs. */
interface BenchDatabase {

    /**
     * Returns the kind's short name, as used in scenario names.
     *
     * @return for example {@code h2}
     */
    String name();

    /**
     * Creates a new empty database (or schema).
     *
     * @return the database; closing it drops it
     */
    Fresh fresh();

    /**
     * Tells whether the database can be used here.
     *
     * @return {@code null} when it can, else why not
     */
    default String unreachableReason() {
        return null;
    }

    /** One empty database for one run; closing it removes it. */
    interface Fresh extends AutoCloseable {

        /**
         * Returns the data source pointing at this database.
         *
         * @return the data source
         */
        DataSource dataSource();

        @Override
        void close();

        /**
         * Creates a fresh database handle.
         *
         * @param dataSource the data source
         * @param drop what removes the database
         * @return the handle
         */
        static Fresh of(DataSource dataSource, Runnable drop) {
            return new Fresh() {
                @Override
                public DataSource dataSource() {
                    return dataSource;
                }

                @Override
                public void close() {
                    drop.run();
                }
            };
        }
    }
}
