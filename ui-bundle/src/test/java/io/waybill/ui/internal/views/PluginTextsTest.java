package io.waybill.ui.internal.views;

import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.PluginType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PluginTextsTest {

    private static final PluginInfo POOL = new PluginInfo(PluginInfo.Kind.CARRIER, "pool", "Tracking-number pool",
            "Issues UPU S10 numbers.", "io.waybill.carrier.pool", "1.0.0", 42);

    private static PluginType type(String id, String bundle, String name, String description) {
        return new PluginType(PluginInfo.Kind.CARRIER, id, name, description, "io.waybill.carrier." + id, true,
                bundle, List.of());
    }

    @Test
    void theMetatypeInTheUsersLanguageNamesThePlugin() {
        PluginTexts texts = PluginTexts.of(List.of(type("pool", "io.waybill.carrier.pool", "跟踪号号段池（UPU S10）",
                "发放 UPU S10 跟踪号。")));
        assertEquals(new PluginTexts.Text("跟踪号号段池（UPU S10）", "发放 UPU S10 跟踪号。"), texts.of(POOL));
    }

    @Test
    void withoutAMetatypeOrWithAnEmptyTextThePluginsOwnWordsStay() {
        assertEquals(new PluginTexts.Text("Tracking-number pool", "Issues UPU S10 numbers."),
                PluginTexts.of(List.of()).of(POOL));
        assertEquals(new PluginTexts.Text("池", "Issues UPU S10 numbers."),
                PluginTexts.of(List.of(type("pool", "io.waybill.carrier.pool", "池", ""))).of(POOL));
        // two Metatypes in the bundle, none with the plugin's id: not guessed
        assertEquals("Tracking-number pool", PluginTexts.of(List.of(type("a", "io.waybill.carrier.pool", "甲", "x"),
                type("b", "io.waybill.carrier.pool", "乙", "y"))).of(POOL).name());
    }
}
