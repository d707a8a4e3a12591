package io.waybill.core.internal.rulestore;

import io.waybill.core.internal.rules.Action;
import io.waybill.core.internal.rules.Evaluation;
import io.waybill.core.internal.rules.ProductFlag;
import io.waybill.core.internal.rules.RuleEngine;
import io.waybill.core.internal.rules.RuleInput;
import io.waybill.core.model.Reason;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierService;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether the carrier service a rule would assign can take the package (SPI carrier 1.2,
 * {@link CarrierGateway#services()} and {@link CarrierService#check}): a rule whose service cannot is skipped with
 * the carrier's structured reason ({@code rule_service_*}, {@link Reason}), in the dry run and in the history. A
 * carrier that declares no services (or is not installed) is not checked here: the upload decides then. One check
 * per rule run; each carrier's services are read once.
 */
final class ServiceLimits implements RuleEngine.ActionCheck {

    /** History reason of a service the carrier does not offer: [carrier, service, rule position, rule name]. */
    static final String UNKNOWN = Reason.RULE_SERVICE_UNKNOWN;

    private final Function<String, Optional<CarrierGateway>> carriers;
    private final Predicate<String> customsComplete;
    private final Map<String, List<CarrierService>> services = new HashMap<>();

    /**
     * @param carriers        the installed carrier plugin of an id
     * @param customsComplete whether a package (by number) has complete customs data on every line
     */
    ServiceLimits(Function<String, Optional<CarrierGateway>> carriers, Predicate<String> customsComplete) {
        this.carriers = carriers;
        this.customsComplete = customsComplete;
    }

    @Override
    public Evaluation.Refusal refuse(Action action, RuleInput in) {
        if (!(action instanceof Action.AssignShippingMethod m)) {
            return null;
        }
        List<CarrierService> offered = services.computeIfAbsent(m.carrierAccount(), this::read);
        if (offered.isEmpty()) {
            return null;
        }
        CarrierService service = offered.stream().filter(s -> s.code().equalsIgnoreCase(m.service())).findFirst()
                .orElse(null);
        if (service == null) {
            return new Evaluation.Refusal(action, UNKNOWN, List.of(m.carrierAccount(), m.service()), "carrier "
                    + m.carrierAccount() + " does not offer service " + m.service());
        }
        List<CarrierService.Refusal> refusals = service.check(parcel(in, customsComplete.test(in.packageNo())));
        if (refusals.isEmpty()) {
            return null;
        }
        CarrierService.Refusal first = refusals.get(0);
        return new Evaluation.Refusal(action, "rule_" + first.code(), first.params(), first.english());
    }

    /** The parcel of a package as the rules see it: destination, weight, the order value, dangerous goods, lines. */
    static CarrierService.Parcel parcel(RuleInput in, boolean customsComplete) {
        Set<CarrierService.DangerousGoods> dg = EnumSet.noneOf(CarrierService.DangerousGoods.class);
        for (RuleInput.Line l : in.lines()) {
            for (ProductFlag f : l.flags()) {
                dg.add(CarrierService.DangerousGoods.valueOf(f.name()));
            }
        }
        return new CarrierService.Parcel(in.countryCode(), in.weightGrams(), in.orderValue(), in.currency(), dg,
                in.lines().size(), customsComplete);
    }

    private List<CarrierService> read(String carrierId) {
        try {
            Optional<CarrierGateway> gateway = carriers.apply(carrierId);
            if (gateway.isEmpty()) {
                return List.of();
            }
            List<CarrierService> declared = gateway.get().services();
            return declared == null ? List.of() : List.copyOf(declared);
        } catch (RuntimeException e) {
            // a plugin that fails to list its services is not checked here; its upload answers for it
            return List.of();
        }
    }
}
