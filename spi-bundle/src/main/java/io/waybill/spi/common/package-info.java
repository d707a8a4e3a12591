/** Types shared by all plugin contracts: results that carry messages instead of exceptions, addresses. 1.2:
 * {@code MessageCodes.PARTIAL_UNMATCHED} and {@code PARTIAL_NOT_SPLITTABLE} (refused partial shipments). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.waybill.spi.common;
