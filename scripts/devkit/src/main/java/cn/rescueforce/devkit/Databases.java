package cn.rescueforce.devkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the suite's databases on a PostgreSQL server, for the local launcher and the tests. */
public final class Databases {

    private Databases() {
    }

    /** Creates {@code database} unless it exists; safe when several callers race. */
    public static void createIfMissing(String adminJdbcUrl, String user, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, password);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            } catch (SQLException raced) {
                if (!"42P04".equals(raced.getSQLState())) { // duplicate_database: created meanwhile, fine
                    throw raced;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " via " + adminJdbcUrl
                    + " (is PostgreSQL running? see README)", e);
        }
    }
}
