/**
 * The OptaPlanner model behind the engine. <b>Internal, not API: anything here may change in any
 * release.</b> The engine reaches it only through {@link vn.childaid.matching.solver.SolverRun},
 * which builds the model from a scenario and start lines ({@link
 * vn.childaid.matching.solver.SolverModel}), solves it and reads plan lines back; it is the only
 * class that touches OptaPlanner's implementation types. Everything else is package-private, except
 * what OptaPlanner instantiates by reflection — the constraint provider, the solution cloner, the
 * move factories, the shadow-variable listener and the difficulty comparator — which must stay
 * public with public no-argument constructors; their other members are package-private.
 *
 * <h2>Why lots</h2>
 * The planning entity is a {@link vn.childaid.matching.solver.Lot}: a fixed share of one need's
 * uncommitted open units, funded whole by one eligible offer or by none. A need's lots have sizes
 * 1, 2, 4, … and a remainder, so every funded amount from 0 to the whole need is some choice of
 * lots, with only about log₂(units) + 1 entities per need: a province (~3,000 needs, tens of
 * thousands of units) is ~20,000 lots, the whole country about twenty times that.
 * We considered and rejected:
 * <ul>
 *   <li>one entity per unit — exact but 10–100× more entities, and most moves change one child;</li>
 *   <li>one entity per (need, offer) pair with a units variable — the pair count is needs × eligible
 *       offers, mostly zero, and an integer variable with a wide range makes moves blind;</li>
 *   <li>one entity per need, whole or nothing — cannot express partial funding or co-funding.</li>
 * </ul>
 * Two hard rules hold by construction: a need can never be funded beyond its open quantity (its
 * lots partition exactly the open units left after commitments), and a lot's value range is the
 * offers eligible for its need. Commitments are folded into the facts as constants (capacity
 * used, committed units, committed donors and needs), so they can never move.
 *
 * <h2>Search</h2>
 * The solve starts from the better of {@link vn.childaid.matching.baseline.GreedyAllocator}'s two
 * plans — offers with the most left first, or the least contested first — which the engine passes
 * in as start lines: each line gets lots of its own, so the start is reproduced exactly, and it
 * serves as the construction, so no construction heuristic runs (first-fit-decreasing over every lot
 * added nothing to the top tiers and cost seconds on a province, hours on the country). Only a solve
 * told not to start from the greedy ({@code SolveOptions.withGreedyStart(false)}, for studying the
 * solver alone) runs first-fit-decreasing, ordered by {@link
 * vn.childaid.matching.solver.LotDifficultyComparator}, from the empty plan. Then tabu search mixes
 * change and swap moves on single lots, {@link vn.childaid.matching.solver.ReassignLotsMove}s that
 * re-decide all lots of one need at once — release it, or refill it from offers with room, bumping
 * lots of equal or lower priority off an offer when none has room — so an all-or-nothing need is
 * funded in one step instead of crossing partly-funded states the hard level punishes, and transfers
 * that hand an offer's capacity from one need to another ({@link
 * vn.childaid.matching.solver.TransferMoveFactory}). Offers are shadow entities that know their lots
 * and the capacity those use ({@link vn.childaid.matching.solver.CapacityUsedListener}), so these
 * moves see room in O(1).
 *
 * <h2>Exact start</h2>
 * When OR-Tools is there and exact work is on, a solve that is not a re-plan, of a scenario with at
 * most {@link vn.childaid.matching.solver.SolverRun#EXACT_START_MAX_LINES} eligible (need, offer)
 * lines, first spends up to {@link vn.childaid.matching.solver.SolverRun#EXACT_START_SHARE} of its
 * time improving the start exactly on <em>lines</em>, not lots ({@link
 * vn.childaid.matching.solver.CpSatStartSolver}: one integer per line, every hard rule): CP-SAT
 * maximises the first priority level (from scratch: from the greedy's plan as a hint its search
 * stayed near that plan); the greedy refills around the lines it gave that level, as if they were
 * committed (an exact solver maximising one level leaves the rest in disarray); then the second
 * level, the first held, from that plan as the hint, and the same refill. The lot model is rebuilt
 * around the new lines, which it reproduces exactly, and a new start is taken only when the rulebook's
 * audit finds no more broken rules than in the current one and it is better level by level. Lines
 * rather than lots because a need of 300 units has 20 lots and CP-SAT on lots spends its time on
 * their permutations: on the contention family's small members a whole-model solve on lines reached
 * T_2 at 99% of the bound within 10 s where the lot-based neighbourhoods below reached 82%. The
 * start is published (and reported to a progress listener) before the exact start begins; a
 * cancel stops CP-SAT and ends the solve with the best start so far.
 *
 * <h2>Exact neighbourhoods</h2>
 * When OR-Tools is on the class path (an optional dependency) and not switched off ({@code
 * SolveOptions.withExactNeighbourhoods(false)}), a custom phase runs between the start and local
 * search: {@link vn.childaid.matching.solver.ExactNeighbourhoodPhase} picks a seed offer that could
 * fund demand still unfunded and the offers sharing most eligible needs with it (higher tiers
 * weighing far more), and re-decides their lots exactly with CP-SAT ({@link
 * vn.childaid.matching.solver.CpSatNeighbourhoodSolver}) — every hard rule encoded with the other lots
 * as constants ({@link vn.childaid.matching.solver.Neighbourhood}), the tiers maximised one after the
 * other in the score's own milli-children — and writes the result back through the score director,
 * keeping it only if the whole score is not worse. Deciding lots, not units, means every solution
 * is a plan the model can hold; pinned lots are never free. Local search tuning had stalled where
 * money runs out (the issue on contention): a neighbourhood solved exactly makes the coordinated
 * changes across a dozen offers that single moves cannot chain. Without OR-Tools or its natives
 * the check in {@link vn.childaid.matching.solver.ExactNeighbourhoods} logs once and the engine
 * runs local search alone; no OR-Tools type is named outside the CP-SAT class, which is loaded by
 * name after that check. The phase uses at most {@link
 * vn.childaid.matching.solver.AllocationSolverConfig#EXACT_PHASE_SHARE} of the time left and ends
 * earlier once a pass of its largest neighbourhoods gains nothing. It is the only class besides
 * {@link vn.childaid.matching.solver.SolverRun} that touches OptaPlanner's implementation types (the
 * custom-phase command and the inner score director, to score a write-back before keeping it).
 *
 * <h2>Score</h2>
 * A {@code BendableLongScore} with one hard level and the soft levels laid out in {@link
 * vn.childaid.matching.solver.ScoreLevels}: one per tier (STRICT; WEIGHTED uses the first alone),
 * the stability of a balanced re-plan (previous lines changed or dropped, see {@link
 * vn.childaid.matching.solver.PreviousLinesChangedCollector}), especially-difficult-first, donor
 * preferences, fairness, fewer donors per need, fewer lines. A re-plan's fixed lines ({@code KEEP})
 * are folded into the facts like commitments, and their offers leave the need's value range, so
 * they can neither move nor grow.
 * Children reached are counted in milli-children so the score stays integral.
 */
package vn.childaid.matching.solver;
