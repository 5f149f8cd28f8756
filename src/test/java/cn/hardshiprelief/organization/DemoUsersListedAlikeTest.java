package cn.hardshiprelief.organization;

import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One list of demo users (DemoUser): the users created, the login page's hint, the start-up banner, README.md and
 * docs/demo-users.md name the same people with the same names.
 */
@AppTest
class DemoUsersListedAlikeTest {

    private static final Pattern README_USER = Pattern.compile("`(\\w+)`\\s*([^\\s,|`]*)");
    private static final Pattern DOCS_ROW = Pattern.compile("^\\| (\\w+) \\| (\\S+) \\| [^|]+ \\| [^|]*`([\\w-]+)`",
            Pattern.MULTILINE);

    @Autowired MockMvc mvc;
    @Autowired AppUserRepository users;

    private static Map<String, String> namesByUsername() {
        return Arrays.stream(DemoUser.values())
                .collect(Collectors.toMap(DemoUser::username, DemoUser::displayName, (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void theReadmeTableNamesEveryDemoUserAndNoOther() throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String table = readme.substring(readme.indexOf("| user | who |"), readme.indexOf("On first start"));
        for (String row : table.lines().skip(2).filter(l -> l.startsWith("|")).toList()) {
            Matcher user = README_USER.matcher(row.split("\\|")[1]);
            while (user.find()) {
                listed.put(user.group(1), user.group(2));
            }
        }
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(namesByUsername().keySet());
        listed.forEach((username, name) -> {
            if (!name.isEmpty()) {
                assertThat(name).as("README's name of %s", username).isEqualTo(namesByUsername().get(username));
            }
        });
    }

    @Test
    void docsDemoUsersGivesEveryDemoUserWithNameAndGroup() throws IOException {
        String docs = Files.readString(Path.of("docs", "demo-users.md"), StandardCharsets.UTF_8);
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Matcher row = DOCS_ROW.matcher(docs);
        while (row.find()) {
            names.put(row.group(1), row.group(2));
            groups.put(row.group(1), row.group(3));
        }
        assertThat(names).containsExactlyInAnyOrderEntriesOf(namesByUsername());
        for (DemoUser user : DemoUser.values()) {
            assertThat(groups.get(user.username())).as("the group of %s", user.username())
                    .isEqualTo(user.role().groupId(user.unitCode()));
        }
    }

    @Test
    void theBannerAndTheLoginPageListTheUsersThatExist() throws Exception {
        String banner = DemoData.banner(false);
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (DemoUser user : DemoUser.values()) {
            boolean created = users.existsById(user.username());
            assertThat(created).as("%s is created here (tests load no demo households)", user.username())
                    .isEqualTo(!user.isWithDemoHouseholds());
            assertThat(banner.contains(user.username() + " " + user.displayName())).as("banner names %s", user.username())
                    .isEqualTo(created);
            assertThat(login.contains(">" + user.username() + "<")).as("login page names %s", user.username())
                    .isEqualTo(created);
        }
        assertThat(DemoData.banner(true)).contains("worker5 何丽", "worker6 黄磊");
        assertThat(login).contains("演示用户（密码 demo123）");
    }
}
