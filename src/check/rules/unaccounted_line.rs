//! CAT210 unaccounted-line: a restated list leaves out an inherited line without saying so.
//!
//! Emitted by the conformance diff (`src/diff/`), driven by schema/policy.yaml.

use super::Rule;
use crate::diagnostic::codes;

pub static RULE: Rule = Rule {
    code: &codes::UNACCOUNTED_LINE,
    what: "A regional entry that restates `conditions`, `materials` or `fees` must account for \
           every line of the list it inherits — its parent region's list when the parent restates \
           one, else the national list: each line is restated (`- {ref: id-card}`) or omitted on \
           purpose, with the reason (`- {ref: photo, omitted: 电子证照共享后免于提交}`). A line the \
           region does neither is reported here. This typically happens when the national office \
           adds a requirement after the region wrote its list. A line a parent region omitted \
           stays omitted, with the parent's reason, and need not be repeated.",
    why: "Leaving a line out used to count as an improvement (fewer documents), whatever the line \
          was. But a national requirement added by a new regulation, or a legal condition \
          dropped by mistake, is not an improvement: it is a guide that tells the applicant less \
          than the law asks. Only an explicit omission, with its reason, is a decision a reviewer \
          can check.",
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, omitted: 电子照片由公安部门人像系统调取，免于提交}\n",
    )],
    check: None,
    since: false,
};
