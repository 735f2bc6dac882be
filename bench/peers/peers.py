#!/usr/bin/env python3
"""Peer implementations in vectorised numpy of three engine methods, on the same JSON the CLI reads.

    peers.py eg FILE          Ellison–Glaeser γ, G, H, Σx², z (METHODS.md §2) of an `ellison-glaeser` input
    peers.py region FILE      region mode: town × industry LQ matrix, locational Gini and EG γ per industry
    peers.py lq FILE          location quotients, Krugman and Hoover of a `location-quotient` input
    peers.py gen KIND OUT ... writes a deterministic synthetic input (eg, region or lq) for scripts/peer-bench.sh
    peers.py compare KIND PEER CLI   checks the CLI's output against the peer's to 1e-9 relative

Each method subcommand is what scripts/peer-bench.sh times as a whole process (interpreter start, import, reading
and parsing the JSON, computing, printing), as the CLI is timed. Output: JSON on stdout.
"""
import json
import math
import sys

import numpy as np


def load(path):
    with open(path, "rb") as f:
        return json.load(f)


def eg_stats(by_area, x, sum_x2, sum_x3, total, sum2, sum4):
    """γ, G, H and z from the industry's employment per area, area shares x and firm moments (REAT `ellison.a`)."""
    if not total > 0:
        return None, "no-employment"
    h = sum2 / (total * total)
    sum_z4 = sum4 / (total * total) ** 2
    d = by_area / total - x
    g = float(np.dot(d, d))
    one_minus_x2 = 1.0 - sum_x2
    if one_minus_x2 <= 1e-12:
        return None, "single-area"
    if 1.0 - h <= 1e-12:
        return None, "single-firm"
    excess = g - one_minus_x2 * h
    gamma = excess / (one_minus_x2 * (1.0 - h))
    s2, s3 = sum_x2, sum_x3
    var_g = 2.0 * (h * h * (s2 - 2.0 * s3 + s2 * s2) - sum_z4 * (s2 - 4.0 * s3 + 3.0 * s2 * s2))
    z = excess / math.sqrt(var_g) if var_g > 0 else None
    return {"gamma": gamma, "g": g, "h": h, "sum_x2": sum_x2, "z": z}, None


def shares(totals):
    x = totals / totals.sum()
    return x, float(np.dot(x, x)), float(np.dot(x, x * x))


def eg(path):
    d = load(path)
    keys = sorted(d["area_totals"])
    index = {k: i for i, k in enumerate(keys)}
    totals = np.array([d["area_totals"][k] for k in keys], dtype=float)
    firms = d["firms"]
    n = len(firms)
    area = np.fromiter((index[f["area"]] for f in firms), dtype=np.intp, count=n)
    size = np.fromiter((f["size"] for f in firms), dtype=float, count=n)
    x, sum_x2, sum_x3 = shares(totals)
    by_area = np.bincount(area, weights=size, minlength=len(keys))
    size2 = size * size
    stats, why = eg_stats(by_area, x, sum_x2, sum_x3, size.sum(), size2.sum(), np.dot(size2, size2))
    out = {"method": "ellison-glaeser", "firms": n, "areas": len(keys)}
    out.update(stats or {"undefined": why})
    return out


