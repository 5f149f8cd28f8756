/** Glue between warmth campaigns and the {@code warmthCampaign} process. */
package cn.hardshiprelief.campaign.process;
