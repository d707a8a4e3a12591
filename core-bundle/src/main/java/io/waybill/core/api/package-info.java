/**
 * Services the core offers to the UI and the shell. Every method is safe to call from any thread.
 * 1.1: {@code OrderCaptureService.updateAddress}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.waybill.core.api;
