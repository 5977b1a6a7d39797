package io.parx.common.correlation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** The correlation id filter in every servlet service (see {@link CorrelationId}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CorrelationAutoConfiguration {

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> parxCorrelationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		// first of all, ahead of the input guard (HIGHEST_PRECEDENCE + 10)
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
