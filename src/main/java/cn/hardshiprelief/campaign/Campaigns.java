package cn.hardshiprelief.campaign;

import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitType;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Setting up a campaign: the organising union's staff select and review the households, and submit the list
 * with the fund it draws on; the whole amount is reserved at once, so a list the fund cannot carry is
 * stopped before anyone approves it. Only the organising union and its county union see a campaign.
 */
@Service
public class Campaigns {


    private final CampaignRepository campaigns;
    private final CampaignSelection selection;
    private final Funds funds;
    private final CampaignProcess process;
    private final JdbcTemplate jdbc;
    private final Directory directory;
    private final Clock clock;

    public Campaigns(CampaignRepository campaigns, CampaignSelection selection, Funds funds, CampaignProcess process,
                     JdbcTemplate jdbc, Directory directory, Clock clock) {
        this.campaigns = campaigns;
        this.selection = selection;
        this.funds = funds;
        this.process = process;
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** The union whose campaigns the actor organises: their own branch or county union. */
    public OrgUnit organisingUnion(Actor actor) {
        if (!actor.has(Role.BRANCH_UNION) && !actor.has(Role.COUNTY_UNION)) {
            throw new ForbiddenException("campaign.forbidden");
        }
        OrgUnit union = directory.unit(actor.orgUnitId());
        if (union.getType() != OrgUnitType.BRANCH_UNION && union.getType() != OrgUnitType.COUNTY_UNION) {
            throw new ForbiddenException("campaign.forbidden");
        }
        return union;
    }

    /** Whether the actor may set up campaigns (the list page offers it). */
    @Transactional(readOnly = true)
    public boolean mayOrganise(Actor actor) {
        try {
            organisingUnion(actor);
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    /** The funds this year's campaigns of the actor's union may draw on, with what is still available. */
    @Transactional(readOnly = true)
    public List<Fund> fundsFor(Actor actor) {
        return funds.ofUnion(organisingUnion(actor).getId(), year());
    }

    /**
     * Not read-only: pricing the list evaluates the aidStandard decision, and the engine writes the evaluation to
     * its history (ACT_HI_DECINST) in this transaction, which a read-only connection refuses on MySQL/MariaDB.
     */
    @Transactional
    public List<CampaignCandidate> preview(Actor actor, CampaignForm form) {
        return selection.select(organisingUnion(actor), form, form.holiday().yearFor(today()));
    }

    @Transactional
    public WarmthCampaign submit(Actor actor, CampaignForm form) {
        OrgUnit union = organisingUnion(actor);
        OrgUnit county = union.getType() == OrgUnitType.COUNTY_UNION ? union : union.countyUnion();
        if (county == null) {
            throw new BusinessException("campaign.noCountyUnion");
        }
        int year = year();
        int holidayYear = form.holiday().yearFor(today());
        List<CampaignCandidate> list = selection.select(union, form, holidayYear).stream()
                .filter(c -> !form.excluded().contains(c.fileId())).toList();
        if (list.isEmpty()) {
            throw new BusinessException("campaign.empty");
        }
        Fund fund = funds.forGrant(form.fundId(), union, year);
        BigDecimal total = list.stream().map(CampaignCandidate::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        funds.reserve(fund, total);
        WarmthCampaign campaign = campaigns.saveAndFlush(new WarmthCampaign(union, county, fund, form.holiday(), holidayYear,
                form.title().strip(), form.describe(), list.size(), total, actor.username(), clock.instant()));
        List<Object[]> rows = new java.util.ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            CampaignCandidate candidate = list.get(i);
            rows.add(new Object[] {campaign.getId(), i, candidate.fileId(), candidate.headName(), candidate.tier(),
                    candidate.amount()});
        }
        jdbc.batchUpdate("insert into warmth_campaign_line (campaign_id, line_index, file_id, head_name, tier, amount,"
                + " status) values (?, ?, ?, ?, ?, ?, 'SELECTED')", rows);
        campaign.started(process.start(campaign));
        return campaign;
    }

    @Transactional(readOnly = true)
    public WarmthCampaign campaign(Actor actor, Long id) {
        WarmthCampaign campaign = campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign.notFound"));
        if (!mayRead(actor, campaign)) {
            throw new ForbiddenException("campaign.forbidden");
        }
        return campaign;
    }

    @Transactional(readOnly = true)
    public List<WarmthCampaign> list(Actor actor) {
        if (actor.isAdmin()) {
            return campaigns.findAllByOrderByIdDesc();
        }
        if (actor.has(Role.COUNTY_UNION) || actor.has(Role.COUNTY_UNION_CHAIR)) {
            return campaigns.findByCountyUnionIdOrderByIdDesc(actor.orgUnitId());
        }
        if (actor.has(Role.BRANCH_UNION)) {
            return campaigns.findByUnionIdOrderByIdDesc(actor.orgUnitId());
        }
        throw new ForbiddenException("campaign.forbidden");
    }

    static boolean mayRead(Actor actor, WarmthCampaign campaign) {
        return actor.isAdmin()
                || actor.has(Role.BRANCH_UNION) && campaign.getUnion().getId().equals(actor.orgUnitId())
                || (actor.has(Role.COUNTY_UNION) || actor.has(Role.COUNTY_UNION_CHAIR))
                && campaign.getCountyUnion().getId().equals(actor.orgUnitId());
    }

    /** The budget year: the funds a list draws on are this year's, whichever holiday's year it is for. */
    private int year() {
        return today().getYear();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
