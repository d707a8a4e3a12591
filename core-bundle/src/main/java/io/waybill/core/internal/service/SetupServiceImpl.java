package io.waybill.core.internal.service;

import io.waybill.core.api.SetupService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.model.SetupChecklist;
import io.waybill.core.model.SetupChecklist.Kind;
import io.waybill.core.model.SetupChecklist.Step;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The setup checklist: five counts in one read, on every call (cheap: small tables or indexed counts). */
@Component(service = SetupService.class)
public class SetupServiceImpl implements SetupService {

    /** What each step counts; the rule of "done" is "at least one". */
    private static final String[][] COUNTS = {
            {"WAREHOUSE", "SELECT COUNT(*) FROM WB_WAREHOUSE WHERE ENABLED = TRUE"},
            {"PRODUCTS", "SELECT COUNT(*) FROM WB_SKU"},
            {"STORE", "SELECT COUNT(*) FROM WB_STORE WHERE ENABLED = TRUE"},
            {"SHIPPING_METHOD", "SELECT COUNT(*) FROM WB_SHIPPING_METHOD m JOIN WB_STORE s ON s.ID = m.STORE_ID"
                    + " WHERE s.ENABLED = TRUE AND m.IS_DEFAULT = TRUE"},
            {"FIRST_ORDER", "SELECT COUNT(*) FROM WB_ORDER"}};

    private final Database db;

    @Activate
    public SetupServiceImpl(@Reference Database db) {
        this.db = db;
    }

    @Override
    public SetupChecklist checklist() {
        List<Step> steps = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String[] count : COUNTS) {
                try (ResultSet rs = st.executeQuery(count[1])) {
                    rs.next();
                    steps.add(new Step(Kind.valueOf(count[0]), rs.getLong(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the setup checklist", e);
        }
        return new SetupChecklist(steps);
    }
}
