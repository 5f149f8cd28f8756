package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.civilaffairs.CivilAffairsRoster;
import cn.hardshiprelief.civilaffairs.Person;
import cn.hardshiprelief.civilaffairs.RosterMatch;
import cn.hardshiprelief.civilaffairs.RosterStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 民政数据比对 of one application: each household member matched by identity number against the
 * imported civil-affairs roster, with what the roster says and where it differs from the application.
 */
@Component
public class CivilAffairsFindings {

    /** One member found on the roster. */
    public record Finding(String memberName, RosterMatch match) {
        public boolean supportsLiving() {
            return match.status() == RosterStatus.DIBAO || match.status() == RosterStatus.EXTREME_POVERTY;
        }
    }

    private final CivilAffairsRoster roster;
    private final Clock clock;

    public CivilAffairsFindings(CivilAffairsRoster roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    public List<Finding> of(EnrollmentApplication application) {
        Map<String, HouseholdMember> byHash = application.getMembers().stream()
                .collect(Collectors.toMap(HouseholdMember::getIdNumberHash, Function.identity(), (a, b) -> a));
        List<Person> people = application.getMembers().stream()
                .map(m -> new Person(m.getIdNumberHash(), m.getName(), application.getRegionCode())).toList();
        return roster.match(people, LocalDate.now(clock)).stream()
                .map(match -> new Finding(byHash.get(match.idNumberHash()).getName(), match)).toList();
    }

    /** The findings in one line for the timeline, in Chinese like the rest of the record. */
    public static String summary(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "家庭成员均不在民政救助名单中";
        }
        return findings.stream().map(f -> {
            RosterMatch m = f.match();
            String status = switch (m.status()) {
                case DIBAO -> "低保";
                case NEAR_DIBAO -> "低保边缘";
                case EXTREME_POVERTY -> "特困供养";
            };
            StringBuilder line = new StringBuilder(f.memberName()).append("：").append(status)
                    .append("（每月 ").append(m.monthlyAmount()).append(" 元）");
            if (m.nameDiffers()) {
                line.append("，民政名单姓名为“").append(m.rosterName()).append("”");
            }
            if (m.regionDiffers()) {
                line.append("，民政名单区划为 ").append(m.rosterRegion());
            }
            return line.toString();
        }).collect(Collectors.joining("；"));
    }
}
