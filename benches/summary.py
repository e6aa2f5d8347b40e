#!/usr/bin/env python3
"""Print the table and the issue-6 ratios from benches/results/*.jsonl (written by run.sh)."""
import json
import sys
from pathlib import Path

results = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "results")
ORDER = ["10k", "50k", "1.5M"]
data = {}
for path in results.glob("*.jsonl"):
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        # run.sh's rows name a tool; incremental.sh's and feeds.sh's a step (those without a
        # time, such as the output's size, are not in the table).
        name = row.get("tool") or (row.get("step") and f"{path.stem.split('-')[0]}: {row['step']}")
        if name and "median_s" in row:
            data.setdefault(row["size"], {})[name] = row
sizes = [s for s in ORDER if s in data] + sorted(s for s in data if s not in ORDER)

print(f"{'size':>5}  {'tool':<30} {'median s':>9} {'cpu s':>8} {'peak RSS MiB':>12}  runs (s)")
for size in sizes:
    for tool, r in data[size].items():
        rss = f"{r['max_rss_kib'] / 1024:.0f}" if "max_rss_kib" in r else ""
        extra = ""
        if "html_pages_per_s" in r:
            extra = f"  {r['html_pages']} pages, {r['html_pages_per_s']:.0f} pages/s"
        if tool == "gen-catalog":
            extra = f"  {r['entries']} entries, {r['files']} files, {r['bytes'] / 1e6:.0f} MB"
        runs = " ".join(f"{x:.2f}" for x in r.get("runs_s", []))
        cpu = f"{r['median_cpu_s']:.2f}" if "median_cpu_s" in r else ""
        print(f"{size:>5}  {tool:<30} {r['median_s']:>9.2f} {cpu:>8} {rss:>12}  {runs}{extra}")

def get(size, tool, key="median_s"):
    return data.get(size, {}).get(tool, {}).get(key)

print()
for size in sizes:
    check, floor = get(size, "catalogc check"), get(size, "parse floor")
    if check and floor:
        print(f"{size}: check / parse floor = {check / floor:.2f}x (target <= 1.5x at 50k)")
        c_cpu, f_cpu = get(size, "catalogc check", "median_cpu_s"), get(size, "parse floor", "median_cpu_s")
        if c_cpu and f_cpu:
            print(f"{size}: in CPU time (user+sys): check / parse floor = {c_cpu / f_cpu:.2f}x")
    cj = get(size, "check-jsonschema")
    if check and cj:
        e_check = data[size]["catalogc check"]["entries"]
        e_cj = data[size]["check-jsonschema"]["entries"]
        per_check, per_cj = check / e_check, cj / e_cj
        print(f"{size}: per entry: check {per_check * 1e6:.0f} us, check-jsonschema {per_cj * 1e3:.2f} ms "
              f"-> {per_cj / per_check:.0f}x (target >= 100x)")
    since = get(size, "catalogc check --since HEAD")
    if since:
        print(f"{size}: check --since HEAD (one entry changed) = {since:.2f} s (target < 0.5 s at 50k)")
    rss = get(size, "catalogc check", "max_rss_kib")
    if rss:
        print(f"{size}: check peak RSS = {rss / 1024:.0f} MiB (target <= 1024 MiB at 50k, 4096 MiB at 1.5M)")
    b, h = get(size, "catalogc build", "html_pages_per_s"), get(size, "hugo", "html_pages_per_s")
    if b and h:
        print(f"{size}: build {b:.0f} pages/s vs Hugo {h:.0f} pages/s -> {b / h:.2f}x (target >= 3x)")
for size in sizes:
    floor = get(size, "parse floor", "median_cpu_s")
    for tool in ["catalogc check (warm cache)", "catalogc check (warm cache, one entry changed)"]:
        t = get(size, tool, "median_cpu_s")
        if t and floor:
            print(f"{size}: {tool} / parse floor, CPU = {t / floor:.2f}x (target <= 0.5x at 50k)")
    f_floor = get(size, "parse floor (findings catalog)", "median_cpu_s")
    f_check = get(size, "catalogc check (findings catalog)", "median_cpu_s")
    if f_floor and f_check:
        row = data[size]["catalogc check (findings catalog)"]
        print(f"{size}: findings catalog ({row.get('files_with_findings')} of {row.get('files')} files "
              f"with a finding): check / its parse floor, CPU = {f_check / f_floor:.2f}x")
a, b = get("10k", "catalogc check (findings catalog)"), get("50k", "catalogc check (findings catalog)")
if a and b:
    print(f"linearity, findings catalog: check time 50k/10k = {b / a:.2f}x (target <= 5.75x)")
for size in sizes:
    t_floor = get(size, "parse floor (tiled sample)", "median_cpu_s")
    t_check = get(size, "catalogc check (tiled sample)", "median_cpu_s")
    if t_floor and t_check:
        print(f"{size}: tiled sample ({data[size]['catalogc check (tiled sample)'].get('entries')} entries): "
              f"check / its parse floor, CPU = {t_check / t_floor:.2f}x")
a, b = get("10k", "catalogc check (tiled sample)"), get("50k", "catalogc check (tiled sample)")
if a and b:
    ea = data["10k"]["catalogc check (tiled sample)"]["entries"]
    eb = data["50k"]["catalogc check (tiled sample)"]["entries"]
    print(f"linearity, tiled sample: 50k/10k entries = {eb / ea:.2f}x, check time = {b / a:.2f}x "
          f"(target <= 1.15 x {eb / ea:.2f} = {1.15 * eb / ea:.2f}x)")
a, b = get("10k", "catalogc check"), get("50k", "catalogc check")
if a and b:
    ea, eb = data["10k"]["catalogc check"]["entries"], data["50k"]["catalogc check"]["entries"]
    scale = eb / ea
    print(f"linearity: 50k/10k entries = {scale:.2f}x, check time = {b / a:.2f}x "
          f"(target <= 1.15 x {scale:.2f} = {1.15 * scale:.2f}x)")
