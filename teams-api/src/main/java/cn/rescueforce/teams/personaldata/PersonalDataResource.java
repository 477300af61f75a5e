package cn.rescueforce.teams.personaldata;

import cn.rescueforce.teams.api.PersonalDataApi;
import cn.rescueforce.teams.api.model.PersonalDataReEncryption;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@ApplicationScoped
@Authenticated
public class PersonalDataResource implements PersonalDataApi {

    @Inject
    PersonalDataProtection protection;

    @Override
    public Response reEncryptPersonalData() {
        PersonalDataProtection.Outcome outcome = protection.reEncrypt();
        return Response.ok(new PersonalDataReEncryption(outcome.currentKeyId(), outcome.encrypted(), outcome.reEncrypted(),
                outcome.remaining())).build();
    }
}
