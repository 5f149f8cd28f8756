package cn.hardshiprelief.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MySQL-compatible server on 127.0.0.1:3306 (root, empty password unless MYSQL_TEST_* say
 * otherwise). Tests on it run when it answers. Where none answers they are skipped on a developer's
 * machine, but fail under CI (CI=true) or with HARDSHIP_REQUIRE_MYSQL=true, so a CI run can never
 * count a skipped MySQL test as passed.
 */
public final class MySqlDatabase implements ExecutionCondition {

    public static final String HOST = env("MYSQL_TEST_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("MYSQL_TEST_PORT", "3306"));
    public static final String USER = env("MYSQL_TEST_USER", "root");
    public static final String PASSWORD = env("MYSQL_TEST_PASSWORD", "");
    /**
     * The mysql profile refuses the public development key (ProductionSafety); tests on MySQL use this one, made
     * for them and protecting nothing.
     */
    public static final String TEST_CRYPTO_KEY = "hardship.crypto.key=Q5pMuEzdQcc6QaJif+zqsG/TVsSQDllyHnxZ42OFCGQ=";

    /** Appended to every test database's name, so that two checkouts can run their tests on one server at once. */
    public static final String SUFFIX = env("MYSQL_TEST_DB_SUFFIX", "");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (answers()) {
            return ConditionEvaluationResult.enabled("MySQL answers on " + HOST + ":" + PORT);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("HARDSHIP_REQUIRE_MYSQL"))) {
            throw new IllegalStateException("MySQL tests are required here but nothing answers on " + HOST + ":" + PORT
                    + " (start it: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd)");
        }
        return ConditionEvaluationResult.disabled("No MySQL on " + HOST + ":" + PORT + "; set CI=true to require it");
    }

    /** The name a test database really has on the server ({@link #SUFFIX} appended). */
    public static String databaseName(String name) {
        return name + SUFFIX;
    }

    /** Drops and creates a fresh utf8mb4 database; returns its JDBC URL with the settings Camunda needs. */
    public static String freshDatabase(String baseName) {
        String name = databaseName(baseName);
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return "jdbc:mysql://" + HOST + ":" + PORT + "/" + name
                + "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&rewriteBatchedStatements=true";
    }

    private static String serverUrl() {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/?allowPublicKeyRetrieval=true&useSSL=false";
    }

    private static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
