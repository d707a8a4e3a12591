package io.waybill.ui.internal;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContext;

import java.net.URL;
import java.net.URLConnection;
import java.util.Map;

/**
 * Whiteboard servlet context of the Vaadin UI, mounted at {@code /}. Serves resources from
 * {@code META-INF/resources} of the bundle and its embedded jars (trap 2: Felix only looks at bundle entries)
 * and knows the MIME types of the frontend files (trap 1: Felix answers {@code null} and browsers then refuse
 * JavaScript modules).
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = VaadinContextHelper.NAME, path = "/")
public class VaadinContextHelper extends ServletContextHelper {

    /** Whiteboard name of this context; servlets select it with {@link #SELECT}. */
    public static final String NAME = "waybill-ui";
    public static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";

    private static final Map<String, String> MIME_TYPES = Map.ofEntries(
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("css", "text/css"), Map.entry("html", "text/html"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain"), Map.entry("webmanifest", "application/manifest+json"));

    private ClassLoader loader;

    @Activate
    void activate(org.osgi.framework.BundleContext context) {
        Bundle bundle = context.getBundle();
        this.loader = bundle.adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader();
    }

    @Override
    public String getMimeType(String name) {
        return mimeType(name);
    }

    static String mimeType(String name) {
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        String known = dot < 0 ? null : MIME_TYPES.get(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        return known != null ? known : URLConnection.guessContentTypeFromName(name);
    }

    /** Only {@code META-INF/resources/**} is web content; classes and configuration stay private. */
    @Override
    public URL getResource(String name) {
        if (name == null || name.contains("..")) {
            return null;
        }
        String path = name.startsWith("/") ? name.substring(1) : name;
        return loader == null ? null : loader.getResource("META-INF/resources/" + path);
    }

    @Override
    public java.util.Set<String> getResourcePaths(String path) {
        return null;
    }
}
