#!/usr/bin/env python3
"""Bundle schema/entry.schema.json and the $defs of schema/common.schema.json into one
self-contained JSON Schema, so check-jsonschema validates entries against exactly the schema
catalogc compiles in (no relative $ref to resolve).

    python3 benches/bundle_schema.py schema/ > /tmp/entry.bundled.schema.json
"""
import json
import sys
from pathlib import Path


def rewrite(node, common_name):
    """Point every `common.schema.json#/$defs/x` at the bundled `#/$defs/x`."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(common_name + "#"):
                out[key] = value[len(common_name):]
            else:
                out[key] = rewrite(value, common_name)
        return out
    if isinstance(node, list):
        return [rewrite(v, common_name) for v in node]
    return node


def main():
    schema_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "schema")
    entry = json.loads((schema_dir / "entry.schema.json").read_text(encoding="utf-8"))
    common = json.loads((schema_dir / "common.schema.json").read_text(encoding="utf-8"))
    bundled = rewrite(entry, "common.schema.json")
    if "$defs" in bundled:
        sys.exit("entry.schema.json has $defs of its own; merge them by hand")
    bundled["$defs"] = common["$defs"]  # common's own refs are already `#/$defs/...`
    text = json.dumps(bundled, ensure_ascii=False, indent=2)
    if "common.schema.json#" in text:
        sys.exit("a $ref to common.schema.json is left over")
    print(text)


if __name__ == "__main__":
    main()
