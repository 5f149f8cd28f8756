package cn.hardshiprelief.fund;

/** Where a fund's money comes from (资金来源). */
public enum FundSource {
    /** 中央财政帮扶资金 */
    CENTRAL_FINANCE,
    /** 地方财政帮扶资金 */
    LOCAL_FINANCE,
    /** 工会经费 */
    UNION_FUNDS,
    /** 社会捐赠 */
    DONATIONS
}
