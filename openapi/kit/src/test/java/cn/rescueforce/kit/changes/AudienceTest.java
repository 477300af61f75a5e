package cn.rescueforce.kit.changes;

import cn.rescueforce.devkit.testing.TestPostgresServer;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who sees a change, against a real PostgreSQL with the kit's migrations: the feed's condition ({@link Audience#restrict})
 * finds exactly the changes the in-memory rule ({@link Audience#admits}) lets each caller see, for audiences of one
 * team, of several teams (an incident's provinces, units, mining and other teams mixed), of a province and the rest;
 * and changes stored before the audiences held sets of teams (one team and a second province, kit 0.5) are read as
 * they were, whether the migration converted them or a replica of the previous version wrote them afterwards.
 */
class AudienceTest {

    static final UUID FURONG = UUID.fromString("0b0c4f3e-7d3a-4d8e-9a41-5f1e2c3d4e5f");
    static final UUID JIAOZUO = UUID.fromString("7f1e2d3c-4b5a-4968-8776-655443322110");
    static final UUID DATONG = UUID.fromString("3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d");
    static final UUID ASSESSORS = UUID.fromString("9c8b7a6d-5e4f-4321-8fed-cba987654321");

    /** An incident in Sichuan (a flood) with a mining team of Sichuan and other teams of Chongqing and Shanxi. */
    static final Audience INCIDENT = Audience.teams(TeamSet.of("510000", false, null)
                    .and("510000", true, FURONG).and("500000", false, JIAOZUO).and("140000", false, DATONG))
            .onlyLevels(PROVINCIAL, MINE_SAFETY, UNIT);

    static final Map<String, Audience> AUDIENCES = new LinkedHashMap<>();

    static {
        AUDIENCES.put("everyone", Audience.everyone());
        AUDIENCES.put("national", Audience.national());
        AUDIENCES.put("province", Audience.province("510000"));
        AUDIENCES.put("provincial depot", Audience.province("140000").andEvery(UNIT));
        AUDIENCES.put("mining team", Audience.team("510000", true, FURONG));
        AUDIENCES.put("other team, assessed", Audience.team("500000", false, JIAOZUO).andAssessor(ASSESSORS));
        AUDIENCES.put("agreement across provinces", Audience.team("510000", true, FURONG).andTeam("500000", true, FURONG));
        AUDIENCES.put("unit figures", Audience.team(null, false, DATONG));
        AUDIENCES.put("province figures", Audience.team("140000", false, null));
        AUDIENCES.put("incident", INCIDENT);
        AUDIENCES.put("incident, national only", Audience.team("510000", true, FURONG).onlyLevels());
        AUDIENCES.put("service's too", Audience.team("510000", false, FURONG).onlyLevels(PROVINCIAL, ManagementLevel.SERVICE));
    }

    /** Rows as kit 0.5 stored them, and the audience each one is. */
    record Former(String label, String kind, String province, boolean mining, UUID unit, String alsoProvince, UUID assessorOrg,
                  String levels, String everyOf, Audience is) {
    }

    static final List<Former> FORMER = List.of(
            new Former("former everyone", "ALL", null, false, null, null, null, null, null, Audience.everyone()),
            new Former("former national", "NATIONAL", null, false, null, null, null, null, null, Audience.national()),
            new Former("former province", "PROVINCE", "510000", false, null, null, null, null, ",UNIT,",
                    Audience.province("510000").andEvery(UNIT)),
            new Former("former mining team", "TEAM", "510000", true, FURONG, null, ASSESSORS, null, null,
                    Audience.team("510000", true, FURONG).andAssessor(ASSESSORS)),
            new Former("former agreement", "TEAM", "510000", false, JIAOZUO, "500000", null, null, null,
                    Audience.team("510000", false, JIAOZUO).andTeam("500000", false, JIAOZUO)),
            new Former("former mining incident", "TEAM", "510000", true, null, "140000", null, ",MINE_SAFETY,NATIONAL,PROVINCIAL,UNIT,",
                    null, Audience.team("510000", true, null).andTeam("140000", true, null).onlyLevels(PROVINCIAL, MINE_SAFETY, UNIT)),
            new Former("former unit figures", "TEAM", null, false, DATONG, null, null, null, null, Audience.team(null, false, DATONG)));

    static DataSource database;

    @BeforeAll
    static void migrate() throws SQLException {
        TestPostgresServer server = TestPostgresServer.get();
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setURL(server.database(TestPostgresServer.testDatabaseName("kit_audience")));
        data.setUser(server.user());
        data.setPassword(server.password());
        database = data;
        execute("drop schema if exists public cascade");
        execute("create schema public");
        Flyway.configure().dataSource(database).locations("classpath:db/kit").target("0.5").load().migrate();
        for (Former former : FORMER) {
            insertFormer(former.label(), former);
        }
        Flyway.configure().dataSource(database).locations("classpath:db/kit").load().migrate();
        // a replica of the previous version, still running while the new one starts
        for (Former former : FORMER) {
            insertFormer(former.label() + ", written after", former);
        }
        for (Map.Entry<String, Audience> audience : AUDIENCES.entrySet()) {
            insert(audience.getKey(), audience.getValue());
        }
    }

    @Test
    void theFeedsConditionFindsExactlyWhatTheRuleLetsEachCallerSee() throws SQLException {
        Map<String, Audience> every = new LinkedHashMap<>(AUDIENCES);
        FORMER.forEach(f -> every.put(f.label(), f.is()));
        FORMER.forEach(f -> every.put(f.label() + ", written after", f.is()));
        for (Caller caller : callers()) {
            Set<String> expected = new TreeSet<>();
            every.forEach((label, audience) -> {
                if (audience.admits(caller)) {
                    expected.add(label);
                }
            });
            assertEquals(expected, visible(caller), caller.toString());
        }
    }

    @Test
    void anIncidentReachesEveryProvinceAndUnitOfItsTeamsAndMineSafetyOnlyWhereAMiningTeamIs() {
        assertTrue(INCIDENT.admits(caller(PROVINCIAL, "140000", null)), "the third province");
        assertTrue(INCIDENT.admits(caller(UNIT, null, JIAOZUO)), "the second team's unit");
        assertTrue(INCIDENT.admits(caller(UNIT, null, DATONG)), "the third team's unit");
        assertTrue(INCIDENT.admits(caller(MINE_SAFETY, "510000", null)), "the mining team's province");
        assertFalse(INCIDENT.admits(caller(MINE_SAFETY, "500000", null)), "only a chemicals team there");
        assertFalse(INCIDENT.admits(caller(PROVINCIAL, "520000", null)));
        assertFalse(INCIDENT.admits(caller(UNIT, null, ASSESSORS)));
        assertFalse(INCIDENT.admits(caller(ManagementLevel.SERVICE, null, null)), "not among the levels");
        assertTrue(INCIDENT.admits(caller(ManagementLevel.NATIONAL, null, null)));
    }

    @Test
    void formerRowsHoldTheirAudienceAsTheNewOneIsStored() throws SQLException {
        for (Former former : FORMER) {
            List<Object> expected = stored(former.is());
            assertEquals(expected, storedRow(former.label()), former.label() + ", converted by the migration");
            assertEquals(expected, storedRow(former.label() + ", written after"), former.label() + ", converted as written");
        }
    }

    @Test
    void aRowOfThisVersionKeepsPartOfItsAudienceNeverMoreInTheFormerColumnsForReplicasOfThePreviousVersion() throws SQLException {
        assertEquals(List.of("140000", "500000", "false", ""), formerColumns("incident"),
                "the first two provinces, not mining (Sichuan's mining team is the third), no single unit");
        assertEquals(List.of("510000", "", "true", FURONG.toString()), formerColumns("mining team"));
        assertEquals(List.of("500000", "510000", "true", FURONG.toString()), formerColumns("agreement across provinces"));
        assertEquals(List.of("510000", "", "true", ""), formerColumns("province"));
        assertEquals(List.of("", "", "false", DATONG.toString()), formerColumns("unit figures"));
        assertEquals(List.of("", "", "false", ""), formerColumns("everyone"));
    }

    /** The labels of the rows {@code caller} finds through the feed's condition. */
    private static Set<String> visible(Caller caller) throws SQLException {
        Where where = Audience.restrict(new Where(), caller);
        List<Object> values = new ArrayList<>();
        Matcher names = Pattern.compile(":(p\\d+)\\b").matcher(where.query());
        StringBuilder sql = new StringBuilder();
        while (names.find()) {
            values.add(where.parameterMap().get(names.group(1)));
            names.appendReplacement(sql, "?");
        }
        names.appendTail(sql);
        // the entity's property names as the table's columns
        String condition = sql.toString().replace("everyOf", "every_of").replace("miningProvinces", "mining_provinces")
                .replace("assessorOrg", "assessor_org");
        Set<String> labels = new TreeSet<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select type from change_event"
                     + (condition.isEmpty() ? "" : " where " + condition))) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    labels.add(rs.getString(1));
                }
            }
        }
        return labels;
    }

    private static List<Object> stored(Audience audience) {
        return Arrays.stream(audience.columnValues()).map(v -> v == null ? null : (Object) v.toString()).toList();
    }

    private static List<Object> storedRow(String label) throws SQLException {
        return row("select " + Audience.COLUMNS + " from change_event where type = ?", label, 7);
    }

    private static List<Object> formerColumns(String label) throws SQLException {
        return row("select coalesce(province, ''), coalesce(also_province, ''), mining::text, coalesce(unit::text, '')"
                + " from change_event where type = ?", label, 4);
    }

    private static List<Object> row(String sql, String label, int columns) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, label);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), label);
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                return row;
            }
        }
    }

    private static void insertFormer(String label, Former former) throws SQLException {
        insert("insert into change_event (position, id, type, entity_type, entity_id, occurred_at, actor_level, audience,"
                        + " province, mining, unit, assessor_org, levels, every_of, also_province, body, personal_data)"
                        + " values (nextval('change_event_position'), gen_random_uuid(), ?, 'Team', gen_random_uuid(), now(),"
                        + " 'NATIONAL', ?, ?, ?, ?, ?, ?, ?, ?, '{}', false)",
                label, former.kind(), former.province(), former.mining(), former.unit(), former.assessorOrg(), former.levels(),
                former.everyOf(), former.alsoProvince());
    }

    /** As {@link ChangeRecorder} writes a change. */
    private static void insert(String label, Audience audience) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(label));
        values.addAll(Arrays.asList(audience.columnValues()));
        insert("insert into change_event (position, id, type, entity_type, entity_id, occurred_at, actor_level, "
                + Audience.COLUMNS + ", body, personal_data) values (nextval('change_event_position'), gen_random_uuid(), ?,"
                + " 'Team', gen_random_uuid(), now(), 'NATIONAL', ?, ?, ?, ?, ?, ?, ?, '{}', false)", values.toArray());
    }

    private static void insert(String sql, Object... values) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    insert.setNull(i + 1, java.sql.Types.OTHER);
                } else {
                    insert.setObject(i + 1, values[i]);
                }
            }
            insert.executeUpdate();
        }
    }

    static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (String province : List.of("510000", "500000", "140000", "520000")) {
            callers.add(caller(PROVINCIAL, province, null));
            callers.add(caller(MINE_SAFETY, province, null));
        }
        for (UUID unit : List.of(FURONG, JIAOZUO, DATONG, ASSESSORS)) {
            callers.add(caller(UNIT, null, unit));
        }
        callers.add(caller(ManagementLevel.ASSESSOR, null, ASSESSORS));
        callers.add(caller(ManagementLevel.ASSESSOR, null, FURONG));
        callers.add(caller(ManagementLevel.NATIONAL, null, null));
        callers.add(caller(ManagementLevel.SERVICE, null, null));
        return callers;
    }

    static Caller caller(ManagementLevel level, String region, UUID org) {
        return new Caller("sub-" + level.role(), level, region, org);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
