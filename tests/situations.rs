//! Issue 15, points 2 and 5: the conformance diff per situation (办理情形), the region ×
//! situation table of `diff --item`, and awkward editor input around situations. Each catalog is
//! the base fixture with a national item that has three situations.

mod common;

use catalogc::diagnostic::messages::Lang;
use common::*;
use serde_json::Value;

const NATIONAL: &str = "catalog/national/000120010000.yaml";
const CITY: &str = "catalog/regions/440300/000120010000.yaml";
const PROVINCE: &str = "catalog/regions/440000/000120010000.yaml";

/// The national 居住证 item with situations by ground: employment and housing must be handled,
/// study is `optional`; each ground has its own proof.
const SITUATIONS: &str = "situations:
  - {id: employment, name: 以合法稳定就业申领, proof: [labor-contract]}
  - {id: housing, name: 以合法稳定住所申领, proof: [lease]}
  - {id: study, name: 以连续就读申领, optional: true}
materials:
  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card}
  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}
  - {id: labor-contract, name: 劳动合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant, situations: [employment]}
  - {id: lease, name: 房屋租赁合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant, situations: [housing]}
  - {id: school-proof, name: 在读证明, form: original, copies: 1, medium: [paper], required: true, source: applicant, situations: [study]}
";

/// The base catalog with the national item's situations and the city's `materials` and
/// `situations` replaced by `city` (top-level keys it defines).
fn catalog(city: &str) -> tempfile::TempDir {
    let dir = copy_of("base");
    merge(dir.path(), NATIONAL, SITUATIONS);
    merge(dir.path(), CITY, city);
    dir
}

const RESTATED: &str = "materials:
  - {ref: id-card}
  - {ref: photo}
  - {ref: labor-contract}
  - {ref: lease}
  - {ref: school-proof}
";

