/** Immutable views of Waybill's domain handed to the UI, the shell and plugins. Never JPA entities. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.waybill.core.model;
