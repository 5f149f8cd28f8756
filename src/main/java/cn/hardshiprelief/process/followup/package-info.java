/** {@code householdFollowUp}: started when a household is filed (FollowUpEngine, the household port), its delegates and listeners. */
package cn.hardshiprelief.process.followup;
