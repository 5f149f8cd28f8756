package cn.hardshiprelief.fund;

import cn.hardshiprelief.organization.OrgUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * One union's budget from one source for one year. {@code reserved} is held for grants requested or
 * approved and not yet paid; {@code paid} has gone to the bank. Both change only through the atomic,
 * conditional updates of {@link FundRepository}, so two requests or two payments running at once can
 * never take the fund below zero, on any node.
 */
@Entity
@Table(name = "aid_fund")
public class Fund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "union_id")
    private OrgUnit union;

    @Column(name = "fund_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FundSource source;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal budget;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal reserved = BigDecimal.ZERO;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal paid = BigDecimal.ZERO;

    protected Fund() {
    }

    public Fund(OrgUnit union, int year, FundSource source, String name, BigDecimal budget) {
        if (budget == null || budget.signum() < 0) {
            throw new IllegalArgumentException("A budget is zero or more");
        }
        this.union = union;
        this.year = year;
        this.source = source;
        this.name = name;
        this.budget = budget.setScale(2);
    }

    /** What may still be reserved: the budget less what is reserved and what is paid. */
    public BigDecimal available() {
        return budget.subtract(reserved).subtract(paid);
    }

    public Long getId() { return id; }
    public OrgUnit getUnion() { return union; }
    public int getYear() { return year; }
    public FundSource getSource() { return source; }
    public String getName() { return name; }
    public BigDecimal getBudget() { return budget; }
    public BigDecimal getReserved() { return reserved; }
    public BigDecimal getPaid() { return paid; }
}
