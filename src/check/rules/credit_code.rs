//! CAT107 credit-code: a 统一社会信用代码 whose check digit is wrong.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;

pub static RULE: Rule = Rule {
    code: &codes::CREDIT_CODE,
    what: "Verifies the 18th character of every `department.credit_code` with the GB 32100-2015 \
           algorithm: the first 17 characters, read in the code's 31-character alphabet, are \
           weighted by 3^i mod 31 and summed; the check character is 31 minus the sum mod 31.",
    why: "The credit code identifies the implementing body (实施主体) and is embedded in the 31-character \
          实施编码. A mistyped code attaches the item to another organisation on the national \
          platform; the check digit catches almost every single-character typo.",
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
    for doc in catalog.documents.iter().filter(|d| d.valid) {
        let pointer = "/department/credit_code";
        let Some(code) = doc.json.pointer(pointer).and_then(|v| v.as_str()) else {
            continue;
        };
        let Some(expected) = check_character(code) else {
            continue;
        };
        if code.chars().count() == 18 && !code.ends_with(expected) {
            out.push(
                doc.diagnostic(RULE.code, pointer, format!("credit code `{code}` fails its GB 32100 check digit"))
                    .label(format!("the first 17 characters call for `{expected}` at the end"))
                    .help("copy the code again from the 统一社会信用代码 register; a character is likely mistyped"),
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
