package cn.hardshiprelief.person;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Key rotation: re-encrypts every identity number and bank account under the current key
 * ({@code HARDSHIP_CRYPTO_KEY}), reading what the previous one ({@code HARDSHIP_CRYPTO_PREVIOUS_KEY}) encrypted,
 * 500 rows a transaction, so it can run again after an interruption. Started with
 * {@code --hardship.crypto.rotate=true} it rotates, logs what it did and stops the application
 * (docs/security.md has the command). The blind index is not rotated: it keeps its key
 * ({@code HARDSHIP_CRYPTO_INDEX_KEY}).
 */
@Component
public class CryptoKeyRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CryptoKeyRotation.class);
    private static final int BATCH = 500;

    /** Table to its encrypted column; accounts may still be plain text from before they were encrypted. */
    private static final Map<String, String> IDENTITY_NUMBERS = Map.of(
            "household_member", "id_number_encrypted",
            "civil_affairs_roster", "id_number_encrypted");
    private static final Map<String, String> ACCOUNTS = Map.of(
            "household_file", "payee_account",
            "aid_grant", "payee_account",
            "aid_payment", "payee_account");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IdentityNumberCipher cipher;
    private final ApplicationContext context;
    private final boolean requested;

    CryptoKeyRotation(JdbcTemplate jdbc, TransactionTemplate transaction, IdentityNumberCipher cipher,
                      ApplicationContext context, @Value("${hardship.crypto.rotate:false}") boolean requested) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = cipher;
        this.context = context;
        this.requested = requested;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (requested) {
            Map<String, Integer> done = rotate(cipher);
            log.warn("Key rotation finished: {} (rows re-encrypted per table). Remove HARDSHIP_CRYPTO_PREVIOUS_KEY "
                    + "once every node runs with the new key.", done);
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    /** Re-encrypts every encrypted column with {@code target}'s current key; returns the rows per table. */
    public Map<String, Integer> rotate(IdentityNumberCipher target) {
        Map<String, Integer> done = new LinkedHashMap<>();
        IDENTITY_NUMBERS.forEach((table, column) ->
                done.put(table, rotate(table, column, stored -> target.encrypt(target.decrypt(stored)))));
        ACCOUNTS.forEach((table, column) ->
                done.put(table, rotate(table, column, stored -> target.encrypt(target.decryptOrLegacy(stored)))));
        return done;
    }

    private int rotate(String table, String column, UnaryOperator<String> reencrypt) {
        long after = 0;
        int total = 0;
        while (true) {
            long from = after;
            List<Object[]> rows = jdbc.query("select id, " + column + " from " + table + " where id > ? and " + column
                    + " is not null order by id limit " + BATCH, (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}, from);
            if (rows.isEmpty()) {
                return total;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Object[] row : rows) {
                updates.add(new Object[]{reencrypt.apply((String) row[1]), row[0]});
            }
            transaction.executeWithoutResult(status ->
                    jdbc.batchUpdate("update " + table + " set " + column + " = ? where id = ?", updates));
            total += rows.size();
            after = (Long) rows.get(rows.size() - 1)[0];
            log.info("Key rotation: {} rows of {} re-encrypted", total, table);
        }
    }
}
