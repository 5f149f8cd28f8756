package cn.hardshiprelief.demo;

import cn.hardshiprelief.enrollment.ApplicationForm;
import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.EmploymentStatus;
import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.HousingType;
import cn.hardshiprelief.enrollment.MemberForm;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.vocabulary.Tier;
import org.springframework.web.multipart.MultipartFile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * One demo household: the worker who applies, who approves it along the route, what the family
 * states, and the account its aid is paid to. The figures are chosen against the demo dibao line
 * of 650 yuan (processes/dibaoLine.dmn, region 230602) so that {@code classifyHardship} puts each
 * household in another tier: 特困, 重困 and 一般困难 on the enterprise route, 深度困难, 相对困难 and
 * 意外致困 on the union route.
 *
 * @param reviewers   who approves, in order; on the union route the first (the branch union) also
 *                    records 三查一访 before the county union decides
 * @param unionRoute  the worker's workplace is under a branch union (no department chain)
 * @param visitFindings what the home visit found (union route only)
 */
record DemoHousehold(String worker, Tier expectedTier, List<String> reviewers, boolean unionRoute,
                     String visitFindings, String payeeAccount, Statement statement) {

    static final String PAYEE_BANK = "中国工商银行示范县支行";

    private static final List<String> PRODUCTION_CHAIN = List.of("head1", "director1", "hr1", "office1");
    private static final List<String> FINANCE_CHAIN = List.of("head2", "director1", "hr1", "office1");

    /** The six demo households, in the order they are filed. */
    static List<DemoHousehold> all() {
        return List.of(
                // 特困: 500 yuan a head, at or below the line, and a wife's long illness to pay for
                new DemoHousehold("worker1", Tier.EXTREME, PRODUCTION_CHAIN, false, null, payee(1),
                        new Statement(HousingType.RENTED, "38", HardshipCause.ILLNESS, EnumSet.of(HardshipCause.SCHOOLING),
                                "妻子患慢性肾病常年透析，不能工作；儿子上初中。家中只有我一人有工资收入。",
                                "8600", null, List.of(
                                self(11, "张伟", LocalDate.of(1979, 3, 15), true, "1500"),
                                new Person(12, "刘桂兰", Relation.SPOUSE, LocalDate.of(1981, 7, 2), false,
                                        HealthStatus.CHRONIC_ILLNESS, DisabilityGrade.NONE,
                                        EmploymentStatus.UNABLE_TO_WORK, SchoolingStage.NONE, "0"),
                                child(13, "张子涵", LocalDate.of(2012, 9, 10), true, SchoolingStage.JUNIOR_MIDDLE)))),
                // 一般困难: 800 yuan a head, above the line but within twice it
                new DemoHousehold("worker2", Tier.GENERAL, FINANCE_CHAIN, false, null, payee(2),
                        new Statement(HousingType.OWNED, "52", HardshipCause.UNEMPLOYMENT, EnumSet.of(HardshipCause.SCHOOLING),
                                "丈夫所在工厂去年停产后一直失业，孩子上小学，全家靠我一人工资。",
                                null, null, List.of(
                                self(21, "李娜", LocalDate.of(1985, 11, 20), false, "2400"),
                                new Person(22, "陈建", Relation.SPOUSE, LocalDate.of(1983, 4, 8), true,
                                        HealthStatus.HEALTHY, DisabilityGrade.NONE,
                                        EmploymentStatus.UNEMPLOYED, SchoolingStage.NONE, "0"),
                                child(23, "陈思远", LocalDate.of(2016, 3, 22), true, SchoolingStage.PRIMARY)))),
                // 重困: 550 yuan a head, below the line, no medical costs and no pupils
                new DemoHousehold("worker5", Tier.SEVERE, FINANCE_CHAIN, false, null, payee(3),
                        new Statement(HousingType.PUBLIC_RENTAL, "30", HardshipCause.LOW_INCOME, EnumSet.of(HardshipCause.DISABILITY),
                                "父亲二级肢体残疾，没有养老金，需要我照料，我的工资是家里唯一收入。",
                                null, null, List.of(
                                self(31, "何丽", LocalDate.of(1975, 6, 30), false, "1100"),
                                new Person(32, "何德顺", Relation.PARENT, LocalDate.of(1948, 2, 14), true,
                                        HealthStatus.LONG_TERM_CARE, DisabilityGrade.GRADE_2,
                                        EmploymentStatus.UNABLE_TO_WORK, SchoolingStage.NONE, "0")))),
                // 深度困难: 500 yuan a head, below the line, not (yet) on dibao
                new DemoHousehold("worker3", Tier.DEEP, List.of("branch1", "county1"), true,
                        "租住 28 平方米平房，母女二人，家中无大件电器，收入情况属实。", payee(4),
                        new Statement(HousingType.RENTED, "28", HardshipCause.LOW_INCOME, EnumSet.of(HardshipCause.SOLE_EARNER),
                                "离异后独自抚养女儿，超市收银工资是唯一收入，女儿上高中。",
                                null, null, List.of(
                                self(41, "王芳", LocalDate.of(1982, 8, 9), false, "1000"),
                                child(42, "李小雨", LocalDate.of(2010, 5, 17), false, SchoolingStage.SENIOR_MIDDLE)))),
                // 相对困难: 1,100 yuan a head, within twice the line
                new DemoHousehold("worker6", Tier.RELATIVE, List.of("branch1", "county1"), true,
                        "夫妻二人租住单间，妻子待业在家，情况属实。", payee(5),
                        new Statement(HousingType.RENTED, "22", HardshipCause.UNEMPLOYMENT, EnumSet.noneOf(HardshipCause.class),
                                "妻子随我进城后一直没有找到工作，房租占去收入的一半。",
                                null, null, List.of(
                                self(51, "黄磊", LocalDate.of(1990, 1, 25), true, "2200"),
                                new Person(52, "周敏", Relation.SPOUSE, LocalDate.of(1992, 10, 3), false,
                                        HealthStatus.HEALTHY, DisabilityGrade.NONE,
                                        EmploymentStatus.UNEMPLOYED, SchoolingStage.NONE, "0")))),
                // 意外致困: 32,000 yuan of one-off costs, above 80 % of a yearly income of 36,000
                new DemoHousehold("worker4", Tier.SUDDEN, List.of("branch2", "county1"), true,
                        "儿子去年遭遇车祸，住院手术费用大部分自付，家中已借债三万余元，情况属实。", payee(6),
                        new Statement(HousingType.OWNED, "60", HardshipCause.ACCIDENT, EnumSet.of(HardshipCause.SCHOOLING),
                                "儿子去年十月遭遇交通事故，住院手术自付三万二千元，对方无力赔偿。",
                                null, "32000", List.of(
                                self(61, "刘军", LocalDate.of(1980, 12, 1), true, "2000"),
                                new Person(62, "赵红", Relation.SPOUSE, LocalDate.of(1982, 3, 19), false,
                                        HealthStatus.HEALTHY, DisabilityGrade.NONE,
                                        EmploymentStatus.FLEXIBLE, SchoolingStage.NONE, "1000"),
                                child(63, "刘洋洋", LocalDate.of(2013, 7, 7), true, SchoolingStage.JUNIOR_MIDDLE)))));
    }

    /** The application form as the worker would fill it in, with its evidence. */
    ApplicationForm form() {
        ApplicationForm form = new ApplicationForm();
        form.setRequestToken("demo-household-" + worker);
        form.setHireDate(LocalDate.of(2012, 3, 1)); // every demo worker has served for years
        form.setHousingType(statement.housing());
        form.setHousingArea(new BigDecimal(statement.housingArea()));
        form.setPrimaryCause(statement.primaryCause());
        form.setSecondaryCauses(statement.secondaryCauses());
        form.setAccount(statement.account());
        form.setMedicalCostsHalfYear(statement.medicalCostsHalfYear() == null ? null
                : new BigDecimal(statement.medicalCostsHalfYear()));
        form.setOneOffCosts(statement.oneOffCosts() == null ? null : new BigDecimal(statement.oneOffCosts()));
        form.setMembers(new ArrayList<>(statement.members().stream().map(Person::form).toList()));
        form.setHardshipCertificateFiles(files("hardshipCertificateFiles", "生活困难证明.pdf"));
        if (statement.primaryCause() == HardshipCause.ILLNESS || statement.secondaryCauses().contains(HardshipCause.ILLNESS)) {
            form.setMedicalBillsFiles(files("medicalBillsFiles", "医疗费用票据.pdf"));
        }
        if (statement.members().stream().anyMatch(p -> p.disability() != DisabilityGrade.NONE)) {
            form.setDisabilityCertificateFiles(files("disabilityCertificateFiles", "残疾人证.pdf"));
        }
        return form;
    }

    private static List<MultipartFile> files(String field, String name) {
        return new ArrayList<>(List.of(new DemoDocument(field, name)));
    }

    private static String payee(int n) {
        return "6222020900" + String.format("%09d", n);
    }

    private static Person self(int serial, String name, LocalDate born, boolean male, String income) {
        return new Person(serial, name, Relation.SELF, born, male, HealthStatus.HEALTHY, DisabilityGrade.NONE,
                EmploymentStatus.EMPLOYED, SchoolingStage.NONE, income);
    }

    private static Person child(int serial, String name, LocalDate born, boolean male, SchoolingStage stage) {
        return new Person(serial, name, Relation.CHILD, born, male, HealthStatus.HEALTHY, DisabilityGrade.NONE,
                EmploymentStatus.STUDENT, stage, "0");
    }

    /** What the family states on the application (amounts in yuan, as text to keep them exact). */
    record Statement(HousingType housing, String housingArea, HardshipCause primaryCause,
                     EnumSet<HardshipCause> secondaryCauses, String account, String medicalCostsHalfYear,
                     String oneOffCosts, List<Person> members) {
    }

    /** A household member; {@code serial} makes their identity number (see {@link DemoIdNumbers}). */
    record Person(int serial, String name, Relation relation, LocalDate born, boolean male, HealthStatus health,
                  DisabilityGrade disability, EmploymentStatus employment, SchoolingStage schooling, String income) {

        MemberForm form() {
            MemberForm m = new MemberForm();
            m.setName(name);
            m.setRelation(relation);
            m.setIdNumber(DemoIdNumbers.of(serial, born, male));
            m.setBirthDate(born);
            m.setHealth(health);
            m.setDisability(disability);
            m.setEmployment(employment);
            m.setSchooling(schooling);
            m.setMonthlyIncome(new BigDecimal(income));
            return m;
        }
    }
}
