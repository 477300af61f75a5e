package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.model.NaturalDisasterType;
import cn.rescueforce.teams.api.model.Specialty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The natural-disaster mapping is the one the contract documents (NaturalDisasterType's description). */
class NaturalDisasterSpecialtiesTest {

    @Test
    void everyDisasterIsServedByTheSpecialtiesTheContractNames() throws IOException {
        String contract = Files.readString(Path.of("../openapi/teams-api.yaml"));
        for (NaturalDisasterType disaster : NaturalDisasterType.values()) {
            Matcher line = Pattern.compile("- `" + disaster + "` \\S+ — served by (.+)\\.\\n").matcher(contract);
            assertFalse(!line.find(), "the contract documents " + disaster);
            List<Specialty> documented = Arrays.stream(line.group(1).split(", "))
                    .map(s -> Specialty.fromValue(s.replace("`", ""))).toList();
            assertEquals(documented, NaturalDisasterSpecialties.servedBy(disaster), disaster.toString());
        }
    }
}
