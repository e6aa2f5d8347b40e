//! The one table of finding codes: each code's identity (code, name, severity, status, summary).
//!
//! Codes are append-only: a code is never reused or deleted; a code that is no longer emitted
//! keeps its entry with `Status::Retired` so `catalogc explain` still answers. Ranges: `CAT0xx`
//! loading and schema, `CAT1xx` item rules, `CAT2xx` regional conformance, `CAT3xx` references
//! and registries, `CAT4xx` build. This table depends on no check: every stage may emit a code;
//! the checks, pages and examples are in `check/rules/`, registered in `check::RULES`.

use super::Severity;

/// Whether a code is still emitted. Codes are never reused; a retired code keeps its page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Retired,
}

/// The identity of a finding's code.
#[derive(Debug)]
pub struct Code {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub status: Status,
    /// One line, lowercase, no period.
    pub summary: &'static str,
}

const fn code(
    code: &'static str,
    name: &'static str,
    severity: Severity,
    status: Status,
    summary: &'static str,
) -> Code {
    Code {
        code,
        name,
        severity,
        status,
        summary,
    }
}

use Severity::{Error, Warning};
use Status::Active;
pub static YAML_SYNTAX: Code = code(
    "CAT001",
    "yaml-syntax",
    Error,
    Active,
    "the file is not well-formed YAML",
);
pub static DUPLICATE_KEY: Code = code(
    "CAT002",
    "duplicate-key",
    Error,
    Active,
    "a mapping has the same key twice",
);
pub static UNKNOWN_KEY: Code = code(
    "CAT003",
    "unknown-key",
    Error,
    Active,
    "a key the catalog format does not define",
);
pub static WRONG_TYPE: Code = code(
    "CAT004",
    "wrong-type",
    Error,
    Active,
    "a value of the wrong type",
);
pub static MISSING_KEY: Code = code(
    "CAT005",
    "missing-key",
    Error,
    Active,
    "a required key is absent",
);
pub static INVALID_VALUE: Code = code(
    "CAT006",
    "invalid-value",
    Error,
    Active,
    "a value outside what the schema allows",
);
pub static UNQUOTED_CODE: Code = code(
    "CAT007",
    "unquoted-code",
    Error,
    Active,
    "a code written as a number",
);
pub static UNKNOWN_FILE: Code = code(
    "CAT008",
    "unknown-file",
    Warning,
    Active,
    "a file in a place the catalog format does not define",
);
pub static UNSUPPORTED_YAML: Code = code(
    "CAT009",
    "unsupported-yaml",
    Error,
    Active,
    "a YAML feature the catalog format does not use",
);
pub static UNREADABLE_FILE: Code = code(
    "CAT010",
    "unreadable-file",
    Error,
    Active,
    "a file that cannot be read as UTF-8 text",
);
pub static FILE_NAME: Code = code(
    "CAT011",
    "file-name",
    Error,
    Active,
    "a file's name or folder disagrees with the code inside it",
);
pub static CODE_PATTERN: Code = code(
    "CAT012",
    "code-pattern",
    Error,
    Active,
    "an item code that does not follow the catalog's coding rule",
);
pub static FILE_SIZE: Code = code(
    "CAT013",
    "file-size",
    Error,
    Active,
    "a file larger than the file size limit",
);
pub static EMPTY_FILE: Code = code(
    "CAT014",
    "empty-file",
    Error,
    Active,
    "a file that holds no YAML document",
);
pub static NESTING_DEPTH: Code = code(
    "CAT015",
    "nesting-depth",
    Error,
    Active,
    "a file nested deeper than the depth limit",
);
pub static ALIAS_EXPANSION: Code = code(
    "CAT016",
    "alias-expansion",
    Error,
    Active,
    "a file that expands to too many nodes through aliases",
);
pub static STRING_LENGTH: Code = code(
    "CAT017",
    "string-length",
    Error,
    Active,
    "a string longer than the string length limit",
);
pub static FILE_COUNT: Code = code(
    "CAT018",
    "file-count",
    Error,
    Active,
    "a catalog with more files than the file count limit",
);
pub static CONTROL_CHARACTER: Code = code(
    "CAT019",
    "control-character",
    Error,
    Active,
    "a control character in a catalog file",
);
pub static YML_EXTENSION: Code = code(
    "CAT020",
    "yml-extension",
    Error,
    Active,
    "a catalog file named `.yml` rather than `.yaml`",
);
pub static FORMAT_VERSION: Code = code(
    "CAT021",
    "format-version",
    Warning,
    Active,
    "the catalog is written for an earlier format version",
);
pub static FULLWIDTH_PUNCTUATION: Code = code(
    "CAT022",
    "fullwidth-punctuation",
    Error,
    Active,
    "full-width punctuation where YAML needs an ASCII character",
);
pub static SUPPRESSION_EXPIRED: Code = code(
    "CAT023",
    "suppression-expired",
    Warning,
    Active,
    "an inline acknowledgement past its expiry date",
);
pub static SUPPRESSION_UNUSED: Code = code(
    "CAT024",
    "suppression-unused",
    Warning,
    Active,
    "an inline acknowledgement that matches no finding",
);
pub static SUPPRESSION_MALFORMED: Code = code(
    "CAT025",
    "suppression-malformed",
    Warning,
    Active,
    "an inline acknowledgement without a code, a reason or an expiry date",
);
pub static BASELINE_STALE: Code = code(
    "CAT026",
    "baseline-stale",
    Warning,
    Active,
    "a baseline entry that matches no finding",
);
pub static ATTACHMENT_MISSING: Code = code(
    "CAT030",
    "attachment-missing",
    Error,
    Active,
    "an attachment names a file that does not exist",
);
pub static ATTACHMENT_SIZE: Code = code(
    "CAT031",
    "attachment-size",
    Error,
    Active,
    "an attachment larger than the attachment size limit",
);
pub static ATTACHMENT_TYPE: Code = code(
    "CAT032",
    "attachment-type",
    Error,
    Active,
    "an attachment that is not PDF, DOC/DOCX, XLS/XLSX, PNG or JPEG",
);
pub static ATTACHMENT_SYMLINK: Code = code(
    "CAT033",
    "attachment-symlink",
    Error,
    Active,
    "an attachment that is a symbolic link",
);
pub static ATTACHMENT_PATH: Code = code(
    "CAT034",
    "attachment-path",
    Error,
    Active,
    "an attachment path that leaves the folder of its file",
);
pub static COMMITTED_LIMIT: Code = code(
    "CAT101",
    "committed-limit",
    Error,
    Active,
    "the committed time limit exceeds the statutory one",
);
pub static LIMIT_UNIT: Code = code(
    "CAT102",
    "limit-unit",
    Warning,
    Active,
    "committed and statutory limits use different units",
);
pub static HANDLING: Code = code(
    "CAT103",
    "handling",
    Error,
    Active,
    "the handling type disagrees with the committed limit",
);
pub static FEE_BASIS: Code = code(
    "CAT104",
    "fee-basis",
    Error,
    Active,
    "a charged fee without a legal basis",
);
pub static VISITS: Code = code(
    "CAT105",
    "visits",
    Error,
    Active,
    "zero visits promised without a remote channel",
);
pub static INSECURE_URL: Code = code(
    "CAT106",
    "insecure-url",
    Error,
    Active,
    "an online service address that is not https",
);
pub static CREDIT_CODE: Code = code(
    "CAT107",
    "credit-code",
    Error,
    Active,
    "a 统一社会信用代码 whose check digit is wrong",
);
pub static DUPLICATE_ID: Code = code(
    "CAT108",
    "duplicate-id",
    Error,
    Active,
    "two lines of one list share an id",
);
pub static REVIEW: Code = code(
    "CAT109",
    "review",
    Warning,
    Active,
    "content not confirmed within the review interval",
);
pub static PERSONAL_DATA: Code = code(
    "CAT110",
    "personal-data",
    Error,
    Active,
    "personal information collected without purpose or basis",
);
pub static STALE_REVIEW: Code = code(
    "CAT111",
    "stale-review",
    Warning,
    Active,
    "content changed but its `reviewed` date did not move",
);
pub static TASK_CODE: Code = code(
    "CAT112",
    "task-code",
    Error,
    Active,
    "a 实施编码 that is not the credit code, level and item code of its entry",
);
pub static WAIVER_WITHOUT_CERTIFICATE: Code = code(
    "CAT113",
    "waiver-without-certificate",
    Error,
    Active,
    "a material waived by e-certificate that names no e-certificate type",
);
pub static WAIVER_NOTE: Code = code(
    "CAT114",
    "waiver-note",
    Warning,
    Active,
    "a waived material keeps a national note about handing it in",
);
pub static ILLUSTRATIVE_PATH: Code = code(
    "CAT115",
    "illustrative-path",
    Error,
    Active,
    "an `illustrative` mark names no value of its file",
);
pub static ON_SITE_STEP: Code = code(
    "CAT116",
    "on-site-step",
    Warning,
    Active,
    "zero visits promised while a process step needs the applicant on site",
);
pub static SCHEDULED_IN_FORCE: Code = code(
    "CAT117",
    "scheduled-in-force",
    Warning,
    Active,
    "a scheduled change has taken effect and is still written apart from the fields it replaces",
);
pub static LEVEL_NOT_DELIVERING: Code = code(
    "CAT201",
    "level-not-delivering",
    Error,
    Active,
    "an entry at a level below the item's delivering levels",
);
pub static ENTRY_LEVEL: Code = code(
    "CAT202",
    "entry-level",
    Error,
    Active,
    "an entry's level differs from its region's level",
);
pub static FIXED_FIELD: Code = code(
    "CAT203",
    "fixed-field",
    Error,
    Active,
    "a fixed field differs from the national standard",
);
pub static ADDED_REQUIREMENT: Code = code(
    "CAT204",
    "added-requirement",
    Error,
    Active,
    "a regional entry adds a requirement the standard does not have",
);
pub static STRICTER_REQUIREMENT: Code = code(
    "CAT205",
    "stricter-requirement",
    Error,
    Active,
    "a regional value is stricter than the standard allows",
);
pub static CHANGED_TEXT: Code = code(
    "CAT206",
    "changed-text",
    Error,
    Active,
    "a regional entry rewords a line of the standard",
);
pub static APPROVED_DEVIATION: Code = code(
    "CAT207",
    "approved-deviation",
    Warning,
    Active,
    "a deviation covered by an approved exception",
);
pub static EXPIRED_EXCEPTION: Code = code(
    "CAT208",
    "expired-exception",
    Error,
    Active,
    "an exception that has expired",
);
pub static UNMATCHED_EXCEPTION: Code = code(
    "CAT209",
    "unmatched-exception",
    Error,
    Active,
    "an exception that matches no deviation",
);
pub static UNACCOUNTED_LINE: Code = code(
    "CAT210",
    "unaccounted-line",
    Error,
    Active,
    "a restated list neither restates nor omits a line it inherits",
);
pub static OMISSION_REASON: Code = code(
    "CAT211",
    "omission-reason",
    Warning,
    Active,
    "an explicit omission without its reason",
);
pub static OMITTED_REQUIREMENT: Code = code(
    "CAT212",
    "omitted-requirement",
    Error,
    Active,
    "a statutory material or a non-waivable condition is omitted",
);
pub static EXCEPTION_EXPIRING: Code = code(
    "CAT213",
    "exception-expiring",
    Warning,
    Active,
    "an approved exception expires soon",
);
pub static STANDARD_VERSION: Code = code(
    "CAT214",
    "standard-version",
    Warning,
    Active,
    "an entry was reviewed against an older version of its national item",
);
pub static UNKNOWN_ITEM: Code = code(
    "CAT301",
    "unknown-item",
    Error,
    Active,
    "a regional entry for a national item that does not exist",
);
pub static UNKNOWN_REF: Code = code(
    "CAT302",
    "unknown-ref",
    Error,
    Active,
    "a `ref` to a national line that does not exist",
);
pub static UNKNOWN_LAW: Code = code(
    "CAT303",
    "unknown-law",
    Error,
    Active,
    "a reference to a law that is not in the laws registry",
);
pub static UNKNOWN_CERTIFICATE: Code = code(
    "CAT304",
    "unknown-certificate",
    Error,
    Active,
    "a material or result linked to an unregistered e-certificate type",
);
pub static UNKNOWN_MEMBER: Code = code(
    "CAT305",
    "unknown-member",
    Error,
    Active,
    "an event member that is not a national item or a local item of the event's region",
);
pub static UNKNOWN_PARENT: Code = code(
    "CAT306",
    "unknown-parent",
    Error,
    Active,
    "a region whose parent region does not exist",
);
pub static PARENT_LEVEL: Code = code(
    "CAT307",
    "parent-level",
    Error,
    Active,
    "a region whose parent is not at a higher level",
);
pub static REGION_CODE: Code = code(
    "CAT308",
    "region-code",
    Error,
    Active,
    "a region code that does not fit its level or lie under its parent's code",
);
pub static CREDIT_CODE_REGION: Code = code(
    "CAT309",
    "credit-code-region",
    Warning,
    Active,
    "a department's credit code registered outside the entry's region and the regions above it",
);
pub static LOCAL_CODE_REGION: Code = code(
    "CAT310",
    "local-code-region",
    Error,
    Active,
    "a local item code that does not begin with its region's code prefix",
);
pub static DUPLICATE_REGION_NAME: Code = code(
    "CAT311",
    "duplicate-region-name",
    Error,
    Active,
    "two regions with the same name",
);
pub static LOCAL_ITEM_LEVEL: Code = code(
    "CAT312",
    "local-item-level",
    Error,
    Active,
    "a local item not delivered at its own region's level",
);
pub static EVENT_SIZE: Code = code(
    "CAT313",
    "event-size",
    Error,
    Active,
    "a regional event with fewer than 3 or more than 9 members",
);
pub static REPEALED_LAW: Code = code(
    "CAT314",
    "repealed-law",
    Error,
    Active,
    "a file cites a law the registry marks repealed",
);
pub static LAW_AMENDED: Code = code(
    "CAT315",
    "law-amended",
    Warning,
    Active,
    "a law a file cites was amended after the file was last reviewed",
);