fn codes(compiled: &catalogc::pipeline::Compiled) -> Vec<String> {
    compiled
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

/// The city's materials field in the diff.
fn materials(compiled: &catalogc::pipeline::Compiled) -> catalogc::diff::FieldResult {
    let entry = compiled
        .conformance
        .entry("440300", "000120010000")
        .expect("the city's entry");
    entry
        .fields
        .iter()
        .find(|f| &*f.field == "materials")
        .cloned()
        .expect("a materials field")
}

#[test]
fn a_restatement_that_matches_the_standard_in_every_situation_is_clean() {
    let dir = catalog(RESTATED);
    let compiled = compile(dir.path());
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
    assert_eq!(materials(&compiled).class, catalogc::diff::Class::Same);
}

#[test]
fn a_stricter_line_is_a_deviation_in_its_situation_only() {
    let dir =
        catalog(&RESTATED.replace("{ref: labor-contract}", "{ref: labor-contract, copies: 2}"));
    let compiled = compile_in(dir.path(), Lang::Zh);
    let field = materials(&compiled);
    assert_eq!(field.class, catalogc::diff::Class::Deviation);
    let situations: Vec<Option<&str>> = field
        .details
        .iter()
        .map(|d| d.situation.as_deref())
        .collect();
    assert_eq!(situations, [Some("employment")], "{:#?}", field.details);
    let finding = finding(&compiled, "CAT205");
    assert!(
        finding.message.ends_with("（情形：以合法稳定就业申领）"),
        "{}",
        finding.message
    );
    assert_eq!(codes(&compiled), ["CAT205"]);
}

#[test]
fn a_line_stricter_in_every_situation_is_one_finding_that_names_them() {
    let dir = catalog(&RESTATED.replace("{ref: photo}", "{ref: photo, copies: 3}"));
    let compiled = compile(dir.path());
    // One detail per situation the city handles (study too: nothing omits it) ...
    let field = materials(&compiled);
    let mut situations: Vec<&str> = field
        .details
        .iter()
        .filter_map(|d| d.situation.as_deref())
        .collect();
    situations.sort_unstable();
    assert_eq!(situations, ["employment", "housing", "study"]);
    // ... and one finding at the line, naming the three.
    assert_eq!(codes(&compiled), ["CAT205"], "{}", text(&compiled));
    let message = &compiled.diagnostics[0].message;
    assert!(
        message.ends_with(" (in situation 以合法稳定就业申领, 以合法稳定住所申领, 以连续就读申领)"),
        "{message}"
    );
}

#[test]
fn a_line_restated_for_some_situations_is_unaccounted_in_the_others() {
    let dir =
        catalog(&RESTATED.replace("{ref: id-card}", "{ref: id-card, situations: [employment]}"));
    let compiled = compile(dir.path());
    let unaccounted: Vec<&catalogc::diagnostic::Diagnostic> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT210")
        .collect();
    assert_eq!(unaccounted.len(), 1, "{}", text(&compiled));
    let message = &unaccounted[0].message;
    assert!(message.contains("material `id-card`"), "{message}");
    assert!(message.contains("以合法稳定住所申领"), "{message}");
    assert!(message.contains("以连续就读申领"), "{message}");
    assert!(!message.contains("以合法稳定就业申领"), "{message}");
}

#[test]
fn omissions_and_restatements_per_situation_on_disjoint_lines_account_for_the_line() {
    // The same ref on two lines with disjoint situations: restated in employment, omitted
    // (精简材料, not statutory: improved) in the other two.
    let dir = catalog(&RESTATED.replace(
        "  - {ref: photo}\n",
        "  - {ref: photo, situations: [employment]}\n  - {ref: photo, situations: [housing, study], omitted: 已共享人像信息}\n",
    ));
    let compiled = compile(dir.path());
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
    let field = materials(&compiled);
    assert_eq!(field.class, catalogc::diff::Class::Improved);
    let mut omitted: Vec<(&str, &str)> = field
        .details
        .iter()
        .map(|d| (d.kind.as_str(), d.situation.as_deref().unwrap_or("-")))
        .collect();
    omitted.sort_unstable();
    assert_eq!(omitted, [("omitted", "housing"), ("omitted", "study")]);
}

#[test]
fn a_national_line_asked_for_in_another_situation_is_an_addition_there() {
    let dir = catalog(&RESTATED.replace(
        "{ref: labor-contract}",
        "{ref: labor-contract, situations: [employment, housing]}",
    ));
    let compiled = compile(dir.path());
    let added = finding(&compiled, "CAT204");
    assert!(
        added.message.contains("`labor-contract` (劳动合同)"),
        "{}",
        added.message
    );
    assert!(
        added.message.ends_with("(in situation 以合法稳定住所申领)"),
        "{}",
        added.message
    );
    assert_eq!(codes(&compiled), ["CAT204"], "{}", text(&compiled));
}

#[test]
fn omitting_a_situation_is_a_deviation_unless_it_is_optional() {
    let dir = catalog(&format!(
        "{RESTATED}situations:\n  - {{ref: employment}}\n  - {{ref: housing, omitted: 本市暂不受理}}\n  - {{ref: study, omitted: 本市暂不受理}}\n"
    ));
    let compiled = compile(dir.path());
    // housing is not optional: CAT212 with a message about a situation; study is optional.
    assert_eq!(codes(&compiled), ["CAT212"], "{}", text(&compiled));
    let message = &compiled.diagnostics[0].message;
    assert_eq!(
        message,
        "situation `housing` is not handled here (not marked `optional` in the national standard) and is omitted"
    );
    let entry = compiled
        .conformance
        .entry("440300", "000120010000")
        .unwrap();
    let situations = entry
        .fields
        .iter()
        .find(|f| &*f.field == "situations")
        .unwrap();
    assert_eq!(situations.class, catalogc::diff::Class::Deviation);
    // The materials of the situations it does not handle are not compared: they still are
    // restated here, but nothing about housing or study is reported.
    assert_eq!(materials(&compiled).class, catalogc::diff::Class::Same);
}

#[test]
fn a_region_that_omits_a_situation_but_restates_lines_for_it_is_not_compared_there() {
    let dir = catalog(
        "situations:\n  - {ref: employment}\n  - {ref: housing}\n  - {ref: study, omitted: 本市暂不受理}\n\
         materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {ref: labor-contract}\n  - {ref: lease}\n  - {ref: school-proof, copies: 5}\n",
    );
    let compiled = compile(dir.path());
    // copies: 5 would be stricter, but only in study, which the city does not handle.
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
    assert_eq!(materials(&compiled).class, catalogc::diff::Class::Same);
}

#[test]
fn an_added_situation_with_its_own_material_is_an_addition_in_that_situation() {
    let dir = catalog(&format!(
        "{RESTATED}  - {{id: talent-cert, name: 人才认定证明, form: original, copies: 1, medium: [paper], required: true, source: issuing_authority, situations: [talent]}}\n\
         situations:\n  - {{ref: employment}}\n  - {{ref: housing}}\n  - {{ref: study}}\n  - {{id: talent, name: 以人才引进申领}}\n"
    ));
    let compiled = compile(dir.path());
    let mut found = codes(&compiled);
    found.sort_unstable();
    // The added situation and its added material, each CAT204.
    assert_eq!(found, ["CAT204", "CAT204"], "{}", text(&compiled));
    let messages: Vec<&str> = compiled
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages.contains(&"situation `talent` (以人才引进申领) is not in the national standard"),
        "{messages:#?}"
    );
    assert!(
        messages.contains(
            &"material `talent-cert` (人才认定证明) is not in the national standard (in situation 以人才引进申领)"
        ),
        "{messages:#?}"
    );
}

