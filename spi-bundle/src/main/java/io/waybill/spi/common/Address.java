package io.waybill.spi.common;

/**
 * A postal address as a carrier or marketplace sees it. Text is kept exactly as captured (any script).
 *
 * @param name        recipient or sender name
 * @param company     company, may be empty
 * @param line1       first address line
 * @param line2       second address line, may be empty
 * @param city        city
 * @param state       state / province / region, may be empty
 * @param postalCode  postal code, may be empty where the country has none
 * @param countryCode ISO 3166-1 alpha-2 country code
 * @param phone       phone number, may be empty
 * @param email       e-mail, may be empty
 */
public record Address(String name, String company, String line1, String line2, String city, String state,
                      String postalCode, String countryCode, String phone, String email) {
}
