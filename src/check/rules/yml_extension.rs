//! CAT020 yml-extension: a catalog file named `.yml` rather than `.yaml`.
//!
//! Emitted by the loader (`load/mod.rs`) while walking the catalog.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::YML_EXTENSION,
    what: "Every file under `catalog/` whose name ends in `.yml` (in any letter case) is an error \
           at that file, and its help gives the name to rename it to (`rename it to \
           000120020000.yaml`). catalogc reads only `.yaml` files, so the file is not read. It is \
           reported by this rule only, not also as an unknown file (CAT008).",
    why: "`.yml` is the other common ending of YAML files and editors type it out of habit. The file \
          looks right in review, but catalogc never reads it: a new item, a region's entry or a \
          correction in it would silently have no effect, and the published catalog would not say \
          so. A warning is easy to miss in a long report, so this is an error: the build refuses to \
          write until the file is renamed.",
    fails: &[(
        "catalog/national/000120020000.yml",
        "code: \"000120020000\"\n",
    )],
    passes: &[(
        "catalog/national/000120020000.yaml",
        "code: \"000120020000\"\n",
    )],
    check: None,
    since: false,
};