#[test]
fn an_empty_situations_list_on_a_line_is_a_schema_error_at_its_place() {
    let dir = catalog(&RESTATED.replace("{ref: lease}", "{ref: lease, situations: []}"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["check", "--as-of", AS_OF, "--lang", "en", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(
            "error[CAT006]: `situations` (适用情形) has fewer than 1 element\n  --> catalog/regions/440300/000120010000.yaml:10:18"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("panicked"), "{stdout}");
}

#[test]
fn an_item_without_situations_is_compared_as_a_whole_list() {
    // The base fixture, untouched but for a stricter photo line: no detail names a situation.
    let dir = copy_of("base");
    merge(
        dir.path(),
        CITY,
        "materials:\n  - {ref: id-card}\n  - {ref: photo, copies: 3}\n",
    );
    let compiled = compile(dir.path());
    let field = materials(&compiled);
    assert_eq!(field.details.len(), 1);
    assert!(field.details[0].situation.is_none());
    let json = serde_json::to_value(&field).unwrap();
    assert!(json["details"][0].get("situation").is_none(), "{json}");
    assert!(!compiled.diagnostics[0].message.contains("situation"));
}

/// `diff --item` over the catalog, as text or JSON.
fn diff_item(root: &std::path::Path, format: &str) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args([
            "diff",
            "--as-of",
            AS_OF,
            "--lang",
            "zh-CN",
            "--item",
            "000120010000",
            "--format",
            format,
            "--root",
        ])
        .arg(root)
        .output()
        .unwrap();
    assert!(output.status.code().is_some(), "no exit status");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn diff_item_answers_what_an_applicant_in_one_situation_brings_per_region() {
    // The province states a stricter lease (2 copies) and the city inherits it; the city makes
    // the labour contract optional and omits the photo in housing.
    let dir = catalog(&RESTATED.replace(
        "  - {ref: labor-contract}\n",
        "  - {ref: labor-contract, required: false}\n",
    ));
    merge(
        dir.path(),
        PROVINCE,
        "materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {ref: labor-contract}\n  - {ref: lease, copies: 2}\n  - {ref: school-proof}\n",
    );
    let text = diff_item(dir.path(), "text");
    // Per situation, the national standard and each region: counts and what differs.
    assert!(
        text.contains("情形 以合法稳定就业申领（employment）"),
        "{text}"
    );
    assert!(
        text.contains(
            "全国标准：3 项必要材料（另有 0 项非必要或容缺）：居民身份证、本人近期相片、劳动合同"
        ),
        "{text}"
    );
    assert!(
        text.contains("深圳市（440300）：2 项必要材料（另有 1 项非必要或容缺）：居民身份证、本人近期相片；非必要或容缺：劳动合同；与全国标准不同：labor-contract"),
        "{text}"
    );
    assert!(
        text.contains("广东省（440000）：3 项必要材料（另有 0 项非必要或容缺）：居民身份证、本人近期相片、房屋租赁合同；与全国标准不同：lease"),
        "{text}"
    );

    let json: Value = serde_json::from_str(&diff_item(dir.path(), "json")).unwrap();
    let schema: Value = serde_json::from_str(include_str!("../schema/diff.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let item = &json["items"][0];
    assert_eq!(item["situations"][0]["situation"], "employment");
    assert_eq!(item["situations"][0]["required"], 3);
    let city = item["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "440300")
        .unwrap();
    let employment = city["situations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["situation"] == "employment")
        .unwrap();
    assert_eq!(employment["required"], 2);
    assert_eq!(employment["optional"], 1);
    assert_eq!(employment["differs"], serde_json::json!(["labor-contract"]));
    let housing = city["situations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["situation"] == "housing")
        .unwrap();
    // The city restates its own list: the province's stricter lease is not in effect there.
    assert_eq!(housing["required"], 3);
    assert_eq!(housing["differs"], serde_json::json!([]));
}

#[test]
fn diff_item_on_an_item_without_situations_has_no_situation_table() {
    let dir = copy_of("base");
    let text = diff_item(dir.path(), "text");
    assert!(text.contains("各地区对比"), "{text}");
    assert!(!text.contains("情形"), "{text}");
    let json: Value = serde_json::from_str(&diff_item(dir.path(), "json")).unwrap();
    assert!(json["items"][0].get("situations").is_none());
    assert!(json["items"][0]["regions"][0].get("situations").is_none());
}
