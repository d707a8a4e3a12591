package io.waybill.core.internal.demo;

import io.waybill.core.internal.persistence.PackageNumbers;

import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.AuditEventEntity;
import io.waybill.core.internal.persistence.OrderEntity;
import io.waybill.core.internal.persistence.PackageEntity;
import io.waybill.core.internal.persistence.SkuEntity;
import io.waybill.core.internal.persistence.StockLevelEntity;
import io.waybill.core.internal.persistence.StoreEntity;
import io.waybill.core.internal.persistence.WarehouseEntity;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A believable small seller for demos and tests: three warehouses, a dozen SKUs with stock, and 50 orders from two
 * stores with English, Chinese, Cyrillic and Arabic addresses, each with a package waiting for delivery.
 * Deterministic (fixed seed), and only applied to an empty database.
 */
public final class DemoData {

    public static final int ORDERS = 50;
    static final int PACKAGING_GRAMS = 40;

    private record Buyer(String name, String line1, String city, String state, String postal, String country,
                         String phone) {
    }

    private static final List<Buyer> BUYERS = List.of(
            new Buyer("Emily Johnson", "742 Evergreen Terrace", "Springfield", "IL", "62704", "US", "+1 217 555 0142"),
            new Buyer("Michael Brown", "1600 Amphitheatre Pkwy", "Mountain View", "CA", "94043", "US", "+1 650 555 0100"),
            new Buyer("Sarah Davis", "350 Fifth Avenue", "New York", "NY", "10118", "US", "+1 212 555 0199"),
            new Buyer("Oliver Smith", "10 Downing Street", "London", "", "SW1A 2AA", "GB", "+44 20 7946 0018"),
            new Buyer("Amelia Clarke", "221B Baker Street", "London", "", "NW1 6XE", "GB", "+44 20 7946 0958"),
            new Buyer("Lukas Müller", "Unter den Linden 77", "Berlin", "", "10117", "DE", "+49 30 901820"),
            new Buyer("Chloé Martin", "5 Avenue Anatole France", "Paris", "", "75007", "FR", "+33 1 44 11 23 23"),
            new Buyer("Jack Wilson", "1 Macquarie Street", "Sydney", "NSW", "2000", "AU", "+61 2 9555 0123"),
            new Buyer("Liam Tremblay", "301 Front St W", "Toronto", "ON", "M5V 2T6", "CA", "+1 416 555 0110"),
            new Buyer("张伟", "朝阳区建国路88号SOHO现代城5号楼1201室", "北京", "北京市", "100022", "CN", "+86 10 5555 0188"),
            new Buyer("王芳", "浦东新区世纪大道100号环球金融中心36楼", "上海", "上海市", "200120", "CN", "+86 21 5555 0166"),
            new Buyer("李娜", "天河区珠江新城花城大道68号", "广州", "广东省", "510623", "CN", "+86 20 5555 0123"),
            new Buyer("陈静", "南山区科技园深南大道9988号", "深圳", "广东省", "518057", "CN", "+86 755 5555 0111"),
            new Buyer("林志明", "信義區信義路五段7號", "台北", "", "110", "TW", "+886 2 5555 0101"),
            new Buyer("Иван Петров", "ул. Тверская, д. 7, кв. 12", "Москва", "", "125009", "RU", "+7 495 555 0123"),
            new Buyer("محمد العتيبي", "طريق الملك فهد، حي العليا", "الرياض", "", "12214", "SA", "+966 11 555 0123"),
            new Buyer("Sofia Rossi", "Via del Corso 12", "Roma", "RM", "00186", "IT", "+39 06 5555 0123"),
            new Buyer("Hiroshi Tanaka", "1-1-2 Oshiage, Sumida-ku", "Tokyo", "", "131-0045", "JP", "+81 3 5555 0123"));

    private static final String[][] SKUS = {
            {"MUG-CER-01", "Ceramic mug 350 ml / 陶瓷马克杯", "380"},
            {"TEE-BLK-M", "T-shirt black M / 黑色T恤 M", "180"},
            {"TEE-WHT-L", "T-shirt white L / 白色T恤 L", "190"},
            {"CASE-IP15", "Phone case iPhone 15 / 手机壳", "45"},
            {"CABLE-USBC-1M", "USB-C cable 1 m / 数据线", "60"},
            {"EARBUD-BT5", "Bluetooth earbuds / 蓝牙耳机", "120"},
            {"LAMP-LED-DSK", "LED desk lamp / LED台灯", "850"},
            {"SOCK-WOOL-3P", "Wool socks 3 pairs / 羊毛袜", "150"},
            {"BOTTLE-SS-500", "Steel bottle 500 ml / 不锈钢水瓶", "320"},
            {"NOTE-A5-DOT", "A5 dotted notebook / 点阵笔记本", "260"},
            {"PEN-GEL-12", "Gel pens 12 pcs / 中性笔", "140"},
            {"BAG-TOTE-CAN", "Canvas tote bag / 帆布包", "210"}};

    private DemoData() {
    }

