package cn.hardshiprelief.survey;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitRepository;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.task.InboxEntry;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;
import cn.hardshiprelief.task.TaskGoneException;
import cn.hardshiprelief.task.TaskPage;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The annual survey's use cases: open the year's survey (the {@code openSurvey} step), a branch
 * union submits its survey (from the survey page, or in Tasklist through the task listener), close
 * the survey when all have submitted (the {@code closeSurvey} step). Only a branch union's own staff
 * submit its survey.
 */
@Service
@Transactional
public class SurveyService {

    private final SurveyRepository surveys;
    private final BranchUnionSurveyRepository parts;
    private final OrgUnitRepository units;
    private final Directory directory;
    private final Tasks tasks;
    private final Clock clock;

    public SurveyService(SurveyRepository surveys, BranchUnionSurveyRepository parts, OrgUnitRepository units,
                         Directory directory, Tasks tasks, Clock clock) {
        this.surveys = surveys;
        this.parts = parts;
        this.units = units;
        this.directory = directory;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * Opens this year's survey with a part for every branch union, whether it has files or not, by the
     * yearly timer ({@code openedBy} null) or by an administrator ({@link SurveyOpening}). A
     * year has one survey: opening a second one is refused (the start timer's job then fails and
     * shows as an incident in Cockpit rather than starting a duplicate).
     */
    public OpenedSurvey open(String processInstanceId, String openedBy) {
        int year = Year.now(clock).getValue();
        if (surveys.findByYear(year).isPresent()) {
            throw new ConflictException("survey.alreadyOpened", year);
        }
        Survey survey = surveys.save(Survey.open(year, processInstanceId, clock.instant(), openedBy));
        List<OrgUnit> branchUnions = new Unions(units.findAll()).branchUnions();
        branchUnions.forEach(branchUnion -> parts.save(new BranchUnionSurvey(survey, branchUnion)));
        return new OpenedSurvey(survey.getId(), year, survey.dueAt(clock.getZone()).toOffsetDateTime().toString(),
                branchUnions.stream().map(OrgUnit::getCode).toList());
    }

    /** The survey page's button: the branch union's staff answer their survey task's Camunda Form. */
    public void submit(Actor actor, int year, Map<String, String> submitted) {
        SurveyTask open = surveyTaskOf(actor, year);
        try {
            tasks.completeForm(open.task(), actor.username(), submitted, Map.of());
        } catch (TaskGoneException e) {
            throw new ConflictException("survey.noOpenTask", open.branchUnionName());
        }
    }

    /** The Camunda Form the actor's branch union answers to submit its survey of {@code year}, while it may. */
    @Transactional(readOnly = true)
    public Optional<TaskForm> form(Actor actor, int year) {
        try {
            return Optional.of(tasks.form(surveyTaskOf(actor, year).task()));
        } catch (ConflictException e) {
            return Optional.empty(); // submitted meanwhile (Tasklist): the page says so
        }
    }

    private record SurveyTask(OpenTask task, String branchUnionName) {
    }

    private SurveyTask surveyTaskOf(Actor actor, int year) {
        Survey survey = surveys.findByYear(year).orElseThrow(() -> new NotFoundException("survey.notFound", year));
        if (!actor.has(Role.BRANCH_UNION)) {
            throw new ForbiddenException("survey.forbidden");
        }
        BranchUnionSurvey part = parts.findBySurveyIdAndBranchUnionId(survey.getId(), actor.orgUnitId())
                .orElseThrow(() -> new ForbiddenException("survey.forbidden"));
        if (part.isSubmitted() || !survey.isOpen()) {
            throw new ConflictException("survey.alreadySubmitted", part.getBranchUnion().getName());
        }
        String group = Role.BRANCH_UNION.groupId(part.getBranchUnion().getCode());
        OpenTask task = tasks.openTasksOf(survey.getProcessInstanceId()).stream()
                .filter(t -> t.actionableBy(actor.username(), actor.groupIds()))
                .filter(t -> t.candidateGroups().contains(group))
                .findFirst()
                .orElseThrow(() -> new ConflictException("survey.noOpenTask", part.getBranchUnion().getName()));
        return new SurveyTask(task, part.getBranchUnion().getName());
    }

    /**
     * Records a branch union's submission as its survey task completes, whoever completes it and
     * wherever (our page, Tasklist, /engine-rest): only a member of that branch union may.
     */
    public void recordSubmission(Long surveyId, String branchUnionCode, String taskId, String username) {
        Actor actor;
        try {
            actor = directory.actor(username);
        } catch (NoSuchElementException e) {
            throw new ForbiddenException("survey.notYourBranchUnion", branchUnionCode);
        }
        if (!actor.inGroup(Role.BRANCH_UNION.groupId(branchUnionCode))) {
            throw new ForbiddenException("survey.notYourBranchUnion", branchUnionCode);
        }
        BranchUnionSurvey part = parts.findBySurveyIdAndBranchUnionCode(surveyId, branchUnionCode)
                .orElseThrow(() -> new NotFoundException("survey.notFound", surveyId));
        part.submit(taskId, username, clock.instant());
    }

    /** Every branch union has submitted. */
    public void close(Long surveyId) {
        surveys.findById(surveyId).orElseThrow(() -> new NotFoundException("survey.notFound", surveyId))
                .close(clock.instant());
    }

    /** The inbox lines of the actor's first page of survey tasks. */
    @Transactional(readOnly = true)
    public List<InboxEntry> inboxEntries(Actor actor) {
        return inboxEntries(tasks.inboxPage(actor.username(), actor.groupIds(), AnnualSurveyProcess.PROCESS_ID, 0,
                TaskPage.MAX_SIZE).tasks());
    }

    /**
     * The inbox lines of the survey tasks of a page of the inbox: one a year for each branch union, answered on the
     * survey page (a few a year for a person, so their variables are read one task at a time).
     */
    @Transactional(readOnly = true)
    public List<InboxEntry> inboxEntries(List<OpenTask> page) {
        return page.stream().map(task -> {
            Object year = tasks.variable(task.id(), AnnualSurveyProcess.SURVEY_YEAR);
            Object code = tasks.variable(task.id(), AnnualSurveyProcess.BRANCH_UNION_CODE);
            String branchUnion = code == null ? "" : units.findByCode(code.toString()).map(OrgUnit::getName)
                    .orElse(code.toString());
            return new InboxEntry(task.id(), task.stepId(), task.created(), String.valueOf(year), branchUnion,
                    branchUnion, "/surveys?year=" + year);
        }).toList();
    }
}
