//! CAT305 unknown-member: an event member that is not a national item (or, in a regional event,
//! a local item of the event's region).

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_MEMBER,
    what: "Each code in an event's `members` must be a national item in catalog/national/; a \
           regional event (`catalog/regions/<region>/events/`) may also list the region's own \
           local items (`catalog/regions/<region>/local/`).",
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
    for ((region, _), event) in &catalog.events {
        for (i, code) in event.value.members.iter().enumerate() {
            let local = |r: &String| catalog.local_files.contains(&(r.clone(), code.clone()));
            if catalog.item_files.contains(code) || region.as_ref().is_some_and(local) {
                continue;
            }
            let (message, help) = match region {
                None => (
                    format!("event member `{code}` is not a national item"),
                    "use the code of an item in catalog/national/".to_string(),
                ),
                Some(r) => (
                    format!(
                        "event member `{code}` is neither a national item nor a local item of {r}"
                    ),
                    format!(
                        "use the code of an item in catalog/national/ or catalog/regions/{r}/local/"
                    ),
                ),
            };
            out.push(
                catalog
                    .doc(event)
                    .diagnostic(RULE.code, &format!("/members/{i}"), message)
                    .help(help),
            );
        }
    }
}