pub static UNKNOWN_SITUATION: Code = code(
    "CAT316",
    "unknown-situation",
    Error,
    Active,
    "a line's `situations` names no situation of the item",
);
pub static OVERLAPPING_RESTATEMENT: Code = code(
    "CAT317",
    "overlapping-restatement",
    Error,
    Active,
    "two lines for the same `ref` cover the same situation",
);
pub static DEFERRED_PROOF: Code = code(
    "CAT318",
    "deferred-proof",
    Error,
    Active,
    "the material that proves a situation is accepted to follow later (容缺)",
);
pub static WAIVED_DEFERRABLE: Code = code(
    "CAT319",
    "waived-deferrable",
    Warning,
    Active,
    "a material is both waived and accepted to follow later",
);

/// Every code, in code order.
pub static ALL: &[&Code] = &[
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
    &YML_EXTENSION,
    &FORMAT_VERSION,
    &FULLWIDTH_PUNCTUATION,
    &SUPPRESSION_EXPIRED,
    &SUPPRESSION_UNUSED,
    &SUPPRESSION_MALFORMED,
    &BASELINE_STALE,
    &ATTACHMENT_MISSING,
    &ATTACHMENT_SIZE,
    &ATTACHMENT_TYPE,
    &ATTACHMENT_SYMLINK,
    &ATTACHMENT_PATH,
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
    &TASK_CODE,
    &WAIVER_WITHOUT_CERTIFICATE,
    &WAIVER_NOTE,
    &ILLUSTRATIVE_PATH,
    &ON_SITE_STEP,
    &SCHEDULED_IN_FORCE,
    &LEVEL_NOT_DELIVERING,
    &ENTRY_LEVEL,
    &FIXED_FIELD,
    &ADDED_REQUIREMENT,
    &STRICTER_REQUIREMENT,
    &CHANGED_TEXT,
    &APPROVED_DEVIATION,
    &EXPIRED_EXCEPTION,
    &UNMATCHED_EXCEPTION,
    &UNACCOUNTED_LINE,
    &OMISSION_REASON,
    &OMITTED_REQUIREMENT,
    &EXCEPTION_EXPIRING,
    &STANDARD_VERSION,
    &UNKNOWN_ITEM,
    &UNKNOWN_REF,
    &UNKNOWN_LAW,
    &UNKNOWN_CERTIFICATE,
    &UNKNOWN_MEMBER,
    &UNKNOWN_PARENT,
    &PARENT_LEVEL,
    &REGION_CODE,
    &CREDIT_CODE_REGION,
    &LOCAL_CODE_REGION,
    &DUPLICATE_REGION_NAME,
    &LOCAL_ITEM_LEVEL,
    &EVENT_SIZE,
    &REPEALED_LAW,
    &LAW_AMENDED,
    &UNKNOWN_SITUATION,
    &OVERLAPPING_RESTATEMENT,
    &DEFERRED_PROOF,
    &WAIVED_DEFERRABLE,
];

