package vn.congvu.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database on a PostgreSQL server, reached through a pool of connections (HikariCP), which several ministry nodes
 * may share. Its copies are PostgreSQL's business (pg_dump, or the replication its administrators run).
 */
final class PostgresHost implements DatabaseHost {

    private final String url;
    private final HikariDataSource pool;

    /**
     * @param url      the JDBC address, such as {@code jdbc:postgresql://db.bnv.local:5432/congvu}
     * @param user     the login role
     * @param password its password
     * @param poolSize how many connections at most
     * @throws IllegalArgumentException naming the setting, if the address is not a PostgreSQL JDBC address
     */
    PostgresHost(String url, String user, String password, int poolSize) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("url: a PostgreSQL JDBC address is jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (poolSize < 2 || poolSize > 200) {
            throw new IllegalArgumentException("pool.size = " + poolSize + ": between 2 and 200 connections");
        }
        this.url = url;
        // the driver's own data source, handed to the pool: no lookup through DriverManager, whose class loading an
        // OSGi framework does not serve
        PGSimpleDataSource driver = new PGSimpleDataSource();
        driver.setURL(url);
        driver.setUser(user);
        driver.setPassword(password);
        driver.setApplicationName("congvu");
        // a server that stops answering mid-statement is given up in bounded time, and idle connections are probed
        driver.setSocketTimeout(120);
        driver.setTcpKeepAlive(true);
        HikariConfig config = new HikariConfig();
        config.setDataSource(driver);
        config.setPoolName("congvu-" + user);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(false);
        // a database that does not answer fails the node's start in bounded time, with the driver's reason
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        config.setKeepaliveTime(60_000);
        this.pool = new HikariDataSource(config);
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    @Override
    public String describe() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query); // a password may be written in the address's parameters
    }

    @Override
    public Optional<Path> folder() {
        return Optional.empty();
    }

    @Override
    public Path backupTo(Path folder) {
        throw notHere();
    }

    @Override
    public void close() {
        pool.close();
    }

    private IllegalStateException notHere() {
        return new IllegalStateException("the database is on the PostgreSQL server " + describe() + ", not in this node's "
                + "folder: back it up with PostgreSQL's own tools (pg_dump, or the server's replication)");
    }
}
