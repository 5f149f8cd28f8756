/** {@code warmthCampaign}: the campaign port's adapter and the delegates that pay a list in batches. */
package cn.hardshiprelief.process.campaign;
