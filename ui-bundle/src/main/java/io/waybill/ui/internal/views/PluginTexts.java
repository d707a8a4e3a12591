package io.waybill.ui.internal.views;

import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.PluginType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A registered plugin's name and description in the user's language: the plugin's descriptor is English, its
 * Metatype (the {@link PluginType} the settings service reads in the requested locale) has the translations. A plugin
 * is matched to its bundle's Metatype by bundle and id, or to the bundle's only Metatype; without one (or with an
 * empty text) the descriptor's own words are kept.
 */
final class PluginTexts {

    record Text(String name, String description) {
    }

    private final Map<String, List<PluginType>> byBundle;

    private PluginTexts(Map<String, List<PluginType>> byBundle) {
        this.byBundle = byBundle;
    }

    static PluginTexts of(List<PluginType> types) {
        return new PluginTexts(types.stream().filter(t -> t.bundleName() != null)
                .collect(Collectors.groupingBy(PluginType::bundleName)));
    }

    Text of(PluginInfo p) {
        List<PluginType> candidates = byBundle.getOrDefault(p.bundleName(), List.of());
        PluginType type = candidates.stream().filter(t -> t.id().equals(p.id())).findFirst()
                .orElse(candidates.size() == 1 ? candidates.get(0) : null);
        if (type == null) {
            return new Text(p.displayName(), p.description());
        }
        return new Text(blank(type.name()) ? p.displayName() : type.name(),
                blank(type.description()) ? p.description() : type.description());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