/// Find a code, accepting `CAT101`, `cat101` or `101`, and short forms of low codes: `7`, `07`,
/// `007` and `CAT7` are all CAT007.
pub fn find(code: &str) -> Option<&'static Code> {
    let code = code.trim().to_ascii_uppercase();
    let digits = code.strip_prefix("CAT").unwrap_or(&code);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code = format!("CAT{digits:0>3}");
    ALL.iter().copied().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::{ALL, find};

    #[test]
    fn codes_are_found_in_every_form_an_editor_types() {
        for typed in ["CAT007", "cat007", "007", "07", "7", "CAT7", " cat07 "] {
            assert_eq!(find(typed).map(|c| c.code), Some("CAT007"), "{typed}");
        }
        assert_eq!(find("101").map(|c| c.code), Some("CAT101"));
        for typed in ["", "CAT", "1010", "CATX", "-7", "999"] {
            assert!(find(typed).is_none(), "{typed}");
        }
    }

    #[test]
    fn codes_are_unique_sorted_and_well_formed() {
        let codes: Vec<&str> = ALL.iter().map(|c| c.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for code in ALL {
            assert!(
                code.code.len() == 6 && code.code.starts_with("CAT"),
                "{}",
                code.code
            );
            assert!(!code.summary.ends_with('.'), "{}", code.code);
        }
    }
}
