package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.person.IdentityNumberCipher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The civil-affairs roster (民政低保、低保边缘、特困名单) as last imported: a snapshot of the bureau's list, replaced
 * as a whole by each successful import, searched by the blind index of identity numbers. Identity numbers are kept
 * as everywhere else: blind index, AES-GCM ciphertext and masked form, never in clear.
 */
@Service
public class CivilAffairsRoster {

    /** Rows per JDBC batch when the roster is written. */
    static final int BATCH_SIZE = 1000;

    /** Identity-number hashes per query when matching, well below any database's limit on IN lists. */
    private static final int MATCH_CHUNK = 500;

    private static final String INSERT = "insert into civil_affairs_roster (id_number_hash, id_number_encrypted,"
            + " id_number_masked, name, region_code, status, monthly_amount, valid_from, valid_to, line_number,"
            + " import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The entries of a checked file, read again for writing. */
    @FunctionalInterface
    interface Entries {
        void forEach(Consumer<RosterEntry> entry) throws IOException;
    }

    private final JdbcTemplate jdbc;
    private final IdentityNumberCipher cipher;
    private final Clock clock;

    public CivilAffairsRoster(JdbcTemplate jdbc, IdentityNumberCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Entries of the current roster valid on that day for these people (by blind index), with differences flagged:
     * {@code nameDiffers} when the roster's name is not the person's (ignoring spaces and the form of the middle dot
     * in names such as 阿卜杜·热合曼), {@code regionDiffers} when the person's region is known and not the roster's.
     * A person on the roster more than once (say dibao, then extreme poverty from a later date, both valid that day)
     * gets one match per entry. Matches come in the order of the people, each person's by start date.
     */
    @Transactional(readOnly = true)
    public List<RosterMatch> match(Collection<Person> people, LocalDate on) {
        Objects.requireNonNull(on, "on");
        Map<String, Person> byHash = new LinkedHashMap<>();
        for (Person person : people) {
            if (person.idNumberHash() != null) {
                byHash.putIfAbsent(person.idNumberHash(), person);
            }
        }
        Map<String, List<RosterMatch>> found = new LinkedHashMap<>();
        List<String> hashes = new ArrayList<>(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += MATCH_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + MATCH_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            List<Object> args = new ArrayList<>(chunk);
            args.add(on);
            args.add(on);
            jdbc.query("select id_number_hash, name, region_code, status, monthly_amount, valid_from, valid_to"
                    + " from civil_affairs_roster where id_number_hash in (" + marks + ")"
                    + " and valid_from <= ? and (valid_to is null or valid_to >= ?)"
                    + " order by valid_from, status", rs -> {
                        String hash = rs.getString("id_number_hash");
                        Person person = byHash.get(hash);
                        String rosterName = rs.getString("name");
                        String rosterRegion = rs.getString("region_code");
                        found.computeIfAbsent(hash, h -> new ArrayList<>()).add(new RosterMatch(hash, rosterName,
                                rosterRegion, RosterStatus.valueOf(rs.getString("status")),
                                rs.getBigDecimal("monthly_amount"), rs.getObject("valid_from", LocalDate.class),
                                rs.getObject("valid_to", LocalDate.class), !sameName(person.name(), rosterName),
                                person.regionCode() != null && !person.regionCode().strip().equals(rosterRegion)));
                    }, args.toArray());
        }
        return byHash.keySet().stream().flatMap(hash -> found.getOrDefault(hash, List.of()).stream()).toList();
    }

    /** How the roster stands now. */
    @Transactional(readOnly = true)
    public RosterSnapshot snapshot() {
        return jdbc.queryForObject("select entry_count, import_id, replaced_at from civil_affairs_roster_state"
                + " where id = 1", (rs, row) -> {
                    Long importId = rs.getObject("import_id", Long.class);
                    Timestamp replacedAt = rs.getTimestamp("replaced_at");
                    return new RosterSnapshot(rs.getInt("entry_count"), importId,
                            replacedAt == null ? null : replacedAt.toInstant());
                });
    }

    /**
     * Replaces the whole roster with the entries of one import, in the caller's transaction, which must be the only
     * one writing: the state row is locked first, so two imports (on two nodes, say) replace the roster one after
     * the other and never mix. {@code written} hears the number of rows written after each batch.
     * @return the number of entries written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int replace(long importId, int expectedRows, Entries entries, IntConsumer written) throws IOException {
        jdbc.update("update civil_affairs_roster_state set import_id = ?, entry_count = ?, replaced_at = ?"
                + " where id = 1", importId, expectedRows, Timestamp.from(clock.instant()));
        jdbc.update("delete from civil_affairs_roster");
        List<RosterEntry> batch = new ArrayList<>(BATCH_SIZE);
        int[] count = {0};
        entries.forEach(entry -> {
            batch.add(entry);
            if (batch.size() == BATCH_SIZE) {
                count[0] += insert(batch, importId);
                written.accept(count[0]);
            }
        });
        count[0] += insert(batch, importId);
        written.accept(count[0]);
        if (count[0] != expectedRows) {
            throw new IllegalStateException("Roster import " + importId + " wrote " + count[0] + " rows, but its check"
                    + " passed " + expectedRows);
        }
        return count[0];
    }

    private int insert(List<RosterEntry> batch, long importId) {
        if (batch.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                RosterEntry entry = batch.get(i);
                String idNumber = entry.idNumber().value();
                ps.setString(1, cipher.hash(idNumber));
                ps.setString(2, cipher.encrypt(idNumber));
                ps.setString(3, entry.idNumber().masked());
                ps.setString(4, entry.name());
                ps.setString(5, entry.regionCode());
                ps.setString(6, entry.status().name());
                ps.setBigDecimal(7, entry.monthlyAmount());
                ps.setObject(8, entry.validFrom());
                ps.setObject(9, entry.validTo());
                ps.setInt(10, entry.line());
                ps.setLong(11, importId);
            }

            @Override
            public int getBatchSize() {
                return batch.size();
            }
        });
        int size = batch.size();
        batch.clear();
        return size;
    }

    /**
     * Whether two spellings name the same person: spaces are ignored, and the middle dot of transliterated names
     * is written many ways (· • ・ ‧ ∙ . ．), all taken as one; Latin letters compare without case.
     */
    static boolean sameName(String declared, String onRoster) {
        return normalized(declared).equals(normalized(onRoster));
    }

    private static String normalized(String name) {
        if (name == null) {
            return "";
        }
        return name.replaceAll("[\\s\\u00A0\\u3000]+", "").replaceAll("[·•・‧∙.．\\u00B7]", "·")
                .toLowerCase(Locale.ROOT);
    }
}
