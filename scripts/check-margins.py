#!/usr/bin/env python3
"""Per-check margins over seeds, from `thaw run LESSON --seed N` logs.

Every `✓/✗ expect …   (f(x) = v, …)` line is split into its comparisons (`and`); each
comparison's margin is how far it holds (positive) or fails (negative), in the units of
the compared values. Prints, per lesson and comparison, the margins per seed and the
smallest over the tuning seeds and over the fresh seeds.

    scripts/check-margins.py LOGDIR --tuning 1-20 --fresh 21-30
"""
import argparse, glob, os, re, sys
from collections import defaultdict

LINE = re.compile(r"^[✓✗] expect (.*?)(?:   \((.*)\))?$")

def seeds(text):
    a, b = text.split("-")
    return list(range(int(a), int(b) + 1))

def values(text):
    out = {}
    for part in re.findall(r"([a-z0-9_]+\([^()]*\)) = (-?[0-9.e+-]+|true|false)", text or ""):
        out[part[0]] = part[1]
    return out

def margins(condition, vals):
    """(comparison, margin, strict): margin ≥ 0 holds for <=, >=, == within; > 0 for <, >."""
    cond, _, within = condition.partition(" within ")
    tolerance = float(within) if within else 0.0
    result = []
    for part in cond.split(" and "):
        part = part.strip()
        if part.startswith("not ") or "(" not in part and not re.search(r"[<>]", part):
            continue
        m = re.match(r"(.+?)\s*(>=|<=|>|<|==|!=)\s*(.+)", part)
        if not m:
            continue
        lhs, op, rhs = m.groups()
        def ev(e):
            for k, v in sorted(vals.items(), key=lambda kv: -len(kv[0])):
                e = e.replace(k, v)
            try:
                return float(eval(e, {"__builtins__": {}}, {}))
            except Exception:
                return None
        a, b = ev(lhs), ev(rhs)
        if a is None or b is None:
            continue
        if op in (">", ">="):
            margin = a - b
        elif op in ("<", "<="):
            margin = b - a
        elif op == "==":
            margin = tolerance - abs(a - b)
        else:
            margin = abs(a - b) - tolerance
        result.append((part + (f" within {within}" if within else ""), margin, op in ("<", ">", "!=")))
    return result

ap = argparse.ArgumentParser()
ap.add_argument("logdir")
ap.add_argument("--tuning", default="1-20")
ap.add_argument("--fresh", default="21-30")
args = ap.parse_args()
tuning, fresh = seeds(args.tuning), seeds(args.fresh)
table = defaultdict(dict)   # (lesson, comparison) -> seed -> margin
for path in glob.glob(os.path.join(args.logdir, "*.log")):
    name = os.path.basename(path)[:-4]
    lesson, seed = name.rsplit(".", 1)
    # `thaw run` wraps long lines at the terminal's width (80 in a file): join the
    # continuation lines (indented by four spaces) back onto their check line.
    text = open(path, encoding="utf-8", errors="replace").read().replace("\n    ", " ")
    for line in text.split("\n"):
        m = LINE.match(line)
        if not m:
            continue
        for part, margin, strict in margins(m.group(1), values(m.group(2))):
            table[(lesson, part)][int(seed)] = (margin, strict)
for (lesson, part), per in sorted(table.items()):
    fails = lambda xs: sum(1 for m, strict in xs if (m <= 0 if strict else m < -1e-9))
    t = [per[s] for s in tuning if s in per]
    f = [per[s] for s in fresh if s in per]
    fmt = lambda xs: f"min {min(m for m, _ in xs):+.4f} over {len(xs)}" if xs else "none"
    bad_t, bad_f = fails(t), fails(f)
    print(f"{lesson} | {part} | tuning {fmt(t)} ({bad_t} fail) | fresh {fmt(f)} ({bad_f} fail)")
