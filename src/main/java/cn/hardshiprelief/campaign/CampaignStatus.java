package cn.hardshiprelief.campaign;

public enum CampaignStatus {
    AWAITING_APPROVAL, REJECTED, PAYING, COMPLETED
}
