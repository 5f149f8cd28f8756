package cn.hardshiprelief.survey;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitRepository;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.survey.SurveyPage.BranchUnionProgress;
import cn.hardshiprelief.survey.SurveyPage.ExitTarget;
import cn.hardshiprelief.survey.SurveyPage.FileLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reading the survey's progress, always within the reader's reach: a branch union sees its own
 * files, a county union its branch unions', administrators all; nobody else (403).
 */
@Service
@Transactional(readOnly = true)
public class SurveyProgress {

    /** 12 months without a re-check: a year has passed since the household was last verified. */
    static final int MONTHS_WITHOUT_RECHECK = 12;

    private final SurveyRepository surveys;
    private final BranchUnionSurveyRepository parts;
    private final SurveyFigures figures;
    private final OrgUnitRepository units;
    private final Directory directory;
    private final Clock clock;

    public SurveyProgress(SurveyRepository surveys, BranchUnionSurveyRepository parts, SurveyFigures figures,
                          OrgUnitRepository units, Directory directory, Clock clock) {
        this.surveys = surveys;
        this.parts = parts;
        this.figures = figures;
        this.units = units;
        this.directory = directory;
        this.clock = clock;
    }

    /** The page for the survey of {@code year}, or the latest survey when no year is given. */
    public SurveyPage page(Actor actor, Integer year) {
        Unions unions = new Unions(units.findAll());
        Unions.Scope scope = unions.scopeOf(actor);
        Survey survey = year == null ? surveys.findFirstByOrderByYearDesc().orElse(null)
                : surveys.findByYear(year).orElseThrow(() -> new NotFoundException("survey.notFound", year));
        Instant now = clock.instant();

        List<FileFacts> files = survey == null ? figures.filesOnTheRegister(Instant.EPOCH, Instant.EPOCH)
                : figures.filesOnTheRegister(survey.getOpenedAt(), survey.countsUntil(now));
        Map<Long, Long> branchUnionOf = new HashMap<>();
        files.forEach(f -> branchUnionOf.put(f.fileId(), unions.branchUnionOf(f.fileBranchUnionId(), f.unitId())));
        List<FileFacts> visible = files.stream().filter(f -> scope.covers(branchUnionOf.get(f.fileId()))).toList();

        Instant yearAgo = ZonedDateTime.now(clock).minusMonths(MONTHS_WITHOUT_RECHECK).toInstant();
        List<FileLine> notReVerified = lines(visible, f -> f.lastVerifiedBefore(yearAgo), branchUnionOf, unions,
                Comparator.comparing(FileFacts::lastVerifiedAt));
        List<FileLine> neverHelped = lines(visible, FileFacts::neverHelped, branchUnionOf, unions,
                Comparator.comparing(FileFacts::filedAt));

        return new SurveyPage(survey, survey == null ? List.of() : progress(survey, scope, visible, branchUnionOf),
                notReVerified, neverHelped, Year.now(clock).getValue(), exitTargets(scope),
                surveys.findAllByOrderByYearDesc().stream().map(Survey::getYear).toList(),
                maySubmit(actor, survey),
                survey == null || survey.getOpenedBy() == null ? null : directory.displayName(survey.getOpenedBy()));
    }

    private List<BranchUnionProgress> progress(Survey survey, Unions.Scope scope, List<FileFacts> visible,
                                               Map<Long, Long> branchUnionOf) {
        return parts.findBySurveyId(survey.getId()).stream()
                .filter(part -> scope.covers(part.getBranchUnion().getId()))
                .sorted(Comparator.comparing(part -> part.getBranchUnion().getCode()))
                .map(part -> {
                    Long id = part.getBranchUnion().getId();
                    List<FileFacts> own = visible.stream().filter(f -> id.equals(branchUnionOf.get(f.fileId()))).toList();
                    return new BranchUnionProgress(part.getBranchUnion().getCode(), part.getBranchUnion().getName(),
                            own.size(), own.stream().filter(FileFacts::reVerifiedInSurvey).count(),
                            part.getSubmittedBy() == null ? null : directory.displayName(part.getSubmittedBy()),
                            part.getSubmittedAt());
                }).toList();
    }

    private static List<FileLine> lines(List<FileFacts> files, Predicate<FileFacts> which,
                                        Map<Long, Long> branchUnionOf, Unions unions, Comparator<FileFacts> order) {
        return files.stream().filter(which).sorted(order.thenComparing(FileFacts::fileNumber))
                .map(f -> new FileLine(f.fileId(), f.fileNumber(), f.headName(),
                        unions.unit(branchUnionOf.get(f.fileId())).getName(), f.filedAt(), f.lastRecheckAt()))
                .toList();
    }

    /** This calendar year's exit target of each county union in reach. */
    private List<ExitTarget> exitTargets(Unions.Scope scope) {
        int year = Year.now(clock).getValue();
        Instant firstOfJanuary = Year.of(year).atDay(1).atStartOfDay(clock.getZone()).toInstant();
        Instant nextFirstOfJanuary = Year.of(year + 1).atDay(1).atStartOfDay(clock.getZone()).toInstant();
        List<Long> counties = scope.countyUnions().stream().map(OrgUnit::getId).toList();
        Map<Long, Long> onRegister = figures.onTheRegisterAt(firstOfJanuary, counties);
        Map<Long, Long> exited = figures.exitedBetween(firstOfJanuary, nextFirstOfJanuary, counties);
        return scope.countyUnions().stream()
                .map(county -> new ExitTarget(county.getCode(), county.getName(),
                        onRegister.getOrDefault(county.getId(), 0L), exited.getOrDefault(county.getId(), 0L)))
                .toList();
    }

    /** A branch union's staff may submit while the survey is open and their part is not yet submitted. */
    private boolean maySubmit(Actor actor, Survey survey) {
        if (survey == null || !survey.isOpen() || !actor.has(Role.BRANCH_UNION)) {
            return false;
        }
        return parts.findBySurveyIdAndBranchUnionId(survey.getId(), actor.orgUnitId())
                .map(part -> !part.isSubmitted()).orElse(false);
    }
}
