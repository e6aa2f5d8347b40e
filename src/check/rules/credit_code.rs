//! CAT107 credit-code: a 统一社会信用代码 whose check digit is wrong.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::CREDIT_CODE,
    fails: &[(
        "catalog/regions/440300/000120010000.yaml",
        "department: {name: 深圳市公安局, credit_code: \"11440300007542417X\"}\n",
    )],
    passes: &[(
        "catalog/regions/440300/000120010000.yaml",
        "department: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\n",
    )],
    check: Some(check),
    since: false,
};

const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The check character a credit code's first 17 characters call for.
pub fn check_character(code: &str) -> Option<char> {
    let mut sum = 0;
    for (c, w) in code.chars().take(17).zip(WEIGHTS) {
        sum += ALPHABET.find(c)? as u32 * w;
    }
    let value = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(value as usize)
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let lang = catalog.lang;
    for doc in catalog.checked() {
        let pointer = "/department/credit_code";
        let Some(code) = doc.json.pointer(pointer).and_then(|v| v.as_str()) else {
            continue;
        };
        let Some(expected) = check_character(code) else {
            continue;
        };
        if code.chars().count() == 18 && !code.ends_with(expected) {
            out.push(
                doc.diagnostic(RULE.code, pointer, t!(lang, "cat107-message", code = code))
                    .label(t!(lang, "cat107-label", expected = expected.to_string()))
                    .help(t!(lang, "cat107-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_character;

    #[test]
    fn known_codes_have_their_check_character() {
        assert_eq!(check_character("11440000006939767F"), Some('F'));
        assert_eq!(check_character("11440300007542417R"), Some('R'));
        assert_eq!(check_character("11440300MB2C925800"), Some('0'));
    }
}
