"""Sponge-city LID measures per parcel: bioretention, permeable paving and green roof (m²), tanks (m³).

The new town (U1) and the waterfront (U6) are planned as sponge areas: their residential, public,
commercial, square and green parcels (sunken green in parks and green belts) are sized for a design depth drawn between 23 and 36 mm, so most
reach the 75 % annual runoff-volume control rate (25.2 mm with demo_daily_rainfall.csv) and some fall
short. About one in five old-neighbourhood (U2) parcels (not the historic water street) has a retrofit
sized for 40-70 %, and one in six industrial (U3) plots permeable paving and a rain garden on its yard;
villages, fields, woods, water and the parks outside U1 and U6 get nothing. Green roofs are 80 % of the footprints that the
buildings layer gives a green roof, wherever they are, so a park pavilion's green roof counts too.

Sizing follows lcr:sponge_capture on the green ratio g: ψ = 0.15·g + 0.85·(1 − g), storage needed
V = H·ψ·A / 1000 m³ (A m², H mm); permeable paving covers a share of the paved ground, schools and public
buildings hold a share of V in a tank, and bioretention takes the rest within bounds of the parcel area.
The ψ and storage depths copy resources/factors/runoff_coefficients.csv and lid_measures.csv as of 2026.
"""
PSI_GREEN, PSI_PAVED = 0.15, 0.85
STORAGE_M = {"bioretention": 0.2, "permeable_paving": 0.03, "green_roof": 0.05}   # m³ per m², tanks 1 m³/m³
PLANTED_SHARE = 0.8   # of a green roof's footprint: parapets, plant rooms and paths are not planted

# Programme per unit: who takes part, the design depth drawn (mm), bioretention bounds (share of the
# parcel) and the permeable share of the paved ground by land use.
SPONGE_PROGRAMMES = {
    "new": dict(share=1.0, depth_mm=(23.0, 36.0), bioretention=(0.03, 0.08),
                permeable={"0701": 0.4, "0801": 0.5, "0804": 0.5, "0806": 0.5, "0901": 0.3, "1403": 0.6,
                           "1401": 0.5, "1402": 0.0}),
    "retrofit": dict(share=0.2, depth_mm=(7.1, 21.2), bioretention=(0.01, 0.05),
                     permeable={"0701": 0.2, "0801": 0.3, "0804": 0.3, "0806": 0.3, "0901": 0.2, "1403": 0.4}),
    "industrial": dict(share=1 / 6, depth_mm=(3.0, 8.0), bioretention=(0.0, 0.02),
                       permeable={"0801": 0.2, "1001": 0.15, "1101": 0.15}),
}
UNIT_PROGRAMME = {"U1": "new", "U6": "new", "U2": "retrofit", "U3": "industrial"}
TANK_SHARE = {"0801": 0.3, "0804": 0.3, "0806": 0.3}   # of V, held in a rainwater tank for reuse


def lid_measures(p, green_ratio, rng):
    """The four LID columns of a parcel, rounded to whole m² and m³; two draws from ``rng`` per
    parcel of a programme unit, so the stream does not depend on which parcels take part."""
    roofs = [b for b in p["buildings"] if b["roof"] == "green"]
    green_roof = PLANTED_SHARE * sum(b["geom"].area for b in roofs)
    out = dict(bioret_m2=0.0, perm_pave_m2=0.0, green_roof_m2=float(round(green_roof)), tank_m3=0.0)
    programme = SPONGE_PROGRAMMES.get(UNIT_PROGRAMME.get(p["unit"]))
    if programme is None:
        return out
    draw = rng.random(2)
    if p["lu"] not in programme["permeable"] or draw[0] >= programme["share"] or p["kind"] == "historic":
        return out
    area = p["geom"].area
    low, high = programme["depth_mm"]
    depth = low + draw[1] * (high - low)
    need = depth * (green_ratio * PSI_GREEN + (1 - green_ratio) * PSI_PAVED) * area / 1000.0
    paved = max(area * (1 - green_ratio) - sum(b["geom"].area for b in p["buildings"]), 0.0)
    permeable = programme["permeable"][p["lu"]] * paved
    tank = TANK_SHARE.get(p["lu"], 0.0) * need
    rest = need - tank - permeable * STORAGE_M["permeable_paving"] - green_roof * STORAGE_M["green_roof"]
    bio_low, bio_high = programme["bioretention"]
    bioretention = min(max(rest / STORAGE_M["bioretention"], bio_low * area), bio_high * area)
    out.update(bioret_m2=float(round(bioretention)), perm_pave_m2=float(round(permeable)),
               tank_m3=float(round(tank)))
    return out
