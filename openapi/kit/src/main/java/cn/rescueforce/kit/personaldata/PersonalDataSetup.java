package cn.rescueforce.kit.personaldata;

import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Set;

/**
 * The {@link PersonalDataCipher} of a service that stores personal data, made from {@link PersonalDataConfig} the
 * first time it is injected: a service that needs it injects it at start (teams-api's encryption job), so missing
 * or malformed keys stop the start with the environment variable named. The development keys of the kit's
 * defaults are accepted only while a dev, local or test profile is active (and prod is not).
 */
@ApplicationScoped
public class PersonalDataSetup {

    static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "local", "test");

    @Produces
    @Singleton
    PersonalDataCipher cipher(PersonalDataConfig config) {
        List<String> profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        return new PersonalDataCipher(PersonalDataKeys.parse(config.keys().orElse(null), config.currentKey().orElse(null),
                config.hashKey().orElse(null), developmentKeysAllowed(profiles)));
    }

    /** Only under dev, local or test, and never when prod is among the active profiles. */
    static boolean developmentKeysAllowed(List<String> activeProfiles) {
        return !activeProfiles.contains("prod") && activeProfiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains);
    }
}
