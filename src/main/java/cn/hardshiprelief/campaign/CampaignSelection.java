package cn.hardshiprelief.campaign;

import cn.hardshiprelief.aid.CampaignGrants;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitType;
import cn.hardshiprelief.shared.BusinessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the households of a union that a campaign's filter selects: files on the register (active,
 * standing support, relapsed) of the union (a branch union's files, a company union's company, a county
 * union's county), not already visited or on another open list for the same holiday and year. Read with
 * one SQL query, as a campaign may hold tens of thousands of households.
 */
@Component
class CampaignSelection {

    private final JdbcTemplate jdbc;
    private final CampaignGrants grants;

    CampaignSelection(JdbcTemplate jdbc, CampaignGrants grants) {
        this.jdbc = jdbc;
        this.grants = grants;
    }

    /** @param year the year of the holiday the campaign is for ({@link Holiday#yearFor}) */
    List<CampaignCandidate> select(OrgUnit union, CampaignForm form, int year) {
        StringBuilder sql = new StringBuilder("""
                select f.id, f.file_number, f.head_name, u.name as unit_name, f.tier, f.payee_account
                from household_file f join org_unit u on u.id = f.unit_id
                where f.status in ('ACTIVE', 'STANDING_SUPPORT', 'RELAPSED')
                """);
        List<Object> args = new ArrayList<>();
        if (union.getType() == OrgUnitType.COUNTY_UNION) {
            sql.append(" and f.county_union_id = ?");
            args.add(union.getId());
        } else if (union.company() != null) {
            sql.append(" and f.branch_union_id is null and u.parent_id = ?");
            args.add(union.company().getId());
        } else {
            sql.append(" and f.branch_union_id = ?");
            args.add(union.getId());
        }
        if (form.tier() != null) {
            sql.append(" and f.tier = ?");
            args.add(form.tier().name());
        }
        if (form.cause() != null) {
            sql.append(" and (f.primary_cause = ? or f.secondary_causes like ?)");
            args.add(form.cause().name());
            args.add("%" + form.cause().name() + "%");
        }
        if (form.unitCode() != null && !form.unitCode().isBlank()) {
            sql.append(" and u.code = ?");
            args.add(form.unitCode().strip());
        }
        sql.append("\n").append("""
                 and not exists (select 1 from aid_grant g where g.file_id = f.id and g.kind = 'WARMTH_VISIT'
                     and g.holiday = ? and g.holiday_year = ? and g.status not in ('REJECTED', 'REFUSED', 'CANCELLED'))
                 and not exists (select 1 from warmth_campaign_line l join warmth_campaign c on c.id = l.campaign_id
                     where l.file_id = f.id and c.holiday = ? and c.campaign_year = ?
                     and c.status in ('AWAITING_APPROVAL', 'PAYING') and l.status <> 'REMOVED')
                 order by f.id""");
        args.add(form.holiday().name());
        args.add(year);
        args.add(form.holiday().name());
        args.add(year);
        Map<String, BigDecimal> amountByTier = new HashMap<>();
        return jdbc.query(sql.toString(), (rs, i) -> {
            String tier = rs.getString("tier");
            BigDecimal amount = amountByTier.computeIfAbsent(tier, t -> grants.warmthAmount(t)
                    .orElseThrow(() -> new BusinessException("campaign.noStandard", t)));
            return new CampaignCandidate(rs.getLong("id"), rs.getString("file_number"), rs.getString("head_name"),
                    rs.getString("unit_name"), tier, amount, rs.getString("payee_account") != null);
        }, args.toArray());
    }
}
