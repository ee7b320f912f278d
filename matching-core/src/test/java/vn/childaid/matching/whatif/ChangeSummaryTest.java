package vn.childaid.matching.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.json.ChangeSetJson;
import vn.childaid.matching.scenario.Scenario;

/** What a change set did, counted from the scenarios before and after. */
class ChangeSummaryTest {
    private static ChangeSummary summaryOf(String changesJson) {
        ChangeSet changeSet = ChangeSetJson.read("{\"formatVersion\": 1, \"name\": \"s\", \"changes\": [" + changesJson + "]}", "s");
        Scenario before = ChangeSetTest.scenario();
        return ChangeSummary.of(changeSet, before, changeSet.applyTo(before, Optional.empty()));
    }

    @Test
    void moneyAddedAndRemovedCountsNewWithdrawnRaisedAndLoweredOffers() {
        ChangeSummary summary = summaryOf("""
                {"op": "removeOffer", "offer": "O-4"},
                {"op": "scaleOffers", "factor": 2, "offers": ["O-3"]},
                {"op": "updateOffer", "offer": "O-1", "set": {"amount": 9000000}},
                {"op": "addOffer", "offer": {"id": "O-9", "donor": "D-1", "kind": "CASH", "amount": 500000}}""");
        // O-3: 7 more units at 300,000 VND; O-9: 500,000 new. O-4: 1,000,000 withdrawn; O-1: 1,000,000 less.
        assertEquals(7 * 300_000L + 500_000, summary.moneyAdded());
        assertEquals(2_000_000, summary.moneyRemoved());
        assertEquals(new ChangeSummary.Count(1, 1, 2, 4), summary.offers());
        assertEquals(Map.of("removeOffer", 1, "scaleOffers", 1, "updateOffer", 1, "addOffer", 1), summary.changesPerOp());
        assertEquals(List.of("removeOffer", "scaleOffers", "updateOffer", "addOffer"), List.copyOf(summary.changesPerOp().keySet()));
        assertFalse(summary.policyChanged());
    }

    @Test
    void needsChildrenCommittedUnitsAndPolicy() {
        ChangeSummary summary = summaryOf("""
                {"op": "removeNeed", "need": "N-2"},
                {"op": "addNeed", "need": {"id": "N-9", "village": "24457-01", "category": "CLOTHING", "children": 30, "quantity": 30, "unitCost": 400000}},
                {"op": "updateNeed", "need": "N-3", "set": {"urgency": "HIGH"}},
                {"op": "commitLines", "lines": [{"offer": "O-1", "need": "N-1", "units": 3}, {"offer": "O-4", "need": "N-3", "units": 1}]},
                {"op": "setPolicy", "policy": {"preset": "PHASE_2_2022_2025"}}""");
        assertEquals(new ChangeSummary.Count(1, 1, 1, 3), summary.needs());
        assertEquals(30, summary.childrenAdded());
        assertEquals(5, summary.childrenRemoved());
        assertEquals(4, summary.unitsCommitted(), "3 more on the existing O-1 → N-1, 1 new");
        assertEquals(2, summary.commitmentsAfter());
        assertTrue(summary.policyChanged());
        assertEquals(0, summary.moneyAdded() + summary.moneyRemoved());
    }
}
