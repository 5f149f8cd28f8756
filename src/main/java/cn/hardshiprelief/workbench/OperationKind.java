package cn.hardshiprelief.workbench;

/** What someone did to a case's task besides deciding it. */
public enum OperationKind {
    /** 认领: took a task offered to their group. */
    CLAIM,
    /** 取消认领: gave a claimed task back to the group. */
    RELEASE,
    /** 转办: handed the decision to another person who may take the step. */
    TRANSFER,
    /** 委派: asked another person for an opinion; the task comes back to the owner. */
    DELEGATE,
    /** 委派办结: the delegate's opinion, and the task back with its owner. */
    HAND_BACK,
    /** 催办: reminded whoever holds the case's open step. */
    URGE,
    /** 抄送: let someone read the case. */
    CARBON_COPY,
    /** 加签: someone asked to sign the step before its holder decides. */
    CO_SIGNER_ADDED,
    /** 减签: a co-signer withdrawn before signing. */
    CO_SIGNER_REMOVED,
    /** 会签: the co-signer signed, with an opinion. */
    CO_SIGNED,
    /** 超时提醒: the step passed its due date; whoever holds it is reminded. */
    OVERDUE,
    /** 超时上报: overdue long enough that the next level up is offered the step too. */
    ESCALATED
}
