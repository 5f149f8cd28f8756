package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidQueries;
import cn.hardshiprelief.aid.Beneficiaries;
import cn.hardshiprelief.aid.Beneficiary;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 户救助台账: every grant of a household and every payment made for it. Open to the staff of the household's
 * granting union and of its county union; each sees the grants within their reach (a branch union only the ones it
 * granted, as on the aid pages), and the payments of those grants.
 */
@Service
@Transactional(readOnly = true)
public class HouseholdLedger {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HouseholdFileRepository files;
    private final Beneficiaries beneficiaries;
    private final AidQueries grants;
    private final PaymentRepository payments;
    private final LedgerRows rows;
    private final MessageSource messages;

    public HouseholdLedger(HouseholdFileRepository files, Beneficiaries beneficiaries, AidQueries grants,
                           PaymentRepository payments, LedgerRows rows, MessageSource messages) {
        this.files = files;
        this.beneficiaries = beneficiaries;
        this.grants = grants;
        this.payments = payments;
        this.rows = rows;
        this.messages = messages;
    }

    public View view(Actor actor, Long fileId) {
        HouseholdFile file = files.findById(fileId).orElseThrow(() -> new NotFoundException("household.notFound"));
        Beneficiary household = beneficiaries.ofFile(HouseholdFileId.required(file.getId()));
        if (!mayRead(actor, household)) {
            throw new ForbiddenException("ledger.household.forbidden");
        }
        List<AidGrant> visible = grants.ofFile(HouseholdFileId.required(file.getId())).stream().filter(g -> grants.mayRead(actor, g)).toList();
        Set<Long> ids = visible.stream().map(AidGrant::getId).collect(Collectors.toSet());
        List<LedgerRow> paid = rows.of(payments.findByFileIdOrderByIdAsc(file.getId()).stream()
                .filter(p -> ids.contains(p.getGrantId())).toList());
        BigDecimal granted = visible.stream().filter(g -> g.getKind().cash() && g.getStatus().counts())
                .map(AidGrant::getAmount).reduce(ZERO, BigDecimal::add);
        BigDecimal confirmed = paid.stream().filter(r -> r.payment().getStatus() == PaymentStatus.CONFIRMED)
                .map(r -> r.payment().getAmount()).reduce(ZERO, BigDecimal::add);
        return new View(file.getId(), file.getFileNumber(), file.getHeadName(), visible, paid, granted, confirmed);
    }

    public XlsxFile xlsx(Actor actor, Long fileId, Locale locale) {
        View view = view(actor, fileId);
        List<String> grantHeaders = new ArrayList<>();
        for (String key : List.of("ledger.grantNumber", "ledger.kind", "ledger.grantYear", "ledger.amount",
                "ledger.status", "ledger.requestedAt")) {
            grantHeaders.add(messages.getMessage(key, null, key, locale));
        }
        List<List<Object>> grantCells = view.grants().stream().map(g -> Arrays.<Object>asList(
                g.getGrantNumber(),
                messages.getMessage("aid.kind." + g.getKind().name(), null, locale),
                g.getYear(),
                g.getAmount(),
                messages.getMessage("aid.status." + g.getStatus().name(), null, locale),
                g.getRequestedAt().atZone(CHINA).toLocalDate())).toList();
        LedgerWorkbook.Sheet grantSheet = new LedgerWorkbook.Sheet(
                messages.getMessage("ledger.sheet.grants", null, locale), grantHeaders, grantCells);
        LedgerWorkbook.Sheet paymentSheet = new LedgerWorkbook.Sheet(
                messages.getMessage("ledger.sheet.payments", null, locale),
                FundLedger.paymentHeaders(messages, locale),
                view.payments().stream().map(r -> FundLedger.paymentCells(r, messages, locale)).toList());
        return new XlsxFile("ledger-" + view.fileNumber() + ".xlsx", LedgerWorkbook.write(List.of(grantSheet, paymentSheet)));
    }

    private boolean mayRead(Actor actor, Beneficiary household) {
        return actor.isAdmin() || beneficiaries.isCaseworkerFor(actor, household)
                || actor.has(Role.COUNTY_UNION_CHAIR) && household.countyUnion() != null
                && household.countyUnion().getId().equals(actor.orgUnitId());
    }

    /** A household's ledger: the grants the reader may see, their payments, the cash granted and the cash paid. */
    public record View(Long fileId, String fileNumber, String headName, List<AidGrant> grants,
                       List<LedgerRow> payments, BigDecimal granted, BigDecimal paid) {
    }
}
