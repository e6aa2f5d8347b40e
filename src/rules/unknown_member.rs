//! CAT305 unknown-member: an event member that is not a national item.

use super::{Rule, Status};
use crate::catalog::Catalog;
use crate::diagnostic::{Diagnostic, Severity};

pub static RULE: Rule = Rule {
    code: "CAT305",
    name: "unknown-member",
    severity: Severity::Error,
    status: Status::Active,
    summary: "an event member that is not a national item",
    what: "Each code in an event's `members` must be a national item in catalog/national/.",
    why: "An event (一件事) merges its members' materials and time limits. A missing member \
          silently drops its documents from the merged list the applicant relies on.",
    fails: &[(
        "catalog/events/residence.yaml",
        "members: [\"000120010000\", \"000120030000\"]\n",
    )],
    passes: &[(
        "catalog/events/residence.yaml",
        "members: [\"000120010000\", \"000120020000\"]\n",
    )],
    check: Some(check),
    since: false,
};

fn check(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    for event in catalog.events.values() {
        for (i, code) in event.value.members.iter().enumerate() {
            if !catalog.item_files.contains(code) {
                out.push(
                    catalog
                        .doc(event)
                        .diagnostic(
                            &RULE,
                            &format!("/members/{i}"),
                            format!("event member `{code}` is not a national item"),
                        )
                        .help("use the code of an item in catalog/national/"),
                );
            }
        }
    }
}
