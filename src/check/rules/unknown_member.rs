//! CAT305 unknown-member: an event member that is not a national item (or, in a regional event,
//! a local item of the event's region).

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::UNKNOWN_MEMBER,
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
            let lang = catalog.lang;
            let (message, help) = match region {
                None => (
                    t!(lang, "cat305-message", code = code.as_str()),
                    t!(lang, "cat305-help"),
                ),
                Some(r) => (
                    t!(
                        lang,
                        "cat305-message-local",
                        code = code.as_str(),
                        region = r.as_str()
                    ),
                    t!(lang, "cat305-help-local", region = r.as_str()),
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
