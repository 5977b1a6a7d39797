package io.parx.systemtest;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link ParxStack} for every test class of the run: starting six JVMs costs a minute
 * or two on two cores, so the browser tests and the system tests share it. It lives in
 * the root context's store, which closes it when the last test class is done.
 */
final class SharedStack implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == ParxStack.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).computeIfAbsent(ParxStack.class, (key) -> {
			try {
				return ParxStack.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("the ParX stack did not start", ex);
			}
		}, ParxStack.class);
	}

}
