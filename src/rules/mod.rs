//! Rules: one file per rule, each holding its documentation, its examples and its check.
//!
//! A [`Rule`] is data: a stable code, a name, a severity, the page `catalogc explain` prints
//! (what it checks, why it matters) and two examples, one that fires the rule and one that does
//! not. The examples are real: the test suite writes each into a small valid catalog
//! (`tests/fixtures/base`) and checks that the rule fires, or does not. Rules that look at the
//! assembled catalog have a `check` function; rules found while loading, validating or diffing
//! are emitted by that stage and have none. [`codes`] is the one table of all rules.

pub mod codes;

pub use stale_review::stale_review;

mod added_requirement;
mod alias_expansion;
mod approved_deviation;
mod changed_text;
mod code_pattern;
mod committed_limit;
mod control_character;
mod credit_code;
mod duplicate_id;
mod duplicate_key;
mod empty_file;
mod entry_level;
mod expired_exception;
mod fee_basis;
mod file_count;
mod file_name;
mod file_size;
mod fixed_field;
mod handling;
mod insecure_url;
mod invalid_value;
mod level_not_delivering;
mod limit_unit;
mod missing_key;
mod nesting_depth;
mod parent_level;
mod personal_data;
mod review;
mod stale_review;
mod stricter_requirement;
mod string_length;
mod unknown_certificate;
mod unknown_file;
mod unknown_item;
mod unknown_key;
mod unknown_law;
mod unknown_member;
mod unknown_parent;
mod unknown_ref;
mod unmatched_exception;
mod unquoted_code;
mod unreadable_file;
mod unsupported_yaml;
mod visits;
mod wrong_type;
mod yaml_syntax;

use crate::catalog::Catalog;
use crate::diagnostic::{Diagnostic, Severity};

/// Whether a code is still emitted. Codes are never reused; a retired code keeps its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Retired,
}

/// Files that make an example: each `(path, yaml)` is merged into the base catalog, the keys
/// given replacing the file's top-level keys of the same name (or creating the file).
pub type Example = &'static [(&'static str, &'static str)];

pub type Check = fn(&Catalog, &mut Vec<Diagnostic>);

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub status: Status,
    /// One line, lowercase, no period.
    pub summary: &'static str,
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
            self.code,
            self.name,
            self.severity.as_str(),
            self.summary,
            self.what.trim(),
            self.why.trim()
        );
        if self.status == Status::Retired {
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
    let code = code.trim().to_ascii_uppercase();
    let code = if code.starts_with("CAT") {
        code
    } else {
        format!("CAT{code}")
    };
    codes::ALL.iter().copied().find(|rule| rule.code == code)
}

/// Run every rule that has a check over the assembled catalog.
pub fn run(catalog: &Catalog) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    // Rules are independent: run them in parallel, and keep their findings in rule order.
    codes::ALL
        .par_iter()
        .map(|rule| {
            let mut found = Vec::new();
            if let (Status::Active, Some(check)) = (rule.status, rule.check) {
                check(catalog, &mut found);
            }
            found
        })
        .flatten_iter()
        .collect()
}
