package vn.congvu.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where a node's store keeps its database, the same settings for a province ({@code etc/vn.congvu.store.province.cfg})
 * and the ministry ({@code etc/vn.congvu.store.ministry.cfg}): a folder for the embedded Derby database (the default),
 * or a PostgreSQL database.
 */
@ObjectClassDefinition(name = "congvu store", description = "Where the node keeps its database")
public @interface StoreSettings {

    /** @return the Derby database folder, when the database is embedded */
    @AttributeDefinition(required = false, description = "Folder of the node's embedded Derby database, such as "
            + "data/province-db or data/ministry-db; leave it out when url names a PostgreSQL database")
    String database() default "";

    /** @return the PostgreSQL database's JDBC address, or empty for the embedded Derby database */
    @AttributeDefinition(required = false, description = "A PostgreSQL database's JDBC address, such as "
            + "jdbc:postgresql://db.bnv.local:5432/congvu; empty: the embedded Derby database in 'database'")
    String url() default "";

    /** @return the PostgreSQL login role */
    @AttributeDefinition(required = false, description = "The PostgreSQL login role")
    String user() default "";

    /** @return the file holding the role's password */
    @AttributeDefinition(required = false, description = "A file holding the PostgreSQL role's password on its first "
            + "line, readable by the node's user only, such as etc/db-password")
    String password_file() default "";

    /** @return the connections this node keeps to PostgreSQL at most */
    @AttributeDefinition(required = false, min = "2", max = "200", description = "Connections to PostgreSQL at most, "
            + "for this node")
    int pool_size() default 16;
}
