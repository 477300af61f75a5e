package cn.rescueforce.kit.personaldata;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which active profiles may run on the development keys of the kit's defaults. */
class PersonalDataSetupTest {

    @Test
    void onlyTheDevelopmentProfilesAcceptTheDevelopmentKeys() {
        assertTrue(PersonalDataSetup.developmentKeysAllowed(List.of("local")));
        assertTrue(PersonalDataSetup.developmentKeysAllowed(List.of("test")));
        assertTrue(PersonalDataSetup.developmentKeysAllowed(List.of("dev")));
        assertFalse(PersonalDataSetup.developmentKeysAllowed(List.of("prod")));
        assertFalse(PersonalDataSetup.developmentKeysAllowed(List.of("prod", "local")));
        assertFalse(PersonalDataSetup.developmentKeysAllowed(List.of("staging")));
        assertFalse(PersonalDataSetup.developmentKeysAllowed(List.of()));
    }
}
