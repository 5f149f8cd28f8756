package cn.hardshiprelief.audit;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The access log of personal data (个人信息查阅记录). Controllers record a view once the data was loaded and is
 * about to be shown; a refused or missing record logs nothing. The county union of a file and administrators
 * read who looked at it; administrators search the whole log.
 */
@Service
public class AccessLog {

    static final int LATEST = 20;
    static final int PAGE_SIZE = 50;

    private static final List<AccessLogEntry.Kind> OF_APPLICATION = Arrays.stream(AccessLogEntry.Kind.values())
            .filter(AccessLogEntry.Kind::ofApplication).toList();

    private final AccessLogRepository entries;
    private final Directory directory;
    private final Clock clock;

    AccessLog(AccessLogRepository entries, Directory directory, Clock clock) {
        this.entries = entries;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Records that {@code username} was shown a record. In its own transaction: the entry stays even when the
     * page fails to render afterwards, and a failing caller's rollback does not take it along.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String username, AccessLogEntry.Kind kind, Long recordId, String subject, String address) {
        entries.save(new AccessLogEntry(username, kind, recordId, subject, address, clock.instant()));
    }

    /**
     * The latest accesses to a household file and to the application it came from, for the file's page: empty
     * for anyone but the staff of the file's county union and administrators, who do not see the section.
     */
    @Transactional(readOnly = true)
    public Optional<List<Access>> latestOfFile(Actor reader, Long countyUnionId, Long fileId, Long applicationId) {
        if (!mayReadAccessesOfFile(reader, countyUnionId)) {
            return Optional.empty();
        }
        return Optional.of(find(fileId, applicationId, PageRequest.of(0, LATEST)).getContent());
    }

    /** All accesses to a household file and its application, a page at a time; refused like the section. */
    @Transactional(readOnly = true)
    public Page<Access> ofFile(Actor reader, Long countyUnionId, Long fileId, Long applicationId, int page) {
        if (!mayReadAccessesOfFile(reader, countyUnionId)) {
            throw new ForbiddenException("audit.forbidden");
        }
        return find(fileId, applicationId, PageRequest.of(Math.max(0, page), PAGE_SIZE));
    }

    /** The administrators' search, newest first; without a first day it covers the last 30 days. */
    @Transactional(readOnly = true)
    public Page<Access> search(Actor reader, AccessSearch search, int page) {
        if (!reader.isAdmin()) {
            throw new ForbiddenException("audit.forbidden");
        }
        AccessSearch bounded = bounded(search);
        return entries.findAll(matching(bounded), PageRequest.of(Math.max(0, page), PAGE_SIZE,
                Sort.by(Sort.Order.desc("accessedAt"), Sort.Order.desc("id")))).map(this::access);
    }

    /** The search as it runs: blanks dropped, the days filled in. */
    public AccessSearch bounded(AccessSearch search) {
        AccessSearch given = search == null ? new AccessSearch(null, null, null, null, null) : search;
        return given.bounded(clock.instant().atZone(clock.getZone()).toLocalDate());
    }

    private boolean mayReadAccessesOfFile(Actor reader, Long countyUnionId) {
        return reader.isAdmin() || (reader.has(Role.COUNTY_UNION) || reader.has(Role.COUNTY_UNION_CHAIR))
                && countyUnionId != null && countyUnionId.equals(reader.orgUnitId());
    }

    private Page<Access> find(Long fileId, Long applicationId, PageRequest page) {
        // a file always has its application; -1 matches nothing should one ever lack it
        return entries.findOfFile(fileId, applicationId == null ? -1L : applicationId, OF_APPLICATION, page)
                .map(this::access);
    }

    private Specification<AccessLogEntry> matching(AccessSearch search) {
        Instant from = search.from().atStartOfDay(clock.getZone()).toInstant();
        Instant until = search.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.greaterThanOrEqualTo(root.get("accessedAt"), from));
            where.add(cb.lessThan(root.get("accessedAt"), until));
            if (search.username() != null) {
                where.add(cb.equal(root.get("username"), search.username()));
            }
            if (search.kind() != null) {
                where.add(cb.equal(root.get("kind"), search.kind()));
            }
            if (search.subject() != null) {
                where.add(cb.like(root.get("subject"), "%" + escape(search.subject()) + "%", '\\'));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** The text is searched for as typed: % and _ are not wildcards. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Access access(AccessLogEntry e) {
        return new Access(e.getUsername(), directory.displayName(e.getUsername()),
                e.getAccessedAt().atZone(clock.getZone()), e.getKind(), e.getRecordId(), e.getSubject(), e.getAddress());
    }
}
