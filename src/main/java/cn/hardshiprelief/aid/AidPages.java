package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the aid pages show, read within the actor's reach: the request form for one beneficiary (the kinds the
 * actor may ask for, what each pays for the household's tier, the granting union's funds), one grant with its
 * findings, history and open step, and the aid section of a household's page.
 */
@Service
@Transactional(readOnly = true)
public class AidPages {

    private final Beneficiaries beneficiaries;
    private final AidRules rules;
    private final Funds funds;
    private final AidQueries queries;
    private final AidTasks tasks;
    private final Clock clock;

    public AidPages(Beneficiaries beneficiaries, AidRules rules, Funds funds, AidQueries queries, AidTasks tasks,
                    Clock clock) {
        this.beneficiaries = beneficiaries;
        this.rules = rules;
        this.funds = funds;
        this.queries = queries;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** One kind as the request form offers it, with what its standard pays this beneficiary. */
    public record KindOption(AidKind kind, AidStandard standard, BigDecimal supplement, List<StageAmount> stages) {

        /** The standard pays a fixed amount (plus the 叠加 supplement) rather than a share of a basis. */
        public boolean fixed() {
            return standard != null && standard.amount() != null;
        }

        /** The share of the basis paid, in per cent (e.g. 40 for 0.4). */
        public BigDecimal percent() {
            return standard == null || standard.ratio() == null ? null
                    : standard.ratio().movePointRight(2).stripTrailingZeros();
        }
    }

    /** What education aid pays at one schooling stage. */
    public record StageAmount(SchoolingStage stage, BigDecimal amount) {
    }

    /**
     * The request form's facts: who the aid is for ({@code null} when nobody is chosen yet), the kinds the
     * actor may ask for them, and the funds of the union that grants it, this year.
     */
    public record RequestPage(Beneficiary beneficiary, List<KindOption> kinds, List<Fund> funds, int year) {

        public Optional<KindOption> option(AidKind kind) {
            return kinds.stream().filter(k -> k.kind() == kind).findFirst();
        }

        public boolean offers(AidKind kind) {
            return option(kind).isPresent();
        }
    }

    /** A line of a grant's history with the name of who did it and, for decisions, the step decided. */
    public record HistoryLine(AidGrantEvent event, String actorName, String stepId, String text) {
    }

    /** One grant as its page shows it. */
    public record GrantPage(AidGrant grant, List<Finding> findings, List<HistoryLine> history, OpenTask openStep,
                            boolean mayAct, String requestedByName, TaskForm form) {

        /** The open step is one of the approvals (branch union, county union, its chair). */
        public boolean atApproval() {
            return openStep != null && AidTasks.APPROVAL_STEPS.contains(openStep.stepId());
        }

        /** Where the open step's form is sent: {@code /aid/{id}/<path>}. */
        public String actionPath() {
            if (atApproval()) {
                return "decision";
            }
            return switch (openStep.stepId()) {
                case AidTasks.REFERRAL_STEP -> "outcome";
                case AidTasks.RECEIPT_STEP -> "receipt";
                default -> "failed-payment";
            };
        }

        /** The message key of the open step's button. */
        public String submitKey() {
            return switch (actionPath()) {
                case "outcome" -> "aid.page.recordOutcome";
                case "receipt" -> "aid.page.confirmReceipt";
                default -> "aid.page.submitDecision";
            };
        }
    }

    /** The aid section of a household's page. */
    public record HouseholdAid(List<AidGrant> grants, boolean mayRequest, String payeeAccountMasked, String payeeBank) {
    }

    /**
     * The request form for a household on file, a worker not on file (emergency aid), or — for a worker who
     * opens the form without saying for whom — the worker's own open file, or themselves when not on file.
     */
    public RequestPage requestPage(Actor actor, Long fileId, String workerUsername) {
        Beneficiary beneficiary = beneficiaryFor(actor, fileId, workerUsername);
        int year = LocalDate.now(clock).getYear();
        if (beneficiary == null) {
            return new RequestPage(null, List.of(), List.of(), year);
        }
        boolean caseworker = beneficiaries.isCaseworkerFor(actor, beneficiary);
        if (!caseworker && !isTheWorker(actor, beneficiary)) {
            throw new ForbiddenException("aid.forbidden");
        }
        List<KindOption> kinds = Arrays.stream(AidKind.values())
                .filter(AidKind::requestable)
                .filter(kind -> caseworker || kind.workerMayRequest())
                .filter(kind -> beneficiary.fileOpen() || !kind.needsOpenFile())
                .map(kind -> option(kind, beneficiary))
                .toList();
        return new RequestPage(beneficiary, kinds, funds.ofUnion(beneficiary.grantingUnion().getId(), year), year);
    }

    public GrantPage grantPage(Actor actor, Long id) {
        AidGrant grant = queries.grant(actor, id);
        List<Finding> findings = grant.getFindings().stream().map(Finding::parse).toList();
        List<HistoryLine> history = queries.history(grant).stream().map(this::line).toList();
        OpenTask open = tasks.openStep(grant).orElse(null);
        boolean mayAct = open != null && tasks.mayAct(actor, grant, open);
        return new GrantPage(grant, findings, history, open, mayAct, queries.displayName(grant.getRequestedBy()),
                mayAct ? tasks.form(open) : null);
    }

    /** The grants of a household the actor may read, and whether the actor may ask for aid for it. */
    public HouseholdAid householdAid(Actor actor, Long fileId) {
        List<AidGrant> grants = queries.ofFile(HouseholdFileId.required(fileId)).stream().filter(g -> queries.mayRead(actor, g)).toList();
        try {
            Beneficiary beneficiary = beneficiaries.ofFile(HouseholdFileId.required(fileId));
            boolean mayRequest = beneficiaries.isCaseworkerFor(actor, beneficiary) || isTheWorker(actor, beneficiary);
            return new HouseholdAid(grants, mayRequest, AidGrant.maskAccount(beneficiary.payeeAccount()),
                    beneficiary.payeeBank());
        } catch (NotFoundException e) {
            return new HouseholdAid(grants, false, null, null);
        }
    }

    private Beneficiary beneficiaryFor(Actor actor, Long fileId, String workerUsername) {
        if (fileId != null) {
            return beneficiaries.ofFile(HouseholdFileId.required(fileId));
        }
        if (workerUsername != null && !workerUsername.isBlank()) {
            return beneficiaries.ofWorker(workerUsername.strip());
        }
        if (actor.has(Role.WORKER)) {
            return beneficiaries.ownOpenFile(actor.username())
                    .orElseGet(() -> beneficiaries.ofWorker(actor.username()));
        }
        return null;
    }


    private static boolean isTheWorker(Actor actor, Beneficiary beneficiary) {
        return actor.has(Role.WORKER) && actor.username().equals(beneficiary.username());
    }

    private KindOption option(AidKind kind, Beneficiary beneficiary) {
        if (kind == AidKind.EDUCATION_AID) {
            List<StageAmount> stages = Arrays.stream(SchoolingStage.values()).filter(s -> s != SchoolingStage.NONE)
                    .flatMap(s -> rules.standard(kind, beneficiary.tier(), s).stream()
                            .map(standard -> new StageAmount(s, standard.amount())))
                    .toList();
            return new KindOption(kind, null, BigDecimal.ZERO, stages);
        }
        AidStandard standard = rules.standard(kind, beneficiary.tier(), null).orElse(null);
        BigDecimal supplement = BigDecimal.ZERO;
        if (standard != null && standard.stackable()) {
            for (HardshipCause cause : beneficiary.secondaryCauses()) {
                supplement = supplement.add(rules.supplement(kind, cause));
            }
        }
        return new KindOption(kind, standard, supplement, List.of());
    }

    private HistoryLine line(AidGrantEvent event) {
        String name = switch (event.getActorUsername()) {
            case "system", "bank" -> null;
            default -> queries.displayName(event.getActorUsername());
        };
        String detail = event.getDetail();
        String step = null;
        if (detail != null) {
            int colon = detail.indexOf(':');
            String head = colon < 0 ? detail : detail.substring(0, colon);
            if (AidTasks.APPROVAL_STEPS.contains(head)) {
                step = head;
                detail = colon < 0 ? null : detail.substring(colon + 1).strip();
            }
        }
        return new HistoryLine(event, name, step, detail);
    }
}
