//! One file per rule: a failing and a passing example, and its check when the rule looks at the
//! assembled catalog (its page and its messages are in `locales/<lang>/*.ftl`). The codes' identity is
//! in `diagnostic::codes`; this table registers each rule's file, in code order.

pub mod added_requirement;
pub mod alias_expansion;
pub mod approved_deviation;
pub mod attachment_missing;
pub mod attachment_path;
pub mod attachment_size;
pub mod attachment_symlink;
pub mod attachment_type;
pub mod baseline_stale;
pub mod changed_text;
pub mod code_pattern;
pub mod committed_limit;
pub mod control_character;
pub mod credit_code;
pub mod credit_code_region;
pub mod deferred_proof;
pub mod duplicate_id;
pub mod duplicate_key;
pub mod duplicate_region_name;
pub mod empty_file;
pub mod entry_level;
pub mod event_size;
pub mod exception_expiring;
pub mod expired_exception;
pub mod fee_basis;
pub mod file_count;
pub mod file_name;
pub mod file_size;
pub mod fixed_field;
pub mod format_version;
pub mod fullwidth_punctuation;
pub mod handling;
pub mod illustrative_path;
pub mod insecure_url;
pub mod invalid_value;
pub mod law_amended;
pub mod level_not_delivering;
pub mod limit_unit;
pub mod local_code_region;
pub mod local_item_level;
pub mod missing_key;
pub mod nesting_depth;
pub mod omission_reason;
pub mod omitted_requirement;
pub mod on_site_step;
pub mod overlapping_restatement;
pub mod parent_level;
pub mod personal_data;
pub mod region_code;
pub mod repealed_law;
pub mod review;
pub mod scheduled_in_force;
pub mod situation_lines;
pub mod stale_review;
pub mod standard_version;
pub mod stricter_requirement;
pub mod string_length;
pub mod suppression_expired;
pub mod suppression_malformed;
pub mod suppression_unused;
pub mod task_code;
pub mod unaccounted_line;
pub mod unknown_certificate;
pub mod unknown_file;
pub mod unknown_item;
pub mod unknown_key;
pub mod unknown_law;
pub mod unknown_member;
pub mod unknown_parent;
pub mod unknown_ref;
pub mod unknown_situation;
pub mod unmatched_exception;
pub mod unquoted_code;
pub mod unreadable_file;
pub mod unsupported_yaml;
pub mod visits;
pub mod waived_deferrable;
pub mod waiver_note;
pub mod waiver_without_certificate;
pub mod wrong_type;
pub mod yaml_syntax;
pub mod yml_extension;

use super::Rule;

/// Every rule, in code order (the order of `diagnostic::codes::ALL`).
pub static ALL: &[&Rule] = &[
    &yaml_syntax::RULE,
    &duplicate_key::RULE,
    &unknown_key::RULE,
    &wrong_type::RULE,
    &missing_key::RULE,
    &invalid_value::RULE,
    &unquoted_code::RULE,
    &unknown_file::RULE,
    &unsupported_yaml::RULE,
    &unreadable_file::RULE,
    &file_name::RULE,
    &code_pattern::RULE,
    &file_size::RULE,
    &empty_file::RULE,
    &nesting_depth::RULE,
    &alias_expansion::RULE,
    &string_length::RULE,
    &file_count::RULE,
    &control_character::RULE,
    &yml_extension::RULE,
    &format_version::RULE,
    &fullwidth_punctuation::RULE,
    &suppression_expired::RULE,
    &suppression_unused::RULE,
    &suppression_malformed::RULE,
    &baseline_stale::RULE,
    &attachment_missing::RULE,
    &attachment_size::RULE,
    &attachment_type::RULE,
    &attachment_symlink::RULE,
    &attachment_path::RULE,
    &committed_limit::RULE,
    &limit_unit::RULE,
    &handling::RULE,
    &fee_basis::RULE,
    &visits::RULE,
    &insecure_url::RULE,
    &credit_code::RULE,
    &duplicate_id::RULE,
    &review::RULE,
    &personal_data::RULE,
    &stale_review::RULE,
    &task_code::RULE,
    &waiver_without_certificate::RULE,
    &waiver_note::RULE,
    &illustrative_path::RULE,
    &on_site_step::RULE,
    &scheduled_in_force::RULE,
    &level_not_delivering::RULE,
    &entry_level::RULE,
    &fixed_field::RULE,
    &added_requirement::RULE,
    &stricter_requirement::RULE,
    &changed_text::RULE,
    &approved_deviation::RULE,
    &expired_exception::RULE,
    &unmatched_exception::RULE,
    &unaccounted_line::RULE,
    &omission_reason::RULE,
    &omitted_requirement::RULE,
    &exception_expiring::RULE,
    &standard_version::RULE,
    &unknown_item::RULE,
    &unknown_ref::RULE,
    &unknown_law::RULE,
    &unknown_certificate::RULE,
    &unknown_member::RULE,
    &unknown_parent::RULE,
    &parent_level::RULE,
    &region_code::RULE,
    &credit_code_region::RULE,
    &local_code_region::RULE,
    &duplicate_region_name::RULE,
    &local_item_level::RULE,
    &event_size::RULE,
    &repealed_law::RULE,
    &law_amended::RULE,
    &unknown_situation::RULE,
    &overlapping_restatement::RULE,
    &deferred_proof::RULE,
    &waived_deferrable::RULE,
];
