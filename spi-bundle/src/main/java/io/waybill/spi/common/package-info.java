/** Types shared by all plugin contracts: results that carry messages instead of exceptions, addresses. 1.2:
 * {@code MessageCodes.PARTIAL_UNMATCHED} and {@code PARTIAL_NOT_SPLITTABLE} (refused partial shipments). 1.3: {@code Message.params} (the values of a code's sentence, so the core shows the
 * message in the operator's language; order files' problems, platform 1.7). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.waybill.spi.common;
