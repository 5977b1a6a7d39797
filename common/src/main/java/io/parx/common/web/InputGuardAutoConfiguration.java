package io.parx.common.web;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

import tools.jackson.databind.DeserializationFeature;

/**
 * The input rules every ParX service applies (issue #17): a request size limit, no
 * control characters in text ({@link TextRules}), unknown JSON properties refused, and
 * every error as problem details, including Tomcat's own and {@code /error}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(InputSettings.class)
public class InputGuardAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestGuardFilter> parxRequestGuardFilter(InputSettings settings) {
		FilterRegistrationBean<RequestGuardFilter> registration = new FilterRegistrationBean<>(
				new RequestGuardFilter(settings.maxRequestSize()));
		// before Spring Security's chain: an anonymous client must not get a huge body
		// read either
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	TextBodyAdvice parxTextBodyAdvice() {
		return new TextBodyAdvice();
	}

	@Bean
	ProblemErrorController parxProblemErrorController() {
		return new ProblemErrorController();
	}

	@Bean
	JsonMapperBuilderCustomizer parxRefuseUnknownProperties() {
		// a misspelt field silently ignored is a setting the client believes applied
		return (builder) -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	@Bean
	@ConditionalOnClass(StandardHost.class)
	TomcatConnectorCustomizer parxTraceToTheGuard() {
		// Tomcat's own TRACE refusal is a 405 through the /error page, which the
		// services'
		// security refuses to anonymous error dispatches; the guard filter answers it
		// instead
		return (connector) -> connector.setAllowTrace(true);
	}

	@Bean
	@ConditionalOnClass(StandardHost.class)
	TomcatContextCustomizer parxProblemErrorReport() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		};
	}

}
