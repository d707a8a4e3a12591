/** Types shared by all plugin contracts: results that carry messages instead of exceptions, addresses. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.waybill.spi.common;
