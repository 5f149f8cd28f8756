package cn.hardshiprelief.survey;

import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.household.FileStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.*;

/**
 * Read-only queries of the survey over the register (household_file, household_recheck,
 * household_income_record, household_file_event). The register's own repositories stay as they
 * are: these figures belong to the survey.
 */
@Repository
class SurveyFigures {

    /** Files on the register: active, standing support (解困) or relapsed; exited and cancelled files are off it. */
    static final List<FileStatus> ON_THE_REGISTER = Arrays.stream(FileStatus.values())
            .filter(FileStatus::holdsHousehold).toList();
    private static final List<FileStatus> OFF_THE_REGISTER = Arrays.stream(FileStatus.values())
            .filter(s -> !s.holdsHousehold()).toList();

    /** A grant that reached the household: paid or on its way to the bank, received, or a service delivered. */
    private static final List<GrantStatus> HELPED = List.of(GrantStatus.PAYING, GrantStatus.PAID,
            GrantStatus.RECEIVED, GrantStatus.DELIVERED);

    @PersistenceContext
    private EntityManager em;

    /** Every file on the register, with its re-checks recorded in [{@code from}, {@code to}]. */
    List<FileFacts> filesOnTheRegister(Instant from, Instant to) {
        return em.createQuery("""
                        select new cn.hardshiprelief.survey.FileFacts(f.id, f.fileNumber, f.headName, f.unit.id, b.id,
                            f.filedAt,
                            (select max(r.recordedAt) from Recheck r where r.fileId = f.id),
                            (select count(r2) from Recheck r2 where r2.fileId = f.id
                                and r2.recordedAt >= :from and r2.recordedAt <= :to),
                            (select count(g) from AidGrant g where g.fileId = f.id and g.status in :helped))
                        from HouseholdFile f left join f.branchUnion b
                        where f.status in :onTheRegister
                        order by f.fileNumber""", FileFacts.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("onTheRegister", ON_THE_REGISTER)
                .setParameter("helped", HELPED)
                .getResultList();
    }

    /**
     * Per county union: files on the register at the start of {@code firstOfJanuary} — filed before
     * it, not taken off the register (exit, cancellation: any event moving it to such a status)
     * before it, and either still on the register or taken off it only on or after that day.
     */
    Map<Long, Long> onTheRegisterAt(Instant firstOfJanuary, Collection<Long> countyUnionIds) {
        if (countyUnionIds.isEmpty()) {
            return Map.of();
        }
        return counts(em.createQuery("""
                        select f.countyUnion.id, count(f) from HouseholdFile f
                        where f.countyUnion.id in :counties and f.filedAt < :day
                          and not exists (select e.id from FileEvent e where e.fileId = f.id
                              and e.toStatus in :offTheRegister and e.occurredAt < :day)
                          and (f.status in :onTheRegister or exists (select e2.id from FileEvent e2
                              where e2.fileId = f.id and e2.toStatus in :offTheRegister and e2.occurredAt >= :day))
                        group by f.countyUnion.id""", Object[].class)
                .setParameter("counties", countyUnionIds)
                .setParameter("day", firstOfJanuary)
                .setParameter("onTheRegister", ON_THE_REGISTER)
                .setParameter("offTheRegister", OFF_THE_REGISTER)
                .getResultList());
    }

    /** Per county union: files whose exit (脱困, a status change to EXITED) was recorded in [{@code from}, {@code until}). */
    Map<Long, Long> exitedBetween(Instant from, Instant until, Collection<Long> countyUnionIds) {
        if (countyUnionIds.isEmpty()) {
            return Map.of();
        }
        return counts(em.createQuery("""
                        select f.countyUnion.id, count(distinct f.id) from FileEvent e, HouseholdFile f
                        where e.fileId = f.id and f.countyUnion.id in :counties and e.toStatus = :exited
                          and e.occurredAt >= :from and e.occurredAt < :until
                        group by f.countyUnion.id""", Object[].class)
                .setParameter("counties", countyUnionIds)
                .setParameter("exited", FileStatus.EXITED)
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultList());
    }

    private static Map<Long, Long> counts(List<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
