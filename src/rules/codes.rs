//! The one table of rule codes.
//!
//! Codes are append-only: a code is never reused or deleted; a rule that is no longer emitted
//! keeps its entry with `Status::Retired` so `catalogc explain` still answers. Ranges: `CAT0xx`
//! loading and schema, `CAT1xx` item rules, `CAT2xx` regional conformance, `CAT3xx` references
//! and registries, `CAT4xx` build.

use super::Rule;

pub use super::added_requirement::RULE as ADDED_REQUIREMENT;
pub use super::alias_expansion::RULE as ALIAS_EXPANSION;
pub use super::approved_deviation::RULE as APPROVED_DEVIATION;
pub use super::changed_text::RULE as CHANGED_TEXT;
pub use super::code_pattern::RULE as CODE_PATTERN;
pub use super::committed_limit::RULE as COMMITTED_LIMIT;
pub use super::control_character::RULE as CONTROL_CHARACTER;
pub use super::credit_code::RULE as CREDIT_CODE;
pub use super::duplicate_id::RULE as DUPLICATE_ID;
pub use super::duplicate_key::RULE as DUPLICATE_KEY;
pub use super::empty_file::RULE as EMPTY_FILE;
pub use super::entry_level::RULE as ENTRY_LEVEL;
pub use super::expired_exception::RULE as EXPIRED_EXCEPTION;
pub use super::fee_basis::RULE as FEE_BASIS;
pub use super::file_count::RULE as FILE_COUNT;
pub use super::file_name::RULE as FILE_NAME;
pub use super::file_size::RULE as FILE_SIZE;
pub use super::fixed_field::RULE as FIXED_FIELD;
pub use super::handling::RULE as HANDLING;
pub use super::insecure_url::RULE as INSECURE_URL;
pub use super::invalid_value::RULE as INVALID_VALUE;
pub use super::level_not_delivering::RULE as LEVEL_NOT_DELIVERING;
pub use super::limit_unit::RULE as LIMIT_UNIT;
pub use super::missing_key::RULE as MISSING_KEY;
pub use super::nesting_depth::RULE as NESTING_DEPTH;
pub use super::parent_level::RULE as PARENT_LEVEL;
pub use super::personal_data::RULE as PERSONAL_DATA;
pub use super::review::RULE as REVIEW;
pub use super::stale_review::RULE as STALE_REVIEW;
pub use super::stricter_requirement::RULE as STRICTER_REQUIREMENT;
pub use super::string_length::RULE as STRING_LENGTH;
pub use super::unknown_certificate::RULE as UNKNOWN_CERTIFICATE;
pub use super::unknown_file::RULE as UNKNOWN_FILE;
pub use super::unknown_item::RULE as UNKNOWN_ITEM;
pub use super::unknown_key::RULE as UNKNOWN_KEY;
pub use super::unknown_law::RULE as UNKNOWN_LAW;
pub use super::unknown_member::RULE as UNKNOWN_MEMBER;
pub use super::unknown_parent::RULE as UNKNOWN_PARENT;
pub use super::unknown_ref::RULE as UNKNOWN_REF;
pub use super::unmatched_exception::RULE as UNMATCHED_EXCEPTION;
pub use super::unquoted_code::RULE as UNQUOTED_CODE;
pub use super::unreadable_file::RULE as UNREADABLE_FILE;
pub use super::unsupported_yaml::RULE as UNSUPPORTED_YAML;
pub use super::visits::RULE as VISITS;
pub use super::wrong_type::RULE as WRONG_TYPE;
pub use super::yaml_syntax::RULE as YAML_SYNTAX;

/// Every rule, in code order.
pub static ALL: &[&Rule] = &[
    &YAML_SYNTAX,
    &DUPLICATE_KEY,
    &UNKNOWN_KEY,
    &WRONG_TYPE,
    &MISSING_KEY,
    &INVALID_VALUE,
    &UNQUOTED_CODE,
    &UNKNOWN_FILE,
    &UNSUPPORTED_YAML,
    &UNREADABLE_FILE,
    &FILE_NAME,
    &CODE_PATTERN,
    &FILE_SIZE,
    &EMPTY_FILE,
    &NESTING_DEPTH,
    &ALIAS_EXPANSION,
    &STRING_LENGTH,
    &FILE_COUNT,
    &CONTROL_CHARACTER,
    &COMMITTED_LIMIT,
    &LIMIT_UNIT,
    &HANDLING,
    &FEE_BASIS,
    &VISITS,
    &INSECURE_URL,
    &CREDIT_CODE,
    &DUPLICATE_ID,
    &REVIEW,
    &PERSONAL_DATA,
    &STALE_REVIEW,
    &LEVEL_NOT_DELIVERING,
    &ENTRY_LEVEL,
    &FIXED_FIELD,
    &ADDED_REQUIREMENT,
    &STRICTER_REQUIREMENT,
    &CHANGED_TEXT,
    &APPROVED_DEVIATION,
    &EXPIRED_EXCEPTION,
    &UNMATCHED_EXCEPTION,
    &UNKNOWN_ITEM,
    &UNKNOWN_REF,
    &UNKNOWN_LAW,
    &UNKNOWN_CERTIFICATE,
    &UNKNOWN_MEMBER,
    &UNKNOWN_PARENT,
    &PARENT_LEVEL,
];

#[cfg(test)]
mod tests {
    use super::ALL;

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        let codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for rule in ALL {
            assert!(
                rule.code.len() == 6 && rule.code.starts_with("CAT"),
                "{}",
                rule.code
            );
            assert!(!rule.summary.ends_with('.'), "{}", rule.code);
            assert!(
                !rule.fails.is_empty() && !rule.passes.is_empty(),
                "{}",
                rule.code
            );
        }
    }
}
