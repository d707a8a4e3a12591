/** Contract a carrier (logistics provider) plugin implements. One DS component per carrier, registered as CarrierGateway. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.waybill.spi.carrier;
