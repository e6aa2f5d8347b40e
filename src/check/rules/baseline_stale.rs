//! CAT026 baseline-stale: a baseline entry that matches no finding.
//!
//! Emitted when suppressions are applied (`load/suppress.rs`).

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::BASELINE_STALE,
    what: "A catalog adopting catalogc with many findings records them once in \
           `.catalogc-baseline.json` at the catalog root (`catalogc check --write-baseline`); \
           from then on only new findings fail. Each entry names a code, a file, the YAML path \
           (JSON Pointer) of the node and a hash of the node's value, so that edits elsewhere \
           in the file, which move lines, keep it matched, and a change of the value itself \
           revives the finding. This rule reports an entry that matches no finding any more: \
           the problem was fixed (or its value changed).",
    why: "A baseline should only shrink. A stale entry would accept a future problem of the same \
          kind on the same node unseen; run `catalogc check --write-baseline` again to drop it.",
    fails: &[(
        ".catalogc-baseline.json",
        "{\"version\": 1, \"reason\": \"采用 catalogc 时的存量问题\", \"written\": \"2026-01-01\", \"entries\": [{\"code\": \"CAT109\", \"file\": \"catalog/national/000120010000.yaml\", \"pointer\": \"/reviewed\", \"hash\": \"0000000000000000\"}]}\n",
    )],
    passes: &[(
        ".catalogc-baseline.json",
        "{\"version\": 1, \"reason\": \"采用 catalogc 时的存量问题\", \"written\": \"2026-01-01\", \"entries\": []}\n",
    )],
    check: None,
    since: false,
};
