#!/usr/bin/env python3
"""A catalog of another shape than gen-catalog's, for the linearity rows (issue 18).

gen-catalog writes many regions (31 provinces × 15 cities) that each implement every item with a
short, uniform record. This tool instead grows the repository's own sample catalog, whose records
come from real guides: 22 regions on three levels, entries of very different sizes, situations,
omissions, exceptions, attachments, events and local items. It keeps the sample as it is and adds
copies of its national items, each copy with new codes, together with every regional entry (and
attachment folder) that implements them, so the catalog grows inside the same 22 regions.

    python3 benches/tile_sample.py --entries 10000 --out DIR

prints one line in gen-catalog's form (`items … regions … entries … files … bytes …`).
"""
import argparse
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, required=True, help="at least this many entries")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sample", type=Path, default=HERE.parent / "catalog")
    args = parser.parse_args()

    out = args.out / "catalog"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(args.sample, out)
    codes = sorted(p.stem for p in (args.sample / "national").glob("*.yaml"))
    regions = sorted(p for p in (args.sample / "regions").iterdir() if p.is_dir())
    # The regional entries (and their attachment folders) of each national item.
    implementing = {code: [] for code in codes}
    for region in regions:
        for path in region.iterdir():
            name = path.stem if path.suffix == ".yaml" else path.name
            if name in implementing:
                implementing[name].append(path)
    per_copy = sum(1 for paths in implementing.values() for p in paths if p.suffix == ".yaml")
    copies = max(1, -(-args.entries // per_copy))

    used = set(codes)

    def fresh(code, n):
        # 00 + type (2 digits) + main item (5) + sub-item (3): a new main item, the same type and
        # sub-item; the first free one.
        while True:
            candidate = f"{code[:4]}{n % 100000:05d}{code[9:]}"
            n += 1
            if candidate not in used:
                used.add(candidate)
                return candidate, n

    # A code is replaced wherever it occurs, also inside a longer value (a task_code ends with it).
    pattern = re.compile("|".join(codes))
    counter = 50000
    for _ in range(1, copies):
        mapping = {}
        for code in codes:
            mapping[code], counter = fresh(code, counter)

        def rename(text):
            return pattern.sub(lambda m: mapping[m.group(0)], text)

        for code in codes:
            source = args.sample / "national" / f"{code}.yaml"
            (out / "national" / f"{mapping[code]}.yaml").write_text(
                rename(source.read_text(encoding="utf-8")), encoding="utf-8"
            )
            for path in implementing[code]:
                target = out / "regions" / path.parent.name / (
                    f"{mapping[code]}.yaml" if path.suffix == ".yaml" else mapping[code]
                )
                if path.is_dir():
                    shutil.copytree(path, target)
                else:
                    target.write_text(rename(path.read_text(encoding="utf-8")), encoding="utf-8")

    files = [p for p in out.rglob("*") if p.is_file()]
    entries = sum(
        1
        for p in files
        if p.suffix == ".yaml" and len(p.relative_to(out).parts) == 3 and p.parts[-3] == "regions"
        and p.name != "region.yaml"
    )
    items = len(list((out / "national").glob("*.yaml")))
    size = sum(p.stat().st_size for p in files)
    print(f"items {items} regions {len(regions)} entries {entries} files {len(files)} bytes {size} copies {copies}")


if __name__ == "__main__":
    main()
