/**
 * Plugin kit: JDK-only helpers every Waybill plugin may use. Not exported and not a bundle: each plugin carries the
 * packages it uses as private copies (bnd {@code -conditionalpackage} in the plugin parents), so a plugin jar stays
 * one self-contained bundle that hot-deploys alone and is never rewired by another plugin's kit version.
 */
package io.waybill.plugin.kit;
