"""The shelter part of lcr:site_facilities: capacities of the candidates and of the existing shelters, the
capacitated covering problem (core.shelter_siting) and the check of its answer by the assignment of
lcr:shelter_coverage (core.shelter.assign). A mixin of SiteFacilities, which holds the parameters."""
import numpy as np
import shapely
from qgis.core import QgsProcessingException, QgsWkbTypes

from ..core import network, shelter, siting
from ..core import shelter_siting as ss


class ShelterSitingMixin:
    def site_shelters(self, parameters, context, feedback, data):
        """Fewest new shelters (or best k) by capacity; returns (solution-like dict) for the outputs."""
        table = shelter.read_standards(self.factor_table("shelter_standards.csv", feedback))
        keys = table["shelter_type"].str.lower()
        row = table[keys == shelter.EMERGENCY]
        per_cap_new = float((row if len(row) else table[keys == "default"])["per_cap_m2"].iloc[0])
        cand_ids = np.flatnonzero(data["eligible"])
        cap_new = shelter.capacities(self._candidate_area(parameters, context, feedback, data)[cand_ids], per_cap_new)
        feedback.pushInfo(self.tr("New shelters hold their effective area / {m:g} m² per person (the emergency "
                                  "shelter standard); together the eligible candidates hold {c:,.0f} persons.")
                          .format(m=per_cap_new, c=float(cap_new.sum())))
        ex_points, cap_ex = self._existing_shelters(parameters, context, feedback, data, table)
        sites = np.concatenate([ex_points, data["cand_points"][cand_ids]])
        capacity = np.r_[cap_ex, cap_new]
        fixed = np.r_[np.ones(len(ex_points), bool), np.zeros(len(cand_ids), bool)]
        homes, weight, unit, distance = data["homes"], data["weight"], data["unit"], data["distance"]
        pb, ps, pd_ = self._shelter_pairs(parameters, context, feedback, data, sites)
        self.check_canceled(feedback)

        inside = unit >= 0
        pop = np.bincount(unit[inside], weight[inside], data["n_units"])
        goal = data["target"] * pop
        before = self._assign(feedback, homes, weight, capacity, fixed, pb, ps, pd_)
        problem, cell_m = self._problem(feedback, homes, weight, unit, pb, ps, capacity, fixed, goal, distance)
        feedback.pushInfo(self.tr("Capacitated covering problem: {g} demand groups, {e} existing shelters, {m} "
                                  "eligible candidates, {p} pairs within {d:g} m.").format(
            g=problem.cover.shape[0], e=int(fixed.sum()), m=len(cand_ids), p=problem.cover.nnz, d=distance))
        solution = ss.solve(problem, data["k"], data["time_limit"], is_canceled=feedback.isCanceled)
        open_ = fixed.copy()
        open_[solution.chosen] = True
        after = self._assign(feedback, homes, weight, capacity, open_, pb, ps, pd_)
        if cell_m is not None:
            self.log_aggregation(feedback, cell_m, problem)
        k = data["k"]
        self._log_solution(solution, k, feedback, placed=float(solution.load.sum()),
                           what=self.tr("new shelters") if k is None else self.tr("residents placed"))
        chosen, gap = solution.chosen, solution.gap
        if data["k"] is None:
            added, after = self._top_up(feedback, homes, weight, unit, capacity, open_, pb, ps, pd_, solution.need,
                                        after)
            if len(added):       # the MIP's bound still holds: ceil(bound) = n (1 − gap)
                gap = (len(chosen) + len(added) - len(chosen) * (1.0 - gap)) / (len(chosen) + len(added))
                chosen = np.r_[chosen, added].astype(np.int64)
        order = chosen[np.argsort(-after["load"][chosen], kind="stable")]
        reach_home = np.bincount(pb, minlength=len(homes)) > 0
        per_unit = {name: np.bincount(unit[inside], values[inside], data["n_units"]) for name, values in (
            ("covered", before["assigned"]), ("after", after["assigned"]), ("reachable", weight * reach_home))}
        return {"chosen": cand_ids[order - len(ex_points)], "assigned": after["load"][order],
                "new_pop": after["load"][order],
                "capacity": capacity[order], "method": solution.method, "gap": gap,
                "pop": pop, "covered": per_unit["covered"], "after": per_unit["after"],
                "reachable": per_unit["reachable"], "short_capacity": solution.need < goal - 1e-6}

    def _top_up(self, feedback, homes, weight, unit, capacity, open_, pb, ps, pd_, need, after):
        """Sites added (``ss.top_up_site``) until the assignment of lcr:shelter_coverage meets every
        unit's need; returns them and the last assignment."""
        added = []
        while True:
            self.check_canceled(feedback)
            j = ss.top_up_site(unit, weight, after["assigned"], need, capacity, open_, pb, ps)
            if j < 0:
                break
            open_[j] = True
            added.append(j)
            after = self._assign(feedback, homes, weight, capacity, open_, pb, ps, pd_)
        if added:
            feedback.pushWarning(self.tr(
                "Shelters added after the MIP: {n}. The assignment of Emergency shelter coverage (the most "
                "residents placed over all units, then the nearest) gave places the MIP kept for some units to "
                "residents of other units.").format(n=len(added)))
        return np.array(added, dtype=np.int64), after

    def _assign(self, feedback, homes, weight, capacity, open_, pb, ps, pd_):
        """The assignment of lcr:shelter_coverage with the ``open_`` sites only (as it would see them: the
        pairs of closed candidates would count towards its size limits)."""
        keep = open_[ps]
        return shelter.assign(len(homes), weight, np.where(open_, capacity, 0.0), pb[keep], ps[keep], pd_[keep],
                              is_canceled=feedback.isCanceled)

    # ---- inputs -------------------------------------------------------------------------------
    def _candidate_area(self, parameters, context, feedback, data):
        """Effective area (m²) of every candidate: the area field, else the parcel's area × the share."""
        candidates, chunk, area_idx = data["candidates"], data["cand_chunk"], data["cand_area_idx"]
        if area_idx >= 0:
            area = chunk.values[area_idx]
            bad = int((~(area >= 0) & data["eligible"]).sum())
            if bad:
                feedback.pushWarning(self.tr("{n} eligible candidates have a missing or negative effective area: "
                                             "they hold nobody.").format(n=bad))
            return np.where(area >= 0, area, 0.0)
        if QgsWkbTypes.geometryType(candidates.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise QgsProcessingException(self.tr(
                "Shelter capacities need the effective area of each candidate: give the effective area field of "
                "“{layer}”, or parcels, or untick Respect shelter capacities.").format(layer=candidates.sourceName()))
        share = self.parameterAsDouble(parameters, self.EFFECTIVE_SHARE, context) / 100.0
        feedback.pushWarning(self.tr("Effective area of a candidate parcel = {pct:g} % of its area (an assumption "
                                     "of the toolkit, not a standard: give an effective area field where known).")
                             .format(pct=100.0 * share))
        return np.nan_to_num(shapely.area(chunk.geometry), nan=0.0) * share

    def _existing_shelters(self, parameters, context, feedback, data, table):
        """Points and capacities (persons; inf where neither an area nor a capacity is known) of the
        existing shelters, as lcr:shelter_coverage computes them."""
        existing = data["existing"]
        if existing is None:
            feedback.pushInfo(self.tr("No existing shelters given: every resident starts without a place."))
            return np.zeros(0, dtype=object), np.zeros(0)
        area_idx = self.field_index(parameters, self.FACILITY_AREA_FIELD, existing, context)
        cap_idx = self.field_index(parameters, self.FACILITY_CAPACITY_FIELD, existing, context)
        type_idx = data["type_idx"]
        chunk, points = self.read_points(existing, data["work_crs"], context, feedback,
                                         numeric=[i for i in (area_idx, cap_idx) if i >= 0],
                                         text=[type_idx] if type_idx >= 0 else [], only_fields=True)
        keep = ~shapely.is_missing(points)
        n = len(points)
        types = chunk.values[type_idx] if type_idx >= 0 else np.full(n, None, dtype=object)
        per_cap, _, _, _ = shelter.shelter_standards(types, table, data["distance"])
        if area_idx < 0 and cap_idx < 0:
            feedback.pushWarning(self.tr("The existing shelters have no effective area or capacity field: each "
                                         "counts as holding everyone within reach."))
            capacity = np.full(n, np.inf)
        else:
            area = chunk.values[area_idx] if area_idx >= 0 else np.zeros(n)
            capacity = shelter.capacities(np.where(area >= 0, area, 0.0), per_cap,
                                          chunk.values[cap_idx] if cap_idx >= 0 else None)
        feedback.pushInfo(self.tr("{n} existing shelters in “{layer}”, holding {c:,.0f} persons, count within {d:g} m "
                                  "whatever their class.").format(n=int(keep.sum()), layer=existing.sourceName(),
                                                                  c=float(np.nansum(np.where(np.isfinite(capacity),
                                                                                             capacity, 0.0)[keep])),
                                                                  d=data["distance"]))
        return points[keep], capacity[keep]

    def _shelter_pairs(self, parameters, context, feedback, data, sites):
        """(home, site, distance) within the distance, as lcr:shelter_coverage finds them."""
        homes, roads, max_snap = data["homes"], data["roads"], data["max_snap"]
        reach = np.where(shapely.is_missing(sites), 0.0, data["distance"])
        if roads is None:
            feedback.pushWarning(self.tr("No roads given: distances are straight lines, which over-state access "
                                         "where barriers force detours."))
            return shelter.candidates(homes, sites, reach)
        net = self.read_network(roads, data["work_crs"], context, feedback)
        home_snap, site_snap = network.snap(net, homes, max_snap), network.snap(net, sites, max_snap)
        off = int((~shapely.is_missing(homes) & ~home_snap.on_network).sum())
        if off:
            feedback.pushWarning(self.tr("{n} homes are farther than {d} m from every road: no site can reach "
                                         "them.").format(n=off, d=max_snap))
        return shelter.candidates(homes, sites, reach, net, home_snap, site_snap, is_canceled=feedback.isCanceled)

    def _problem(self, feedback, homes, weight, unit, pb, ps, capacity, fixed, goal, distance):
        """The exact problem, or, above the MIP's size, one of demand points in grid cells (the first
        of ``siting.cell_sizes`` that fits; the largest if none does)."""
        problem, _ = ss.build(pb, ps, weight, unit, capacity, fixed, goal)
        if problem.cover.nnz <= siting.MAX_MIP_PAIRS:
            return problem, None
        xy = siting.point_xy(homes)
        active = (weight > 0) & (unit >= 0)
        for cell_m in siting.cell_sizes(distance):
            self.check_canceled(feedback)
            cell, pc, pss = siting.aggregate(xy, unit, active, pb, ps, cell_m)
            problem, _ = ss.build(None, None, weight, unit, capacity, fixed, goal, cell, (pc, pss))
            if problem.cover.nnz <= siting.MAX_MIP_PAIRS:
                break
        return problem, cell_m

    # ---- outputs ------------------------------------------------------------------------------
    def log_aggregation(self, feedback, cell_m, problem):
        feedback.pushWarning(self.tr(
            "The problem is large: homes of one unit in one {c:g} m grid cell are one demand point, reaching the "
            "sites that reach all of them (conservative: the answer may use more sites than the exact optimum; "
            "what it reaches is checked on the homes). {g} demand groups, {p} pairs.").format(
                c=cell_m, g=problem.cover.shape[0], p=problem.cover.nnz))
