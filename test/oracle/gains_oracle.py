#!/usr/bin/env python3
"""Independent recomputation of effekt gains for the hand-checkable case in fixtures/gains_case.json.

Written from the rules in data-schemas/gains-model.md, not from effekt's code (standard library only):
- year k after a draw on date d runs [d + (k-1) years, d + k years); a flow in it is split over calendar years by
  the days that fall in each;
- the effect in year k: measured where measured, linear between measured years, x (1 - decay) per year beyond the
  last measured year, the first measured value before it;
- gain = effect x count x unit value (moved to the model's price year with the price index);
- only additional costs count (the sensitivity row adds the rest);
- a rate-card line pays successes x price only when successes >= min_successes; successes = n x effect(follow-up)
  (net of control) or n x (control rate + effect) (gross), clamped to [0, n]; paid in the calendar year in which
  the last wave's follow-up year ends;
- the afkastloft / afkastgulv adjust the repayment at the settlement year (the last payment year) so that the
  investor's IRR equals the cap / floor;
- accounts: kommune = gains - costs - repayment, region and stat = gains - costs, public = their sum,
  investor = repayment - disbursements; PV with 1 / (1 + r)^(Y - year0).

Usage: python3 test/oracle/gains_oracle.py  (writes test/oracle/fixtures/gains_oracle.json)
"""
import copy
import datetime as dt
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February -> 28 February
        return dt.date(d.year + n, 2, 28)


def share(draw, k, year):
    a = add_years(draw, k - 1)
    b = add_years(draw, k)
    lo = max(a, dt.date(year, 1, 1))
    hi = min(b, dt.date(year + 1, 1, 1))
    return max(0, (hi - lo).days) / (b - a).days


def effect(eff, k):
    m = eff["measured"]
    for x in m:
        if x["year"] == k:
            return x["estimate"]
    if k < m[0]["year"]:
        return m[0]["estimate"]
    if k > m[-1]["year"]:
        return m[-1]["estimate"] * (1 - eff["decay_after_last"]) ** (k - m[-1]["year"])
    for lo, hi in zip(m, m[1:]):
        if lo["year"] < k < hi["year"]:
            return lo["estimate"] + (hi["estimate"] - lo["estimate"]) * (k - lo["year"]) / (hi["year"] - lo["year"])
    raise ValueError(k)


def to_prices(model, amount, price_year):
    if price_year == model["price_year"]:
        return amount
    idx = model["price_index"]["values"]
    return amount * idx[str(model["price_year"])] / idx[str(price_year)]


def npv(flows, r):
    return sum(cf / (1 + r) ** t for t, cf in enumerate(flows))


def irr(flows):
    # secant/Newton-free: Illinois-style regula falsi on (-0.999999, 10)
    lo, hi = -0.999999, 10.0
    flo, fhi = npv(flows, lo), npv(flows, hi)
    assert flo * fhi < 0
    for _ in range(2000):
        mid = hi - fhi * (hi - lo) / (fhi - flo)
        fm = npv(flows, mid)
        if fm == 0 or abs(hi - lo) < 1e-15:
            return mid
        if (fm > 0) == (fhi > 0):
            hi, fhi = mid, fm
            flo /= 2
        else:
            lo, flo = mid, fm
            fhi /= 2
    return mid


