package cn.hardshiprelief.civilaffairs;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a roster file. The header row names each by its Chinese or English name, in any order; every
 * column must be present (a cell of {@link #VALID_TO} may be empty).
 */
public enum RosterColumn {

    ID_NUMBER("身份证号", "idNumber"),
    NAME("姓名", "name"),
    REGION_CODE("行政区划", "regionCode"),
    STATUS("救助类别", "status"),
    MONTHLY_AMOUNT("月救助金额", "monthlyAmount"),
    VALID_FROM("起始日期", "validFrom"),
    VALID_TO("截止日期", "validTo");

    private final String chineseName;
    private final String englishName;

    RosterColumn(String chineseName, String englishName) {
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    /**
     * The column a header cell names: the Chinese name, or the English one in any case; surrounding and inner
     * whitespace is ignored ({@code 身份证 号}, {@code IDNUMBER}).
     */
    public static Optional<RosterColumn> named(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String name = header.replaceAll("[\\s\\u00A0\\u3000\\uFEFF]+", "");
        for (RosterColumn column : values()) {
            if (column.chineseName.equals(name) || column.englishName.toLowerCase(Locale.ROOT)
                    .equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
