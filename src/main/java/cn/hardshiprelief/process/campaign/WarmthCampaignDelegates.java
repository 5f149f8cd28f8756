package cn.hardshiprelief.process.campaign;

import cn.hardshiprelief.campaign.CampaignConduct;
import cn.hardshiprelief.campaign.CampaignPayer;
import cn.hardshiprelief.task.TaskPerformer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code warmthCampaign}: each reads the campaign id and calls one use case. */
@Configuration
public class WarmthCampaignDelegates {

    static Long campaignId(DelegateExecution execution) {
        return ((Number) execution.getVariable(WarmthCampaignProcess.CAMPAIGN_ID)).longValue();
    }

    @Bean
    TaskListener campaignApprovalListener(CampaignConduct conduct) {
        return task -> {
            conduct.decided(((Number) task.getVariable(WarmthCampaignProcess.CAMPAIGN_ID)).longValue(),
                    TaskPerformer.yes(task.getVariable(WarmthCampaignProcess.APPROVED)), TaskPerformer.of(task),
                    (String) task.getVariable(WarmthCampaignProcess.COMMENT));
        };
    }

    @Bean
    JavaDelegate cancelCampaignDelegate(CampaignConduct conduct) {
        return execution -> conduct.cancel(campaignId(execution));
    }

    /** One batch of households; {@code loopCounter} is the batch's index in the multi-instance. */
    @Bean
    JavaDelegate payCampaignBatchDelegate(CampaignPayer payer) {
        return execution -> payer.payBatch(campaignId(execution),
                ((Number) execution.getVariable(WarmthCampaignProcess.LOOP_COUNTER)).intValue());
    }

    @Bean
    JavaDelegate completeCampaignDelegate(CampaignConduct conduct) {
        return execution -> conduct.complete(campaignId(execution));
    }
}
