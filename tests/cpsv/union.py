"""The national JSON-LD and every region's, read as one graph: what a consumer of the split open
data loads (README, Open data).

    union.py OPENDATA_DIR OUT.jsonld

Writes one JSON-LD document holding the nodes of `catalog.jsonld` and of every
`regions/<code>/catalog.jsonld` (a node several documents hold, such as a law or a concept, once:
the first, as in one document; a node two documents describe differently, such as a department
two regions name differently under one credit code, is counted and said), for pyshacl to validate
in `.ci/test`. Exits 1 when a document has another `@context`.
"""

import json
import sys
from pathlib import Path


def main():
    opendata, out = Path(sys.argv[1]), Path(sys.argv[2])
    documents = [opendata / "catalog.jsonld"] + sorted(opendata.glob("regions/*/catalog.jsonld"))
    context, nodes, differing = None, {}, 0
    for path in documents:
        document = json.loads(path.read_text(encoding="utf-8"))
        if context is None:
            context = document["@context"]
        elif document["@context"] != context:
            print(f"{path}: another @context")
            return 1
        for node in document["@graph"]:
            seen = nodes.setdefault(node["@id"], node)
            if seen != node:
                differing += 1
    out.write_text(
        json.dumps({"@context": context, "@graph": list(nodes.values())}, ensure_ascii=False),
        encoding="utf-8",
    )
    print(f"{len(documents)} documents, {len(nodes)} nodes, {differing} described differently")
    return 0


if __name__ == "__main__":
    sys.exit(main())