def compute(model, cohorts, include_non_additional=False):
    H = model["horizon_years"]
    y0 = model["year0"]
    r = model["discount_rate"]["value"]
    draws = [dt.date.fromisoformat(c["draw_date"]) for c in cohorts]
    last = y0 + max(H, 5) - 1
    for d in draws:
        end = add_years(d, H) - dt.timedelta(days=1)
        last = max(last, end.year)

    def follow_up_year_end(d, k):
        return (add_years(d, k) - dt.timedelta(days=1)).year

    pm = model["payment_model"]
    pay_year = [max(y0, max(follow_up_year_end(d, l["follow_up_year"]) for d in draws)) for l in pm["rate_card"]]
    settle = max(pay_year)
    last = max(last, settle, *[x["year"] for x in pm["disbursements"]])
    years = list(range(y0, last + 1))
    payers = ["kommune", "region", "stat"]
    gains = {p: [0.0] * len(years) for p in payers}
    costs = {p: [0.0] * len(years) for p in payers}
    since = [{p: 0.0 for p in payers} for _ in range(H)]
    for o in model["outcomes"]:
        for u in o["unit_values"]:
            uv = to_prices(model, u["value_dkk"], u["price_year"])
            for c, d in zip(cohorts, draws):
                n = c["counts"][o["id"]]
                for k in range(1, H + 1):
                    e = effect(o["effect"], k)
                    for t, Y in enumerate(years):
                        gains[u["payer"]][t] += e * n * uv * share(d, k, Y)
                    since[k - 1][u["payer"]] += e * n * uv
    for c in model["costs"]["items"]:
        if c["additional"] or include_non_additional:
            for b in c["by_budget_year"]:
                costs[c["payer"]][b["year"] - y0] += to_prices(model, b["dkk"], c["price_year"])
    for s in model["costs"]["staff"]:
        if s["additional"] or include_non_additional:
            for Y in s["budget_years"]:
                costs[s["payer"]][Y - y0] += s["hours_per_week"] * s["weeks_per_year"] * to_prices(model, s["hourly_cost_dkk"]["value"], s["hourly_cost_dkk"]["price_year"])
    for c in model["costs"]["per_treatment_unit"]:
        if c["additional"] or include_non_additional:
            for co, d in zip(cohorts, draws):
                for k, amt in enumerate(c["dkk_by_year_since_draw"], start=1):
                    for t, Y in enumerate(years):
                        costs[c["payer"]][t] += co["treatment_units"] * to_prices(model, amt, c["price_year"]) * share(d, k, Y)
    lines = []
    payments = [0.0] * len(years)
    for l, py in zip(pm["rate_card"], pay_year):
        o = next(x for x in model["outcomes"] if x["id"] == l["outcome"])
        n = sum(c["counts"][o["id"]] for c in cohorts)
        e = effect(o["effect"], l["follow_up_year"])
        s = n * e if l["counting"] == "net_of_control" else n * (l["control_rate"]["value"] + e)
        s = min(n, max(0.0, s))
        met = s >= l["min_successes"]
        pay = s * l["price_per_success_dkk"] if (met or l.get("below_threshold") == "pro_rata") else 0.0
        payments[py - y0] += pay
        lines.append({"persons": n, "successes": s, "met": met, "payment": pay, "payment_year": py})
    disb = [0.0] * len(years)
    for x in pm["disbursements"]:
        disb[x["year"] - y0] += x["dkk"]
    flows = [p - d for p, d in zip(payments, disb)]
    S = settle - y0
    adj, limit = 0.0, "none"
    cap = pm["afkastloft"]["max_annual_return"]
    floor = pm["afkastgulv"]["min_annual_return"]
    if npv(flows, cap) > 0:
        adj, limit = -npv(flows, cap) * (1 + cap) ** S, "capped"
    elif npv(flows, floor) < 0:
        adj, limit = -npv(flows, floor) * (1 + floor) ** S, "raised_to_floor"
    repay = list(payments)
    repay[S] += adj
    acc = {
        "kommune": [gains["kommune"][t] - costs["kommune"][t] - repay[t] for t in range(len(years))],
        "region": [gains["region"][t] - costs["region"][t] for t in range(len(years))],
        "stat": [gains["stat"][t] - costs["stat"][t] for t in range(len(years))],
        "investor": [repay[t] - disb[t] for t in range(len(years))],
    }
    acc["public"] = [acc["kommune"][t] + acc["region"][t] + acc["stat"][t] for t in range(len(years))]
    df = [1 / (1 + r) ** t for t in range(len(years))]

    def tot(x, T, disc):
        return sum(x[t] * (df[t] if disc else 1) for t in range(min(T, len(x))))

    totals = {}
    for name, T in (("y3", 3), ("y5", 5), ("all", len(years))):
        totals[name] = {
            kind: {a: tot(acc[a], T, kind == "present_value") for a in acc}
            for kind in ("undiscounted", "present_value")
        }
    return {
        "years": years,
        "gains_by_payer": gains,
        "costs_by_payer": costs,
        "repayments": repay,
        "accounts": acc,
        "totals": totals,
        "since_draw_gains": [sum(row.values()) for row in since],
        "lines": lines,
        "repayment_before_limits": sum(payments),
        "adjustment": adj,
        "limit": limit,
        "repayment": sum(repay),
        "investor_irr": irr([p - d for p, d in zip(repay, disb)]),
        "investor_irr_before_limits": irr(flows),
    }


def main():
    with open(os.path.join(HERE, "fixtures", "gains_case.json")) as f:
        case = json.load(f)
    model, cohorts = case["model"], case["cohorts"]
    cap_model = copy.deepcopy(model)
    cap_model["payment_model"]["rate_card"][0]["price_per_success_dkk"] = case["cap_case_price_line_0"]
    floor = compute(model, cohorts)
    out = {
        "floor": floor,
        "cap": compute(cap_model, cohorts),
        "non_additional_included_public_net_pv_y5": compute(model, cohorts, include_non_additional=True)["totals"]["y5"]["present_value"]["public"],
    }
    with open(os.path.join(HERE, "fixtures", "gains_oracle.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
