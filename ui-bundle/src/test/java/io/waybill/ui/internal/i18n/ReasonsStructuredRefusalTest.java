package io.waybill.ui.internal.i18n;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Refusals as data (issue 13 item 9): the whole sentence in each language, statuses and verbs translated. */
class ReasonsStructuredRefusalTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void aLifecycleRefusalReadsWholeInEachLanguage() {
        OperationRefusedException e = new OperationRefusedException(Reason.of(Reason.ALREADY_SHIPPED, "WB00000012",
                PackageStatus.SYNCED, PackageStatus.VOIDED));
        assertEquals("already_shipped", e.code());
        assertEquals("Package WB00000012 has already been shipped (synced); it cannot be voided.", e.getMessage());
        assertEquals(e.getMessage(), Reasons.refusal(Locale.ENGLISH, e));
        assertEquals("包裹 WB00000012 已发货（已同步到店铺），不能作废。", Reasons.refusal(ZH, e));

        OperationRefusedException illegal = new OperationRefusedException(Reason.of(Reason.ILLEGAL_STATE, "WB1",
                PackageStatus.WAITING, PackageStatus.PRINTED));
        assertEquals("Package WB1 is waiting; it cannot be printed now.", Reasons.refusal(Locale.ENGLISH, illegal));
        assertEquals("包裹 WB1 当前为“待发货”，现在不能打印。", Reasons.refusal(ZH, illegal));
    }

    @Test
    void aBatchFailureWithParamsReadsWholeInChinese() {
        Reason voided = Reason.of(Reason.ALREADY_VOIDED, "WB7", PackageStatus.AWAITING_TRACKING);
        BatchResult.Failure f = BatchResult.Failure.of(7, "WB7", voided);
        assertEquals("Package WB7 is voided; it cannot be uploaded to a carrier.", f.message());
        assertEquals("包裹 WB7 已作废，不能上传到物流商。", Reasons.failure(ZH, f));
        assertEquals("包裹 WB8 同时被他人修改，请刷新后重试。",
                Reasons.failure(ZH, BatchResult.Failure.of(8, "WB8", Reason.of(Reason.CONCURRENT_CHANGE, "WB8"))));
    }

    @Test
    void aPlainRefusalStillShowsItsKindAndTheFacts() {
        OperationRefusedException plain = new OperationRefusedException("already_shipped", "Package X shipped.");
        assertEquals("已发货：Package X shipped.", Reasons.refusal(ZH, plain));
    }
}
