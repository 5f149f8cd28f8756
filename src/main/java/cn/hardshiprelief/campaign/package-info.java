/**
 * Warmth campaigns (送温暖): for a holiday a union selects households by filter, reviews the list, has it
 * approved once as a batch, and every household's grant is paid and its visit recorded.
 */
package cn.hardshiprelief.campaign;
