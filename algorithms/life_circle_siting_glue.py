"""lcr:site_facilities for the whole 15-minute life circle: every facility type of the life-circle table
sited jointly (core.siting.solve_whole), so that the share of each unit's residents reaching *all* types
(full_pct of Community life circles, the 15-minute coverage rule) reaches the target."""
import numpy as np
import shapely
from qgis.core import QgsProcessingException

from ..core import life_circle as lc
from ..core import siting

# Values of the facility type parameter meaning every type of the life-circle table at once.
WHOLE_NAMES = ("all", "all types", "all 15-minute life-circle types", "life circle", "life_circle",
               "15-minute life circle", "全部", "全部类型", "15分钟生活圈", "15分钟生活圈全部类型")


def is_whole(value):
    return str(value or "").strip().lower() in WHOLE_NAMES


class WholeLifeCircleMixin:
    """Needs the helpers of SiteFacilities (_eligible, _distances, read_network, read_points, …)."""

    def site_whole(self, parameters, context, feedback, s):
        """Sites of every type; returns (found, needs, after, notes, fac_types per site) as the one-type path."""
        if s["k"] is not None:
            raise QgsProcessingException(self.tr(
                "All 15-minute life-circle types finds the fewest sites reaching the target: set Number of new "
                "sites to 0."))
        existing, type_idx = s["existing"], s["type_idx"]
        if existing is not None and type_idx < 0:
            raise QgsProcessingException(self.tr(
                "All 15-minute life-circle types needs the Facility type field of “{layer}”: which type each "
                "existing facility is.").format(layer=existing.sourceName()))
        if parameters.get(self.DISTANCE) not in (None, ""):
            feedback.pushWarning(self.tr("All 15-minute life-circle types: the walking distance given is not used; "
                                         "each type keeps its own distance from the table."))
        path = (self.parameterAsFile(parameters, self.FACILITY_TABLE, context)
                or self.factor_table("life_circle_facilities.csv", feedback))
        table = lc.read_facility_table(path)
        names = list(table["fac_type"])
        distances = [float(d) for d in table["distance_m"]]
        homes, weight, unit, n_units = s["homes"], s["weight"], s["unit"], s["n_units"]
        ex_points, ex_row = np.zeros(0, dtype=object), np.zeros(0, dtype=int)
        if existing is not None:
            chunk, points = self.read_points(existing, s["work_crs"], context, feedback, text=[type_idx],
                                             only_fields=True)
            ex_row, _unknown = lc.classify_facilities(chunk.values[type_idx], table)
            keep = ~shapely.is_missing(points) & (ex_row >= 0)
            ex_points, ex_row = points[keep], ex_row[keep]
        else:
            feedback.pushInfo(self.tr("No existing facilities given: every home starts uncovered."))
        net = self.read_network(s["roads"], s["work_crs"], context, feedback) if s["roads"] is not None else None
        types = []
        for i, (name, distance) in enumerate(zip(names, distances)):
            self.check_canceled(feedback)
            feedback.pushInfo(self.tr("Facility type {type}: walking distance {d:g} m, {n} existing.").format(
                type=name, d=distance, n=int((ex_row == i).sum())))
            eligible = self._eligible(parameters, context, feedback, s["candidates"], s["cand_chunk"],
                                      s["cand_points"], s["lu_idx"], name)
            covered, pair_home, pair_cand, _off = self._distances(
                s["roads"], s["work_crs"], context, feedback, homes, ex_points[ex_row == i], s["cand_points"],
                eligible, distance, s["max_snap"], net=net)
            types.append(siting.TypeReach(pair_home, pair_cand, covered, len(s["cand_points"]), name))
        needs = siting.whole_needs(types, weight, unit, n_units, s["target"])
        solution = siting.solve_whole(types, weight, unit, n_units, s["target"], s["time_limit"],
                                      xy=siting.point_xy(homes), cells=siting.cell_sizes(min(distances)),
                                      is_canceled=feedback.isCanceled)
        self._log_whole(solution, names, feedback)
        full = siting.full_after(types, solution.chosen, len(weight))
        inside = unit >= 0
        after = {"covered": np.bincount(np.where(inside, unit, 0), np.where(inside, weight, 0.0) * full, n_units)}
        notes = self._whole_notes(types, names, distances, needs, after, s["target"], weight, unit,
                                  s["by_population"])
        chosen, new_pop, fac = [], [], []
        for i in solution.order:              # the scarcest type first; within a type, the site adding most first
            t = types[i]
            if not len(solution.chosen[i]):
                continue
            problem, _ = siting.build_problem(t.pair_home, t.pair_cand, t.n_candidates, weight, unit, t.covered,
                                              np.ones(n_units))
            ranked, new = siting.rank(problem, solution.chosen[i])
            chosen.append(ranked)
            new_pop.append(new)
            fac += [names[i]] * len(ranked)
        n = len(fac)
        found = {"chosen": np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64),
                 "new_pop": np.concatenate(new_pop) if new_pop else np.zeros(0), "method": solution.method,
                 "gap": solution.gap, "capacity": np.full(n, np.nan), "assigned": np.full(n, np.nan),
                 "fac_type": np.array(fac, dtype=object)}
        return found, needs, after, notes

    def _log_whole(self, solution, names, feedback):
        feedback.pushInfo(self.tr("All life-circle types sited jointly, in the order {order}: the sequential start "
                                  "has {n} sites ({pruned} redundant dropped).").format(
            order=", ".join(names[i] for i in solution.order), n=solution.sequential, pruned=solution.pruned))
        if solution.note:
            feedback.pushWarning(self.tr("The joint problem is too large for the MIP ({size}): the sequential answer "
                                         "is kept, which may use more sites than the fewest.").format(
                size=solution.note))
            feedback.pushInfo(self.tr("Each type alone needs at least the sites its LP relaxation proves: {b:,.0f} in "
                                      "all, so {n} sites are within {gap:.1f} % of the fewest.").format(
                b=solution.bound, n=solution.n_sites, gap=100.0 * solution.gap))
        elif solution.optimal and solution.bound_by == "lp":
            feedback.pushInfo(self.tr("The LP relaxation proved {n} sites the fewest in {s:.1f} s.").format(
                n=solution.n_sites, s=solution.seconds))
        elif solution.optimal:
            feedback.pushInfo(self.tr("HiGHS proved {n} sites the fewest in {s:.1f} s.").format(
                n=solution.n_sites, s=solution.seconds))
        elif np.isfinite(solution.gap):
            feedback.pushWarning(self.tr("The joint MIP: {n} sites, at least {b:,.0f} needed (optimality gap "
                                         "{gap:.1f} %, {s:.1f} s).").format(n=solution.n_sites, b=solution.bound,
                                                                             gap=100.0 * solution.gap,
                                                                             s=solution.seconds))
        else:
            feedback.pushWarning(self.tr("The joint MIP: {n} sites; HiGHS proved no bound in {s:.1f} s: how far it "
                                         "is from the fewest is unknown.").format(n=solution.n_sites,
                                                                                  s=solution.seconds))
        per_type = [f"{names[i]} {len(solution.chosen[i])}" for i in solution.order]
        feedback.pushInfo(self.tr("New sites by type: {list}.").format(list=", ".join(per_type)))

    def _whole_notes(self, types, names, distances, needs, after, target, weight, unit, by_population):
        """Why a unit stays below the target: the types some of its residents have no facility or eligible
        candidate of within the type's distance, with those residents."""
        who = self.tr("residents") if by_population else self.tr("buildings")
        n = len(weight)
        notes = []
        for u in range(len(needs["pop"])):
            if after["covered"][u] >= target * needs["pop"][u] - 1e-6:
                notes.append("")
                continue
            if not needs["short"][u]:
                notes.append(self.tr("Not reached."))
                continue
            mine = unit == u
            parts = []
            for t, name, d in zip(types, names, distances):
                left = float(weight[mine & ~t.covered & (np.bincount(t.pair_home, minlength=n) == 0)].sum())
                if left > 0:
                    parts.append(self.tr("{type} ({n:,.0f} {who} beyond {d:g} m)").format(
                        type=name, n=left, who=who, d=d))
            notes.append(self.tr("At most {pct:.1f} % can reach every type; no facility or eligible candidate within "
                                 "reach: {types}.").format(pct=100.0 * needs["reachable"][u] / needs["pop"][u],
                                                           types="; ".join(parts)))
        return np.array(notes, dtype=object)
