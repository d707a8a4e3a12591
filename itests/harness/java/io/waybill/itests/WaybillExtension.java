package io.waybill.itests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives every test class the one {@link WaybillDistribution} of the run (booted by the first class, stopped when the
 * whole run ends), and prints the tail of {@code karaf.log} and a browser screenshot when a test fails.
 */
public final class WaybillExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WaybillExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        distribution(context);
    }

    private static WaybillDistribution distribution(ExtensionContext context) {
        // kept in the root store: JUnit closes it once, after the last test class of the run
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(WaybillDistribution.class, k -> WaybillDistribution.shared(),
                        WaybillDistribution.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WaybillDistribution.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return distribution(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        report(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        report(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        report(context, throwable);
        throw throwable;
    }

    private static void report(ExtensionContext context, Throwable throwable) {
        String name = context.getRequiredTestClass().getSimpleName()
                + context.getTestMethod().map(m -> "-" + m.getName()).orElse("");
        WaybillDistribution.log("FAILED %s: %s", name, throwable);
        Browser.screenshotAllOpen("FAILED-" + name);
        WaybillDistribution d = context.getRoot().getStore(NAMESPACE).get(WaybillDistribution.class,
                WaybillDistribution.class);
        if (d != null) {
            System.out.println(d.logTailForMessage());
        }
    }
}
