//! Stage 3: the semantic rules, one file each in [`rules`].
//!
//! A [`Rule`] is data: its code (identity, severity and summary from `diagnostic::codes`), the
//! page `catalogc explain` prints (what it checks, why it matters) and two examples, one that
//! fires the rule and one that does not. The examples are real: the test suite writes each into a
//! small valid catalog (`tests/fixtures/base`) and checks that the rule fires, or does not. Rules
//! that look at the resolved catalog have a `check` function; codes found while loading,
//! validating or diffing are emitted by that stage and have none.

pub mod rules;

pub use rules::stale_review::{stale_review, stale_reviews};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes::{self, Code, Status};
use crate::resolve::Resolved;

/// Files that make an example: each `(path, yaml)` is merged into the base catalog, the keys
/// given replacing the file's top-level keys of the same name (or creating the file).
pub type Example = &'static [(&'static str, &'static str)];

pub type Check = fn(&Resolved, &mut Vec<Diagnostic>);

pub struct Rule {
    /// The code's identity, from the one table in `diagnostic::codes`.
    pub code: &'static Code,
    pub what: &'static str,
    pub why: &'static str,
    pub fails: Example,
    pub passes: Example,
    pub check: Option<Check>,
    /// The rule compares the catalog with a git revision (`check --since`); its examples are
    /// checked against the base catalog committed to git.
    pub since: bool,
}

impl Rule {
    /// The page `catalogc explain` prints, in Markdown.
    pub fn page(&self) -> String {
        let mut page = format!(
            "# {} {} ({})\n\n{}\n\n## What it checks\n\n{}\n\n## Why it matters\n\n{}\n",
            self.code.code,
            self.code.name,
            self.code.severity.as_str(),
            self.code.summary,
            self.what.trim(),
            self.why.trim()
        );
        if self.code.status == Status::Retired {
            page.push_str("\nThis rule is retired: catalogc no longer emits it.\n");
        }
        for (title, example) in [
            ("Example that fails", self.fails),
            ("Example that passes", self.passes),
        ] {
            page.push_str(&format!("\n## {title}\n"));
            for (path, yaml) in example {
                page.push_str(&format!(
                    "\n`{path}`:\n\n```yaml\n{}\n```\n",
                    yaml.trim_end()
                ));
            }
        }
        page
    }
}

/// Find a rule by code, accepting `CAT101`, `cat101` or `101`.
pub fn find(code: &str) -> Option<&'static Rule> {
    let code = codes::find(code)?;
    rules::ALL
        .iter()
        .copied()
        .find(|rule| std::ptr::eq(rule.code, code))
}

/// Run every rule that has a check over the assembled catalog.
pub fn run(resolved: &Resolved) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    // Rules are independent: run them in parallel, and keep their findings in rule order.
    rules::ALL
        .par_iter()
        .map(|rule| {
            let mut found = Vec::new();
            if let (Status::Active, Some(check)) = (rule.code.status, rule.check) {
                check(resolved, &mut found);
            }
            found
        })
        .flatten_iter()
        .collect()
}
