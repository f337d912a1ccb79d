package vn.congvu.store.internal;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.backup.DatabaseBackup;
import vn.congvu.store.AccountStore;
import vn.congvu.store.ConsoleAccount;
import vn.congvu.store.Filing;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.Refusal;
import vn.congvu.store.NodeCertificate;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.Receipt;
import vn.congvu.store.StoreOutcome;
import vn.congvu.store.StoredReport;

/**
 * The ministry database: embedded Derby in the node's folder (the default), or a PostgreSQL database that several
 * ministry nodes may share. Active only on a node configured as the ministry.
 */
@Designate(ocd = StoreSettings.class)
@Component(service = {MinistryStore.class, DatabaseBackup.class, AccountStore.class}, configurationPid = "vn.congvu.store.ministry",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class JdbcMinistryStore implements MinistryStore, DatabaseBackup, AccountStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcMinistryStore.class);

    /** How many reports one transaction may commit together, and how many may wait for it. */
    private static final int BATCH = 256;
    private static final int WAITING = 10_000;

    private final Database database;
    private final GroupCommit writes;
    private final NodeCertificates certificates;
    private final NodeInventories inventories;
    private final ConsoleAccounts accounts;
    private final ReportFilings filings;
    private final StoredReportReads reads;

    /**
     * @param config where the database lives
     * @param engine the Derby engine, which outlives this store
     */
    @Activate
    public JdbcMinistryStore(StoreSettings config, @Reference DerbyEngine engine) {
        this(StoreDatabases.open(config, "ministry", MIGRATIONS));
    }

    /** The ministry schema's migrations; the n-th is schema version n (the same names for every engine). */
    static final List<String> MIGRATIONS = List.of("001-initial.sql", "002-findings.sql", "003-node-inventory.sql",
            "004-reports-by-period.sql", "005-report-values-text.sql",
            "006-node-certificates.sql", "007-node-module-signer.sql", "008-module-outputs.sql", "009-console-accounts.sql", "010-report-refusals.sql");

    /** @param databaseFolder an embedded Derby database's folder */
    JdbcMinistryStore(Path databaseFolder) {
        this(new Database(databaseFolder, "ministry", MIGRATIONS));
    }

    /** @param database the ministry database, migrated; closed with this store */
    JdbcMinistryStore(Database database) {
        this.database = database;
        this.writes = new GroupCommit(database, "ministry", BATCH, WAITING);
        this.certificates = new NodeCertificates(database);
        this.inventories = new NodeInventories(database);
        this.accounts = new ConsoleAccounts(database);
        this.filings = new ReportFilings(database);
        this.reads = new StoredReportReads(database);
    }

    /** Commits the reports still queued, then closes the database cleanly. */
    @Deactivate
    public void close() {
        writes.close();
        database.close();
    }

    /**
     * Stored through the group commit: reports arriving together share one transaction and one disk flush.
     * The write checks before it inserts, so running it again (if its batch failed) is safe.
     *
     * @throws vn.congvu.store.StoreBusyException if more reports are waiting than the store accepts
     */
    @Override
    public StoreOutcome storeReport(Report report, String contentHash, Instant preparedAt) {
        return writes.submit("storing report " + report.key() + " revision " + report.revision(),
                connection -> ReportReceipts.store(connection, report, contentHash, preparedAt));
    }

    @Override
    public Optional<StoredReport> latest(ReportKey key) {
        return reads.latest(key);
    }

    @Override
    public List<StoredReport> latestOfEveryKey() {
        return reads.latestOfEveryKey();
    }

    @Override
    public List<StoredReport> latestFor(Period period, Regime regime) {
        return reads.latestFor(period, regime);
    }

    @Override
    public List<StoredReport> revisions(ReportKey key) {
        return reads.revisions(key);
    }

    @Override
    public List<Filing> filings() {
        return filings.filings();
    }

    @Override
    public void recordRefusal(Refusal refusal) {
        filings.recordRefusal(refusal);
    }

    @Override
    public List<Refusal> refusals() {
        return filings.refusals(null);
    }

    @Override
    public List<Refusal> refusalsOf(String provinceCode) {
        return filings.refusals(provinceCode);
    }

    @Override
    public boolean isAvailable() {
        try {
            return database.inTransaction("probing the database", connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery(database.dialect().probeQuery())) {
                    return row.next();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("The ministry's database does not answer: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public long countRevisions() {
        return database.inTransaction("counting reports", connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM reports")) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public Instant recordInventory(NodeInventory inventory) {
        return inventories.record(inventory);
    }

    @Override
    public List<NodeInventory> inventories() {
        return inventories.latest();
    }

    @Override
    public Map<ModuleProvenance, Set<String>> outputsOf(String provinceCode, Collection<ModuleProvenance> modules) {
        return inventories.outputsOf(provinceCode, modules);
    }

    @Override
    public boolean recordCertificate(NodeCertificate certificate) {
        return certificates.record(certificate);
    }

    @Override
    public Optional<ConsoleAccount> find(String name) {
        return accounts.find(name);
    }

    @Override
    public List<ConsoleAccount> accounts() {
        return accounts.all();
    }

    @Override
    public boolean create(ConsoleAccount account) {
        return accounts.create(account);
    }

    @Override
    public boolean changePasswordHash(String name, String passwordHash) {
        return accounts.changePasswordHash(name, passwordHash);
    }

    @Override
    public boolean remove(String name) {
        return accounts.remove(name);
    }

    @Override
    public boolean recordSignIn(String name, Instant at) {
        return accounts.recordSignIn(name, at);
    }

    @Override
    public List<NodeCertificate> certificates() {
        return certificates.latest();
    }

    @Override
    public Optional<Path> database() {
        return database.folder();
    }

    @Override
    public String location() {
        return database.describe();
    }

    /** Derby's online backup: reports keep being stored while it copies (PostgreSQL's databases: its own tools). */
    @Override
    public Path backupTo(Path folder) {
        return database.backupTo(folder);
    }
}
