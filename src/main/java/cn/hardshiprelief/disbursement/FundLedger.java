package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.organization.Actor;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 资金台账: a fund's payments, newest first, with its bank batches and what stands at each step of the way to the
 * bank. Accounts are masked here and in the download; only the bank's batch file carries them in full.
 */
@Service
@Transactional(readOnly = true)
public class FundLedger {

    static final int PAGE_SIZE = 50;

    private final Funds funds;
    private final PaymentRepository payments;
    private final BankBatches batches;
    private final LedgerRows rows;
    private final MessageSource messages;

    public FundLedger(Funds funds, PaymentRepository payments, BankBatches batches, LedgerRows rows,
                      MessageSource messages) {
        this.funds = funds;
        this.payments = payments;
        this.batches = batches;
        this.rows = rows;
        this.messages = messages;
    }

    public View view(Actor actor, Long fundId, int page) {
        Fund fund = funds.fund(actor, fundId);
        Page<Payment> found = payments.findByFundIdOrderByIdDesc(fund.getId(), PageRequest.of(Math.max(0, page), PAGE_SIZE));
        return new View(fund, rowsOf(found), batches.ofFund(fund), totals(fund), batches.today());
    }

    public XlsxFile xlsx(Actor actor, Long fundId, Locale locale) {
        Fund fund = funds.fund(actor, fundId);
        List<LedgerRow> all = rows.of(payments.findByFundIdOrderByIdAsc(fund.getId()));
        String sheet = label("ledger.sheet.payments", locale);
        LedgerWorkbook.Sheet payments = new LedgerWorkbook.Sheet(sheet, paymentHeaders(messages, locale),
                all.stream().map(row -> paymentCells(row, messages, locale)).toList());
        return new XlsxFile("ledger-F" + fund.getId() + ".xlsx", LedgerWorkbook.write(List.of(payments)));
    }

    private Page<LedgerRow> rowsOf(Page<Payment> found) {
        List<LedgerRow> content = rows.of(found.getContent());
        return new PageImpl<>(content, found.getPageable(), found.getTotalElements());
    }

    private Totals totals(Fund fund) {
        return new Totals(payments.totalOf(fund.getId(), PaymentStatus.PENDING),
                payments.totalOf(fund.getId(), PaymentStatus.EXPORTED),
                payments.totalOf(fund.getId(), PaymentStatus.CONFIRMED),
                payments.totalOf(fund.getId(), PaymentStatus.FAILED));
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static List<String> paymentHeaders(MessageSource messages, Locale locale) {
        List<String> headers = new ArrayList<>();
        for (String key : List.of("ledger.paymentKey", "ledger.grantNumber", "ledger.kind", "ledger.payee",
                "ledger.account", "ledger.bank", "ledger.amount", "ledger.day", "ledger.status", "ledger.batch",
                "ledger.bankMessage")) {
            headers.add(messages.getMessage(key, null, key, locale));
        }
        return headers;
    }

    static List<Object> paymentCells(LedgerRow row, MessageSource messages, Locale locale) {
        Payment p = row.payment();
        List<Object> cells = new ArrayList<>();
        cells.add(p.getPaymentKey());
        cells.add(row.grantNumber());
        cells.add(row.kind() == null ? null : messages.getMessage("aid.kind." + row.kind().name(), null, locale));
        cells.add(p.getPayeeName());
        cells.add(p.getPayeeAccountMasked());
        cells.add(p.getPayeeBank());
        cells.add(p.getAmount());
        cells.add(p.getDay());
        cells.add(messages.getMessage("ledger.status." + p.getStatus().name(), null, locale));
        cells.add(row.batchNumber());
        cells.add(p.getBankMessage());
        return cells;
    }

    /** The fund's page: its figures, one page of its ledger, its batches, and the day a new batch is for. */
    public record View(Fund fund, Page<LedgerRow> payments, List<BankBatch> batches, Totals totals, LocalDate today) {
    }

    /** Ledger amounts by where the payment stands. */
    public record Totals(BigDecimal pending, BigDecimal exported, BigDecimal confirmed, BigDecimal failed) {
    }
}
