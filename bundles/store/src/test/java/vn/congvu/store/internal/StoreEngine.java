package vn.congvu.store.internal;

import java.nio.file.Path;

/** The engines a store runs on, for tests that run the same checks on each. */
enum StoreEngine {

    /** Embedded Derby in a test's folder. */
    DERBY {
        @Override
        Place place(Path folder) {
            Path database = folder.resolve("db");
            return () -> new DerbyHost(database);
        }
    },

    /** A fresh database on the test run's own PostgreSQL server ({@link PostgresServer}). */
    POSTGRESQL {
        @Override
        Place place(Path folder) {
            PostgresServer.Database database = PostgresServer.shared().createDatabase();
            return () -> new PostgresHost(database.jdbcUrl(), database.user(), database.password(), 8);
        }
    };

    /** One database, opened as often as a test likes (a node restarting, or a second node beside the first). */
    interface Place {

        /** @return a new host of this database: its connection, or its files, opened again */
        DatabaseHost host();

        /** @return the database with the ministry's schema */
        default Database ministryDatabase() {
            return new Database(host(), "ministry", JdbcMinistryStore.MIGRATIONS);
        }

        /** @return a ministry store over the database */
        default JdbcMinistryStore ministry() {
            return new JdbcMinistryStore(ministryDatabase());
        }

        /** @return a province store over the database */
        default JdbcProvinceStore province() {
            return new JdbcProvinceStore(new Database(host(), "province", JdbcProvinceStore.MIGRATIONS));
        }
    }

    /**
     * @param folder the test's own folder
     * @return a new, empty database on this engine
     */
    abstract Place place(Path folder);
}
