package io.waybill.itests.hang;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import java.util.concurrent.CountDownLatch;

/**
 * Test-only bundle activator that never returns from {@link #start}: {@code RunScriptHangIT} packs it into a bundle
 * listed in a copy of the distribution's {@code etc/startup.properties}, so the framework's start-level thread blocks
 * there as it did in the boot-features refresh deadlock (issue 19), and {@code bin/stop} cannot end the JVM. It is
 * never part of the distribution.
 */
public final class HangAtStartActivator implements BundleActivator {

    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public void start(BundleContext context) {
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // a deadlocked thread ignores interrupts too
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        never.countDown();
    }
}
