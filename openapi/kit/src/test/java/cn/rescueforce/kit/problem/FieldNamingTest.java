package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A validation problem names the field as the client wrote it: {@code lines[0].minimumQuantity}, {@code If-Match}. */
class FieldNamingTest {

    public enum Category { MINING, TUNNEL }

    /** As the contracts' enums are generated: a value of their own, refused in a {@code @JsonCreator}. */
    public enum Specialty {
        MINE_FIRE("MINE_FIRE"), WATER_RESCUE("WATER_RESCUE");

        private final String value;

        Specialty(String value) {
            this.value = value;
        }

        @Override
        @com.fasterxml.jackson.annotation.JsonValue
        public String toString() {
            return value;
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Specialty fromValue(String value) {
            for (Specialty s : values()) {
                if (s.value.equals(value)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Unexpected value '" + value + "'");
        }
    }

    public static class Line {
        @NotNull
        public String typeCode;
        @Min(1)
        public Integer minimumQuantity;
    }

    public static class Configuration {
        @NotBlank
        public String name;
        public Category category;
        public List<Specialty> specialties;
        @Valid
        public List<Line> lines;
        public Map<String, @Min(0) Integer> limits;
    }

    public static class Resource {
        public void update(@NotNull String ifMatch, @NotNull String idempotencyKey, @Valid Configuration body) {
        }
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aBeanViolationNamesThePropertyPathWithIndexesAndKeys() {
        Configuration configuration = new Configuration();
        configuration.name = "";
        Line line = new Line();
        line.typeCode = "HELMET";
        line.minimumQuantity = 0;
        configuration.lines = List.of(new Line() {{ typeCode = "ROPE"; }}, line);
        configuration.limits = Map.of("HELMET", -1);

        assertEquals(List.of("limits[HELMET]", "lines[1].minimumQuantity", "name"), fieldsOf(VALIDATOR.validate(configuration)));
    }

    @Test
    void aParameterViolationNamesTheHeaderAndABodyViolationTheBodysField() throws NoSuchMethodException {
        Method update = Resource.class.getMethod("update", String.class, String.class, Configuration.class);
        Configuration body = new Configuration();
        body.name = " ";

        Set<ConstraintViolation<Resource>> violations = VALIDATOR.forExecutables()
                .validateParameters(new Resource(), update, new Object[]{null, null, body});

        assertEquals(List.of("Idempotency-Key", "If-Match", "name"), fieldsOf(violations));
    }

    @Test
    void anUnreadableBodyNamesTheFieldAndWhatWasExpected() {
        assertEquals(new Problem.FieldMessage("colour", "unknown field"), errorOf("{\"name\":\"x\",\"colour\":\"red\"}"));
        assertEquals(new Problem.FieldMessage("category", "must be one of MINING, TUNNEL"), errorOf("{\"category\":\"MINE\"}"));
        assertEquals(new Problem.FieldMessage("specialties[1]", "must be one of MINE_FIRE, WATER_RESCUE"),
                errorOf("{\"specialties\":[\"MINE_FIRE\",\"FLOODING\"]}"));
        assertEquals(new Problem.FieldMessage("lines[0].minimumQuantity", "not a valid integer"),
                errorOf("{\"lines\":[{\"minimumQuantity\":\"many\"}]}"));
        assertEquals(new Problem.FieldMessage("body", "not a valid configuration"), errorOf("[1, 2]"));
        Problem.FieldMessage malformed = errorOf("{\"name\": ");
        assertEquals("body", malformed.field());
        assertTrue(malformed.message().startsWith("malformed JSON: "), malformed.message());
    }

    @Test
    void aValidationProblemSaysWhichFieldsAreInvalid() {
        ProblemException one = ProblemException.invalid("size", Text.of("must be between 1 and {0}", 200));
        assertEquals(400, one.status());
        assertEquals("https://rescue-force.cn/problems/validation", one.type());
        assertEquals("size: must be between 1 and 200", one.getMessage());

        ProblemException two = ProblemException.invalid(List.of(new Problem.FieldError("name", Text.of("must not be blank")),
                new Problem.FieldError("province", Text.of("unknown province"))));
        assertEquals("2 fields are invalid", two.getMessage());
        assertEquals(2, two.errors().size());
    }

    private Problem.FieldMessage errorOf(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Configuration.class));
        return ProblemMappers.fieldErrorOf(e).render(Language.EN);
    }

    private static <T> List<String> fieldsOf(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(ProblemMappers::fieldOf).sorted().toList();
    }
}
