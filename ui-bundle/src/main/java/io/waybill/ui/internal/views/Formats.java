package io.waybill.ui.internal.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display formats of list cells. */
public final class Formats {

    private Formats() {
    }

    /** A weight as everywhere in Waybill ({@link io.waybill.core.model.Weights}): {@code "0.800 kg"}. */
    public static String weight(int grams, Locale locale) {
        return io.waybill.core.model.Weights.format(grams, locale);
    }

    /**
     * A large number rounded for "about ...": {@code 1.2 M}, {@code 250 K} in English; in Chinese by 万 (10,000) and
     * 亿 (100,000,000): {@code 120 万}, {@code 25 万}. Below 1,000 (English) or 10,000 (Chinese) the number itself.
     */
    public static String about(long n, Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        if (chinese) {
            if (n >= 100_000_000L) {
                return one(n / 1e8, locale) + " 亿";
            }
            return n >= 10_000 ? one(n / 1e4, locale) + " 万" : String.format(locale, "%,d", n);
        }
        if (n >= 1_000_000) {
            return one(n / 1e6, locale) + " M";
        }
        return n >= 1_000 ? one(n / 1e3, locale) + " K" : String.format(Locale.ROOT, "%,d", n);
    }

    /** One decimal below 10 (1.2), none from 10 (25, 120). */
    private static String one(double v, Locale locale) {
        return v < 10 ? String.format(Locale.ROOT, "%.1f", v).replace(".0", "") : String.valueOf(Math.round(v));
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * Date and time as {@code 2026-11-25 14:05} in the given zone, or empty for null. One compact, unambiguous
     * form for both languages: warehouse lists are scanned by eye, and it fits a narrow column.
     */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.withZone(zone).format(instant);
    }

    /** A store with its platform, without saying the platform twice: "Shop · ebay", "ACME (Shopify)". */
    public static String store(String name, String platform) {
        if (name == null || name.isBlank()) {
            return platform == null ? "" : platform;
        }
        if (platform == null || platform.isBlank()
                || name.toLowerCase(Locale.ROOT).contains(platform.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return name + " · " + platform;
    }

    /** ISO country code with the country's name in the UI language, e.g. {@code "DE · Germany"}. */
    public static String country(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : code + " · " + name;
    }

    /** Missing SKUs of an out-of-stock package: {@code "MUG-CER-01 −2, TEE-BLK-M −1"} (with a real minus sign). */
    public static String shortages(java.util.List<io.waybill.core.model.Shortage> shortages) {
        if (shortages == null || shortages.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (io.waybill.core.model.Shortage s : shortages) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(s.skuCode()).append(" \u2212").append(s.missing());
        }
        return text.toString();
    }

    /** "12.99 USD"; null without an amount (shown as a dash); the amount alone without a currency. */
    public static String money(java.math.BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        return amount.toPlainString() + (currency == null ? "" : " " + currency);
    }
}
