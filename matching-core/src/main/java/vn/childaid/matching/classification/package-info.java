/**
 * How needs and places are classified, as the plan asks ("needs assessed and classified"): the
 * support {@link vn.childaid.matching.classification.Category category}, the children's
 * {@link vn.childaid.matching.classification.AgeBand age band}, the
 * {@link vn.childaid.matching.classification.Urgency urgency} and the commune's
 * {@link vn.childaid.matching.classification.Region region}. Both the scenario and the policy speak
 * these words, so they live below both and neither package depends on the other's internals.
 */
package vn.childaid.matching.classification;