def region(path):
    d = load(path)
    towns = sorted(d["towns"])
    industries = sorted({i for t in towns for i in d["towns"][t]})
    t_index = {k: i for i, k in enumerate(towns)}
    i_index = {k: i for i, k in enumerate(industries)}
    nt, ni = len(towns), len(industries)
    emp = np.zeros((nt, ni))
    for t in towns:
        row = emp[t_index[t]]
        for i, v in d["towns"][t].items():
            row[i_index[i]] = v
    town_totals = emp.sum(axis=1)
    county = town_totals.sum()
    ind_totals = emp.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        lq = np.where(ind_totals > 0, (emp / town_totals[:, None]) / (ind_totals / county), 0.0)
    # Locational Gini per industry (REAT `gini.conc`): sorted LQs of the industry over the towns.
    srt = np.sort(lq, axis=0)
    mean = srt.mean(axis=0)
    rank = np.arange(1, nt + 1, dtype=float)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        gini = 2.0 / (nt * nt * mean) * (rank * (srt - mean)).sum(axis=0)
    # Firms grouped by industry in one pass: employment per (industry, town) cell and size moments per industry.
    firms = d.get("firms", [])
    n = len(firms)
    ti = np.fromiter((t_index[f["town"]] for f in firms), dtype=np.intp, count=n)
    ii = np.fromiter((i_index[f["industry"]] for f in firms), dtype=np.intp, count=n)
    z = np.fromiter((f["employment"] for f in firms), dtype=float, count=n)
    cells = np.bincount(ii * nt + ti, weights=z, minlength=ni * nt).reshape(ni, nt)
    z2 = z * z
    count = np.bincount(ii, minlength=ni)
    sum1 = np.bincount(ii, weights=z, minlength=ni)
    sum2 = np.bincount(ii, weights=z2, minlength=ni)
    sum4 = np.bincount(ii, weights=z2 * z2, minlength=ni)
    x, sum_x2, sum_x3 = shares(town_totals)
    by_industry = {}
    for k, name in enumerate(industries):
        r = {"total": float(ind_totals[k]), "firms": int(count[k]),
             "gini": float(gini[k]) if ind_totals[k] > 0 and math.isfinite(gini[k]) else None}
        if n:
            stats, why = eg_stats(cells[k], x, sum_x2, sum_x3, sum1[k], sum2[k], sum4[k])
            r["eg" if stats else "eg_undefined"] = stats or why
        by_industry[name] = r
    return {"method": "region", "towns": towns, "industries": industries, "lq": lq.tolist(),
            "town_totals": town_totals.tolist(), "by_industry": by_industry}


def lq(path):
    d = load(path)
    local, reference = d["local"], d["reference"]
    ids = sorted(local)
    union = sorted(set(local) | set(reference))
    a = np.array([local.get(k, 0.0) for k in union], dtype=float)
    b = np.array([reference.get(k, 0.0) for k in union], dtype=float)
    e_r, big_e = a.sum(), b.sum()
    krugman = float(np.abs(a / e_r - b / big_e).sum())
    loc = np.array([local[k] for k in ids], dtype=float)
    ref = np.array([reference[k] for k in ids], dtype=float)
    q = (loc / e_r) / (ref / big_e)
    return {"method": "location-quotient", "lq": dict(zip(ids, q.tolist())), "krugman": krugman,
            "hoover": krugman / 2.0, "local_total": float(e_r), "reference_total": float(big_e)}


# ---- synthetic inputs -------------------------------------------------------------------------------------------

