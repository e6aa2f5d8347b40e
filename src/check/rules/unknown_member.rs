//! CAT305 unknown-member: an event member that is not a national item.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_MEMBER,
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

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    for event in catalog.events.values() {
        for (i, code) in event.value.members.iter().enumerate() {
            if !catalog.item_files.contains(code) {
                out.push(
                    catalog
                        .doc(event)
                        .diagnostic(
                            RULE.code,
                            &format!("/members/{i}"),
                            format!("event member `{code}` is not a national item"),
                        )
                        .help("use the code of an item in catalog/national/"),
                );
            }
        }
    }
}
