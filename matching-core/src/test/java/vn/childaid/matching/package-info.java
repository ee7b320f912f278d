/**
 * Test support shared by the module's tests: a small area tree ({@link vn.childaid.matching.TestScenarios}),
 * random scenarios over it ({@link vn.childaid.matching.RandomScenarios}), the contract written again
 * independently of the engine ({@link vn.childaid.matching.ContractOracle}) and the seeds property
 * tests run over ({@link vn.childaid.matching.Seeds}).
 */
package vn.childaid.matching;
