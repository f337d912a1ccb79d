package vn.congvu.it;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 17: {@link AmbiguousAcknowledgementIT} with the ministry's store on PostgreSQL: answers lost after the commit,
 * the province retries, the first receipt comes back and nothing is stored twice, in the PostgreSQL database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AmbiguousAcknowledgementOnPostgresqlIT extends AmbiguousAcknowledgementIT {

    @Override
    @Configuration
    public Option[] configuration() {
        return congvuRuntimeOnPostgresql(AmbiguousAcknowledgementOnPostgresqlIT.class);
    }

    /** The reports are in PostgreSQL, each once with its own receipt. */
    @Override
    protected void storedOnce() throws Exception {
        Properties coordinates = ministryDatabaseOnPostgresql().orElseThrow();
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(coordinates.getProperty("url"));
        database.setUser(coordinates.getProperty("user"));
        database.setPassword(coordinates.getProperty("password"));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT receipt_id) FROM reports")) {
            row.next();
            assertEquals(12, row.getLong(1));
            assertEquals(12, row.getLong(2));
        }
    }
}