    /** Seeds the demo data when the database has no store yet. Returns true when it seeded. */
    public static boolean seedIfEmpty(Database db) {
        return db.inTransaction(em -> {
            long stores = em.createQuery("SELECT COUNT(s) FROM StoreEntity s", Long.class).getSingleResult();
            if (stores > 0) {
                return false;
            }
            seed(em, Instant.now());
            return true;
        });
    }

    static void seed(EntityManager em, Instant now) {
        Random random = new Random(20261126L);
        WarehouseEntity sz = new WarehouseEntity("SZ-01", "Shenzhen Longhua / 深圳龙华仓", "CN", "Shenzhen")
                .address("Building 5, Huarong Road 168, Dalang Street", "Longhua District", "Guangdong", "518109",
                        "Li Wei", "+86 755 2811 0000", "sz01@acme.example");
        WarehouseEntity la = new WarehouseEntity("US-LA", "Los Angeles (Ontario, CA)", "US", "Ontario")
                .address("1450 S Milliken Ave", "Suite 200", "CA", "91761", "Maria Lopez", "+1 909 555 0140",
                        "us-la@acme.example").kind("OVERSEAS");
        WarehouseEntity de = new WarehouseEntity("DE-FRA", "Frankfurt Fulfilment", "DE", "Frankfurt")
                .address("Cargo City Süd, Gebäude 571", null, "Hessen", "60549", "Jonas Weber", "+49 69 5550 1200",
                        "de-fra@acme.example").kind("THIRD_PARTY");
        List<WarehouseEntity> warehouses = List.of(sz, la, de);
        warehouses.forEach(em::persist);

        List<SkuEntity> skus = new ArrayList<>();
        for (String[] s : SKUS) {
            SkuEntity sku = new SkuEntity(s[0], s[1], Integer.parseInt(s[2]));
            em.persist(sku);
            skus.add(sku);
        }
        int aisle = 0;
        for (SkuEntity sku : skus) {
            aisle++;
            for (WarehouseEntity w : warehouses) {
                int onHand = w == sz ? 40 + random.nextInt(160) : random.nextInt(30);
                em.persist(new StockLevelEntity(w, sku, String.format("A%02d-%02d", aisle, 1 + random.nextInt(12)),
                        onHand));
            }
        }

        StoreEntity shop = new StoreEntity("ACME-SHOP", "ACME Global (Shopify)", "shopify");
        StoreEntity ebay = new StoreEntity("ACME-EBAY", "ACME Outlet (eBay)", "ebay");
        em.persist(shop);
        em.persist(ebay);
        em.flush();
        for (StoreEntity store : List.of(shop, ebay)) {
            int priority = 1;
            for (WarehouseEntity w : warehouses) {
                em.createNativeQuery("INSERT INTO WB_STORE_WAREHOUSE (STORE_ID, WAREHOUSE_ID, PRIORITY) "
                        + "VALUES (?, ?, ?)").setParameter(1, store.getId()).setParameter(2, w.getId())
                        .setParameter(3, priority++).executeUpdate();
            }
        }

        for (StoreEntity store : List.of(shop, ebay)) {
            em.createNativeQuery("INSERT INTO WB_SHIPPING_METHOD (STORE_ID, CODE, CARRIER_ID, SERVICE_CODE, IS_DEFAULT) "
                    + "VALUES (?, 'STANDARD', 'pool', 'RR', TRUE)").setParameter(1, store.getId()).executeUpdate();
        }

        for (int i = 0; i < ORDERS; i++) {
            StoreEntity store = i % 2 == 0 ? shop : ebay;
            Buyer b = BUYERS.get(i % BUYERS.size());
            Instant created = now.minus(Duration.ofMinutes(37L * (ORDERS - i) + random.nextInt(30)));
            String orderNo = store == shop ? "#" + (1001 + i) : String.format("12-%05d-%05d", 11000 + i, 40000 + i * 7);
            String platformId = store == shop ? "gid://shopify/Order/" + (5500000000L + i) : orderNo;
            OrderEntity order = new OrderEntity(store, platformId, orderNo, created, now);
            order.setAddress(b.name(), "", b.line1(), "", b.city(), b.state(), b.postal(), b.country(), b.phone(),
                    "");
            int lines = 1 + random.nextInt(3);
            int weight = PACKAGING_GRAMS;
            List<SkuEntity> picked = new ArrayList<>(skus);
            for (int l = 0; l < lines; l++) {
                SkuEntity sku = picked.remove(random.nextInt(picked.size()));
                int qty = 1 + random.nextInt(random.nextInt(5) == 0 ? 4 : 2);
                order.addLine(sku, qty);
                weight += sku.getWeightGrams() * qty;
            }
            em.persist(order);
            PackageEntity pkg = new PackageEntity(order, weight, created);
            em.persist(pkg);
            pkg.assignPackageNo(PackageNumbers.format(pkg.getId()));
            em.persist(new AuditEventEntity(pkg.getId(), order.getId(), "system", now, "CAPTURED", null,
                    pkg.getStatus().name(),
                    io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.DEMO_DATA)));
        }
    }
}