def gen(kind, out, firms=1_000_000, towns=100, industries=97, seed=17):
    rng = np.random.default_rng(seed)
    town_ids = ["t%03d" % j for j in range(towns)]
    ind_ids = ["c%02d" % (13 + i) for i in range(industries)]
    # Town sizes: a few big towns, many small ones.
    weight = rng.lognormal(0.0, 1.0, towns)
    if kind == "eg":
        # One industry, localised: firms favour a handful of towns beyond their size.
        p = weight * np.where(rng.random(towns) < 0.1, 6.0, 1.0)
        area = rng.choice(towns, size=firms, p=p / p.sum())
        size = np.maximum(1, np.round(rng.lognormal(2.3, 1.1, firms))).astype(np.int64)
        by_town = np.bincount(area, weights=size, minlength=towns)
        totals = np.round(by_town + weight / weight.sum() * size.sum() * 8).astype(np.int64)
        body = ",".join('{"area":"t%03d","size":%d}' % (a, s) for a, s in zip(area.tolist(), size.tolist()))
        area_totals = ",".join('"%s":%d' % (t, v) for t, v in zip(town_ids, totals.tolist()))
        text = '{"firms":[%s],"area_totals":{%s}}\n' % (body, area_totals)
    elif kind == "region":
        # Every industry has a few home towns (localised); firms pick a town by size and home bonus.
        home = rng.random((industries, towns)) < 0.08
        p = weight[None, :] * np.where(home, 8.0, 1.0)
        p /= p.sum(axis=1, keepdims=True)
        ind = rng.integers(0, industries, firms)
        town = np.zeros(firms, dtype=np.int64)
        for i in range(industries):
            mask = ind == i
            town[mask] = rng.choice(towns, size=int(mask.sum()), p=p[i])
        size = np.maximum(1, np.round(rng.lognormal(2.3, 1.1, firms))).astype(np.int64)
        cells = np.bincount(town * industries + ind, weights=size, minlength=towns * industries)
        cells = cells.reshape(towns, industries) + np.round(rng.lognormal(3.0, 1.0, (towns, industries)))
        body = ",".join('{"town":"t%03d","industry":"%s","employment":%d}' % (t, ind_ids[i], s)
                        for t, i, s in zip(town.tolist(), ind.tolist(), size.tolist()))
        tmap = ",".join('"%s":{%s}' % (town_ids[t], ",".join('"%s":%d' % (ind_ids[i], cells[t, i])
                                                              for i in range(industries)))
                        for t in range(towns))
        text = '{"towns":{%s},"firms":[%s]}\n' % (tmap, body)
    elif kind == "lq":
        local = np.round(rng.lognormal(5.0, 1.5, industries)).astype(np.int64) + 1
        ref = np.round(rng.lognormal(10.0, 1.0, industries)).astype(np.int64) + 1
        text = json.dumps({"local": dict(zip(ind_ids, local.tolist())),
                           "reference": dict(zip(ind_ids, ref.tolist()))}) + "\n"
    else:
        raise SystemExit("gen: KIND is eg, region or lq")
    with open(out, "w") as f:
        f.write(text)


# ---- comparison -------------------------------------------------------------------------------------------------

def compare(peer, cli, rel=1e-9):
    """Walks the peer's output; every number must agree with the CLI's to `rel` relative. Returns (count, worst)."""
    worst = 0.0
    count = 0

    def walk(a, b, path):
        nonlocal worst, count
        if isinstance(a, bool) or a is None or isinstance(a, str):
            if a != b:
                raise SystemExit("%s: peer %r, cli %r" % (path or "/", a, b))
            return
        if isinstance(a, (int, float)):
            if not isinstance(b, (int, float)) or isinstance(b, bool):
                raise SystemExit("%s: peer %r, cli %r" % (path or "/", a, b))
            scale = max(abs(a), abs(b))
            diff = abs(a - b) / scale if scale > 0 else 0.0
            worst = max(worst, diff)
            count += 1
            if diff > rel:
                raise SystemExit("%s: peer %r, cli %r (relative difference %.3g > %g)" % (path, a, b, diff, rel))
            return
        if isinstance(a, dict):
            for k, v in a.items():
                if k not in b:
                    raise SystemExit("%s/%s: missing in the CLI's output" % (path, k))
                walk(v, b[k], "%s/%s" % (path, k))
            return
        if isinstance(a, list):
            if not isinstance(b, list) or len(a) != len(b):
                raise SystemExit("%s: lists differ in length" % path)
            for k, (u, v) in enumerate(zip(a, b)):
                walk(u, v, "%s/%d" % (path, k))
            return
        raise SystemExit("%s: unexpected %r" % (path, a))

    walk(peer, cli, "")
    return count, worst


def main(argv):
    if len(argv) >= 2 and argv[0] in ("eg", "region", "lq"):
        out = {"eg": eg, "region": region, "lq": lq}[argv[0]](argv[1])
        json.dump(out, sys.stdout)
        sys.stdout.write("\n")
    elif len(argv) >= 3 and argv[0] == "gen":
        opts = dict(a.split("=", 1) for a in argv[3:])
        gen(argv[1], argv[2], **{k: int(v) for k, v in opts.items()})
    elif len(argv) == 4 and argv[0] == "compare":
        peer, cli = load(argv[2]), load(argv[3])
        count, worst = compare(peer, cli)
        print("peer_%s_values=%d peer_%s_max_rel_diff=%.3g" % (argv[1], count, argv[1], worst))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
