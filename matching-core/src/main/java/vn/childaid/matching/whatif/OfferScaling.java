package vn.childaid.matching.whatif;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import vn.childaid.matching.scenario.Offer;

/**
 * Scaling one offer, for change sets' {@code scaleOffers} and budget sweeps alike: a cash offer's
 * amount or an in-kind offer's quantity times the factor, rounded down to a whole VND or unit.
 */
final class OfferScaling {
    private OfferScaling() {}

    /** The capacity {@code offer} would have scaled by {@code factor}, rounded down. */
    static BigDecimal scaledCapacity(Offer offer, BigDecimal factor) {
        return BigDecimal.valueOf(offer.capacity()).multiply(factor).setScale(0, RoundingMode.FLOOR);
    }

    /** The most an offer's capacity may be: what its amount (VND) or quantity (units) can hold. */
    static long mostCapacity(Offer offer) {
        return offer.isCash() ? Long.MAX_VALUE : Integer.MAX_VALUE;
    }

    /** The offer scaled, or empty when its scaled capacity is beyond {@link #mostCapacity}. */
    static Optional<Offer> scaled(Offer offer, BigDecimal factor) {
        BigDecimal capacity = scaledCapacity(offer, factor);
        if (capacity.compareTo(BigDecimal.valueOf(mostCapacity(offer))) > 0) {
            return Optional.empty();
        }
        return Optional.of(offer.isCash() ? offer.toBuilder().amount(capacity.longValueExact()).build()
                : offer.toBuilder().quantity(capacity.intValueExact()).build());
    }
}
