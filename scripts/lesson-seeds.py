#!/usr/bin/env python3
"""Replay a lesson's thaw blocks as plain command scripts, over several seeds.

Until `thaw run Lessons/NN.md` replays lessons, this turns a lesson into the script a replay
would run (`thaw` blocks, reveals as `print`s of each choice's condition, exercise solutions
and checks), substitutes each seed for the lesson's `seed` line, runs it with the thaw binary
and prints every `print` and `expect` line per seed. With --starter it runs each exercise's
starter instead of its solution, to show that the check fails.

    scripts/lesson-seeds.py Lessons/01-freezing.md --thaw .build-la/release/thaw --seeds 1-5
"""
import argparse
import re
import subprocess
import sys
import tempfile
import time

FENCE = re.compile(r"^```(thaw[^\n]*)$")


def blocks(text):
    """(info, body) for every fenced block whose info string starts with `thaw`."""
    out, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        m = FENCE.match(lines[i].strip())
        if m:
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            out.append((m.group(1), body))
        i += 1
    return out


def script(text, starter=False):
    predictions = {}
    lines = []
    for info, body in blocks(text):
        words = info.split()
        kind = words[1] if len(words) > 1 and "=" not in words[1] else "run"
        ident = next((w[3:] for w in words if w.startswith("id=")), None)
        if kind == "run":
            lines += body
        elif kind == "predict":
            predictions[ident] = [l.split(":", 1)[1].split("|")[1].strip()
                                  for l in body if "|" in l and not l.startswith("question:")]
        elif kind == "reveal":
            lines += [f"print {c}" for c in predictions.get(ident, [])]
        elif kind == "exercise" and starter:
            lines += body
        elif kind == "solution" and not starter:
            lines += body
        elif kind == "check":
            lines += body
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lesson")
    ap.add_argument("--thaw", default=".build-la/release/thaw")
    ap.add_argument("--seeds", default="1-5")
    ap.add_argument("--starter", action="store_true")
    ap.add_argument("--dump", action="store_true", help="print the script and stop")
    ap.add_argument("--brief", action="store_true", help="one line per seed: ✓/✗ per expect, then the failures")
    a = ap.parse_args()
    lo, _, hi = a.seeds.partition("-")
    seeds = range(int(lo), int(hi or lo) + 1)
    base = script(open(a.lesson).read(), starter=a.starter)
    if a.dump:
        print(base)
        return
    failed = False
    for s in seeds:
        text = re.sub(r"(?m)^seed \d+", f"seed {s}", base)
        with tempfile.NamedTemporaryFile("w", suffix=".thaw", delete=False) as f:
            f.write(text)
        t = time.time()
        r = subprocess.run([a.thaw, "run", f.name], capture_output=True, text=True)
        dt = time.time() - t
        if r.returncode != 0:
            failed = True
        if a.brief:
            marks = [l.strip()[0] for l in r.stdout.split("\n") if l.strip().startswith(("✓ expect", "✗ expect"))]
            print(f"seed {s}: exit {r.returncode}, {dt:.2f} s  {''.join(marks)}")
            for l in r.stdout.split("\n"):
                if l.strip().startswith("✗ expect") or "error" in l:
                    print("   ", l.strip())
            continue
        print(f"== seed {s}: exit {r.returncode}, {dt:.2f} s")
        show = False
        for line in r.stdout.split("\n"):
            if re.match(r"^\d+> ", line):
                show = line.split("> ", 1)[1].startswith(("print", "expect"))
                continue
            if show and line.strip():
                print("   ", line)
        if r.stderr.strip():
            print(r.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
