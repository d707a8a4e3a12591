/** Jackson helpers; only for plugins that embed Jackson (the package imports com.fasterxml.jackson). */
package io.waybill.plugin.kit.json;
