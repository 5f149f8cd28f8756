package cn.hardshiprelief.fund;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.math.BigDecimal;
import java.util.List;

/**
 * Funds, and the only statements that move their money. Each is one conditional UPDATE: the database
 * row lock serialises concurrent callers, and the condition is checked against the committed figures,
 * so "check, then spend" cannot interleave. Zero rows updated means the condition failed.
 */
public interface FundRepository extends JpaRepository<Fund, Long> {

    List<Fund> findByUnionIdOrderByYearDescSourceAsc(Long unionId);

    List<Fund> findByUnionIdAndYearOrderBySourceAsc(Long unionId, int year);

    @Modifying(flushAutomatically = true)
    @Query("update Fund f set f.reserved = f.reserved + :amount"
            + " where f.id = :id and f.budget - f.reserved - f.paid >= :amount")
    int reserve(@Param("id") Long id, @Param("amount") BigDecimal amount);

    @Modifying(flushAutomatically = true)
    @Query("update Fund f set f.reserved = f.reserved - :amount where f.id = :id and f.reserved >= :amount")
    int release(@Param("id") Long id, @Param("amount") BigDecimal amount);

    /** Moves a reservation to paid, re-checking that the budget still covers it (it may have been cut). */
    @Modifying(flushAutomatically = true)
    @Query("update Fund f set f.reserved = f.reserved - :amount, f.paid = f.paid + :amount"
            + " where f.id = :id and f.reserved >= :amount and f.paid + :amount <= f.budget")
    int pay(@Param("id") Long id, @Param("amount") BigDecimal amount);

    /** A payment the bank returned: the money is back and reserved again for the retry or the cancellation. */
    @Modifying(flushAutomatically = true)
    @Query("update Fund f set f.paid = f.paid - :amount, f.reserved = f.reserved + :amount"
            + " where f.id = :id and f.paid >= :amount")
    int unpay(@Param("id") Long id, @Param("amount") BigDecimal amount);

    @Modifying(flushAutomatically = true)
    @Query("update Fund f set f.budget = :budget where f.id = :id and f.paid <= :budget")
    int changeBudget(@Param("id") Long id, @Param("budget") BigDecimal budget);

    @Query("select f.budget - f.reserved - f.paid from Fund f where f.id = :id")
    BigDecimal availableOf(@Param("id") Long id);
}
