package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import org.hibernate.validator.messageinterpolation.ExpressionLanguageFeatureLevel;
import org.hibernate.validator.messageinterpolation.HibernateMessageInterpolatorContext;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * A Bean Validation message in the request's {@link Language}: the violation's template ({@code {jakarta.validation
 * .constraints.Size.message}}, or a constraint's own {@code message=} key) interpolated again, by Hibernate Validator's
 * interpolator, for the locale the kit negotiated ({@code en} or {@code zh_CN}), whatever locale the validation ran
 * with. The bundles are Hibernate Validator's ({@code ValidationMessages_zh_CN}) and a module's own
 * {@code ValidationMessages.properties} / {@code ValidationMessages_zh_CN.properties} for custom keys. The locales
 * must be among {@code quarkus.locales} (the kit's defaults: {@code en,zh-CN}).
 */
@ApplicationScoped
public class BeanValidationMessages {

    private static final Logger LOG = Logger.getLogger(BeanValidationMessages.class);

    @Inject
    ValidatorFactory validators;

    public String of(ConstraintViolation<?> violation, Language language) {
        try {
            return validators.getMessageInterpolator().interpolate(violation.getMessageTemplate(), new Context(violation),
                    language.locale());
        } catch (RuntimeException e) {
            LOG.debugf(e, "cannot interpolate %s again", violation.getMessageTemplate());
            return violation.getMessage();
        }
    }

    private record Context(ConstraintViolation<?> violation) implements HibernateMessageInterpolatorContext {

        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return violation.getConstraintDescriptor();
        }

        @Override
        public Object getValidatedValue() {
            return violation.getInvalidValue();
        }

        @Override
        public Class<?> getRootBeanType() {
            return violation.getRootBeanClass();
        }

        @Override
        public Map<String, Object> getMessageParameters() {
            return Map.of();
        }

        @Override
        public Map<String, Object> getExpressionVariables() {
            return Map.of();
        }

        @Override
        public Path getPropertyPath() {
            return violation.getPropertyPath();
        }

        @Override
        public ExpressionLanguageFeatureLevel getExpressionLanguageFeatureLevel() {
            return ExpressionLanguageFeatureLevel.BEAN_PROPERTIES;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new ValidationException("cannot unwrap to " + type);
        }
    }
}
