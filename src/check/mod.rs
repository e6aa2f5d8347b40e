//! Stage 3: the semantic rules, one file each in [`rules`].
//!
//! A [`Rule`] is data: its code (identity and severity from `diagnostic::codes`) and two
//! examples, one that fires the rule and one that does not. The words of its `catalogc explain`
//! page (summary, what it checks, why it matters) are in the message files,
//! `locales/<lang>/explain.ftl`, as `catNNN-summary`, `-what` and `-why`. The examples are real:
//! the test suite writes each into a small valid catalog (`tests/fixtures/base`) and checks that
//! the rule fires, or does not. Rules that look at the resolved catalog have a `check` function;
//! codes found while loading, validating or diffing are emitted by that stage and have none.

pub mod rules;

pub use rules::stale_review::{stale_review, stale_reviews};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes::{self, Code, Status};
use crate::diagnostic::messages::Lang;
use crate::resolve::Resolved;
use crate::t;

/// Files that make an example: each `(path, yaml)` is merged into the base catalog, the keys
/// given replacing the file's top-level keys of the same name (or creating the file).
pub type Example = &'static [(&'static str, &'static str)];

pub type Check = fn(&Resolved, &mut Vec<Diagnostic>);

pub struct Rule {
    /// The code's identity, from the one table in `diagnostic::codes`.
    pub code: &'static Code,
    pub fails: Example,
    pub passes: Example,
    pub check: Option<Check>,
    /// The rule compares the catalog with a git revision (`check --since`); its examples are
    /// checked against the base catalog committed to git.
    pub since: bool,
}

impl Rule {
    /// The page `catalogc explain` prints, in Markdown, in `lang`.
    pub fn page(&self, lang: Lang) -> String {
        let code = self.code.code;
        let id = code.to_ascii_lowercase();
        let mut page = t!(
            lang,
            "page-title",
            code = code,
            name = self.code.name,
            severity = self.code.severity.as_str()
        );
        page.push_str("\n\n");
        page.push_str(&self.summary(lang));
        page.push_str(&format!("\n\n## {}\n\n", t!(lang, "page-what")));
        page.push_str(&self.what(lang));
        page.push_str(&format!("\n\n## {}\n\n", t!(lang, "page-why")));
        page.push_str(&t!(lang, &format!("{id}-why")));
        page.push('\n');
        if self.code.status == Status::Retired {
            page.push_str(&format!("\n{}\n", t!(lang, "page-retired")));
        }
        for (title, example) in [
            (t!(lang, "page-fails"), self.fails),
            (t!(lang, "page-passes"), self.passes),
        ] {
            page.push_str(&format!("\n## {title}\n"));
            for (path, yaml) in example {
                // An attachment (a stand-in PDF, a link) is not YAML.
                let fence = if crate::load::attachments::extension(path).is_some() {
                    "text"
                } else {
                    "yaml"
                };
                page.push_str(&format!(
                    "\n`{path}`:\n\n```{fence}\n{}\n```\n",
                    yaml.trim_end()
                ));
            }
        }
        page
    }

    /// The one-line summary of the rule's code, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        t!(
            lang,
            &format!("{}-summary", self.code.code.to_ascii_lowercase())
        )
    }

    /// What the rule checks, in `lang`.
    pub fn what(&self, lang: Lang) -> String {
        t!(
            lang,
            &format!("{}-what", self.code.code.to_ascii_lowercase())
        )
    }

    /// Why the rule matters, in `lang`.
    pub fn why(&self, lang: Lang) -> String {
        t!(
            lang,
            &format!("{}-why", self.code.code.to_ascii_lowercase())
        )
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
