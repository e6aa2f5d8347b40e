//! CAT008 unknown-file: a file in a place the catalog format does not define.
//!
//! Emitted by the loader (`load.rs`) while walking the catalog.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_FILE,
    what: "Reports files under `catalog/` that are not in one of the known places (national/, \
           events/, registries/laws.yaml, registries/certificates.yaml, regions/<region>/, \
           regions/<region>/local/, regions/<region>/events/), files that do not end in `.yaml` (a `.yml` file is reported \
           by CAT020 instead), folders named like catalog files, and symbolic links, which are \
           not followed.",
    why: "A file in the wrong folder (`catalog/nationl/…`, `…/000120010000.json`) is never read, \
          so an editor's change would silently have no effect.",
    fails: &[(
        "catalog/nationl/000120020000.yaml",
        "code: \"000120020000\"\n",
    )],
    passes: &[(
        "catalog/national/000120020000.yaml",
        "code: \"000120020000\"\n",
    )],
    check: None,
    since: false,
};
