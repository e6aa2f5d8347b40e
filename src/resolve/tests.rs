//! Unit tests of the inheritance core: tiny catalogs written to a temporary folder, compiled by the
//! pipeline, and the [`Resolved`] hand-off inspected.

use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

use super::{Effective, Line, Resolved};
use crate::pipeline::{self, Compiled, Options};

const ITEM: &str = "000120010000";
const OTHER_ITEM: &str = "000120020000";

const CONFIG: &str = "title: 测试目录
language: zh-CN
base_url: https://example.invalid/
schema_version: 3
review_interval_days: 730
";

/// The national item `ITEM` (`OTHER_ITEM` is the same text under its own code).
const NATIONAL: &str = r#"code: "000120010000"
name: 居住证申领
type: public_service
audience: [person]
levels: [province, city, county]
status: active
version: 1
legal_basis:
  - {law: residence-permit-regulation, article: 第九条}
statutory_limit: {days: 15, unit: calendar_day}
handle_area: cross_county
conditions:
  - {id: residence, text: 居住半年以上}
  - {id: grounds, text: 有合法稳定就业}
materials:
  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority}
  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}
  - {id: proof, name: 居住证明, form: copy, copies: 1, medium: [paper], required: true, source: applicant, basis: residence-permit-regulation}
fees:
  - {id: card-fee, name: 工本费, amount: 20}
result: {type: certificate, name: 居住证}
reviewed: 2026-06-30
"#;

type File = (String, String);

/// `catalog/regions/<code>/region.yaml`.
fn region(code: &str, level: &str, parent: Option<&str>) -> File {
    let parent = parent
        .map(|p| format!("parent: \"{p}\"\n"))
        .unwrap_or_default();
    let text = format!("code: \"{code}\"\nname: 区划{code}\nlevel: {level}\n{parent}");
    (format!("regions/{code}/region.yaml"), text)
}

/// Province 440000 ⊃ city 440300 ⊃ county 440304.
fn regions() -> Vec<File> {
    vec![
        region("440000", "province", None),
        region("440300", "city", Some("440000")),
        region("440304", "county", Some("440300")),
    ]
}

/// The entry of `region` for `item`: the required fields, then the top-level YAML `extra`.
fn entry_for(item: &str, region: &str, extra: &str) -> File {
    let level = match region {
        "440000" => "province",
        r if r.ends_with("00") => "city",
        _ => "county",
    };
    let text = format!(
        "department: {{name: 部门{region}, credit_code: \"11440300007542417R\"}}\nlevel: {level}\n\
         contact: {{phone: \"0755-12345678\", complaint: \"12345\"}}\nreviewed: 2026-06-30\n{extra}"
    );
    (format!("regions/{region}/{item}.yaml"), text)
}

fn entry(region: &str, extra: &str) -> File {
    entry_for(ITEM, region, extra)
}

/// Compile catalog.yaml, the two national items and `files` (paths under `catalog/`); every file
/// must pass its schema, or a test would exercise nothing.
fn compile(files: Vec<File>) -> Compiled {
    let dir = tempfile::tempdir().unwrap();
    let fixed = [
        ("catalog.yaml".to_string(), CONFIG.to_string()),
        (format!("national/{ITEM}.yaml"), NATIONAL.to_string()),
        (
            format!("national/{OTHER_ITEM}.yaml"),
            NATIONAL.replace(ITEM, OTHER_ITEM),
        ),
    ];
    for (path, text) in fixed.into_iter().chain(files) {
        let path = dir.path().join("catalog").join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let options = Options {
        as_of: crate::dates::parse("2026-11-29"),
        ..Options::default()
    };
    let compiled = pipeline::compile(dir.path(), &options).expect("the schema compiles");
    let invalid: Vec<_> = compiled
        .resolved
        .catalog
        .documents
        .iter()
        .filter(|d| !d.valid)
        .map(|d| d.path())
        .collect();
    assert!(
        invalid.is_empty(),
        "invalid files {invalid:?}: {:#?}",
        compiled.diagnostics
    );
    compiled
}

/// The index of the document at `catalog/<path>`.
fn doc(resolved: &Resolved, path: &str) -> usize {
    let path = format!("catalog/{path}");
    let documents = &resolved.catalog.documents;
    documents
        .iter()
        .position(|d| d.path() == path)
        .unwrap_or_else(|| panic!("no document {path}"))
}

/// The document index of `region`'s entry for `ITEM`.
fn entry_doc(resolved: &Resolved, region: &str) -> usize {
    doc(resolved, &format!("regions/{region}/{ITEM}.yaml"))
}

fn effective<'a>(resolved: &'a Resolved, region: &str) -> &'a Effective {
    resolved
        .effective_of(region, ITEM)
        .unwrap_or_else(|| panic!("no effective entry of {region}"))
}

/// The field `field` of a document, as a lookup for `Effective::find` and `inherited`.
fn field<'a>(resolved: &'a Resolved, field: &'a str) -> impl Fn(usize) -> Option<&'a Value> {
    move |doc| resolved.catalog.documents[doc].json.get(field)
}

/// The `id`s of the effective lines of `region`'s `field`.
fn line_ids(resolved: &Resolved, region: &str, field: &str) -> Vec<String> {
    effective(resolved, region)
        .lines(&resolved.catalog, field)
        .iter()
        .map(|line| line.str("id").to_string())
        .collect()
}

#[test]
fn field_stated_by_city_wins_over_province_and_national() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", "handle_area: cross_city\n"),
                entry("440300", "handle_area: nationwide\n"),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let got = effective(r, "440300")
        .get(&r.catalog, "handle_area")
        .unwrap();
    assert_eq!(got.value, &json!("nationwide"));
    assert_eq!(got.doc, entry_doc(r, "440300"));
    assert!(!got.national);
}

#[test]
fn field_omitted_by_city_comes_from_province_entry() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", "handle_area: cross_city\n"),
                entry(
                    "440300",
                    "service_points: [{address: 市民中心, hours: 全天}]\n",
                ),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let got = effective(r, "440300")
        .get(&r.catalog, "handle_area")
        .unwrap();
    assert_eq!(got.value, &json!("cross_city"));
    assert_eq!(got.doc, entry_doc(r, "440000"));
    assert!(!got.national);
}

#[test]
fn field_omitted_by_county_comes_from_nearest_parent_entry() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", "service_points: [{address: 省级时间}]\n"),
                entry("440300", "service_points: [{address: 市级时间}]\n"),
                entry("440304", ""),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let got = effective(r, "440304")
        .get(&r.catalog, "service_points")
        .unwrap();
    assert_eq!(got.value, &json!([{"address": "市级时间"}]));
    assert_eq!(got.doc, entry_doc(r, "440300"));
    assert!(!got.national);
}

#[test]
fn field_no_region_states_comes_from_national_item() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", ""),
                entry("440300", ""),
                entry("440304", ""),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let county = effective(r, "440304");
    let got = county.get(&r.catalog, "handle_area").unwrap();
    assert_eq!(got.value, &json!("cross_county"));
    assert_eq!(got.doc, doc(r, &format!("national/{ITEM}.yaml")));
    assert!(got.national);
    // Stated nowhere: nothing.
    assert!(county.get(&r.catalog, "service_points").is_none());
}

#[test]
fn chain_is_own_entry_then_ancestors_nearest_first() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", ""),
                entry("440300", ""),
                entry("440304", ""),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let county = effective(r, "440304");
    assert_eq!(
        county.chain,
        vec![
            entry_doc(r, "440304"),
            entry_doc(r, "440300"),
            entry_doc(r, "440000"),
        ]
    );
    assert_eq!(county.own(), entry_doc(r, "440304"));
    assert_eq!(
        county.national,
        Some(doc(r, &format!("national/{ITEM}.yaml")))
    );
    assert_eq!(r.catalog.ancestors("440304"), vec!["440300", "440000"]);
}

#[test]
fn chain_skips_ancestor_without_entry() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", "service_points: [{address: 省级时间}]\n"),
                entry("440304", ""),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let county = effective(r, "440304");
    assert_eq!(
        county.chain,
        vec![entry_doc(r, "440304"), entry_doc(r, "440000")]
    );
    let got = county.get(&r.catalog, "service_points").unwrap();
    assert_eq!(got.doc, entry_doc(r, "440000"));
    assert!(r.effective_of("440300", ITEM).is_none());
}

#[test]
fn city_whose_province_has_no_entry_inherits_from_national_only() {
    let compiled = compile([regions(), vec![entry("440300", "")]].concat());
    let r = &compiled.resolved;
    let city = effective(r, "440300");
    assert_eq!(city.chain, vec![entry_doc(r, "440300")]);
    let got = city.get(&r.catalog, "handle_area").unwrap();
    assert!(got.national);
    assert!(city.inherited(field(r, "handle_area")).is_none());
}

#[test]
fn inherited_ignores_the_regions_own_entry() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", "service_points: [{address: 省级时间}]\n"),
                entry("440300", "service_points: [{address: 市级时间}]\nassistance: [{kind: other, text: 市民中心}]\n"),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let city = effective(r, "440300");
    let got = city.inherited(field(r, "service_points")).unwrap();
    assert_eq!(got.value, &json!([{"address": "省级时间"}]));
    assert_eq!(got.doc, entry_doc(r, "440000"));
    assert!(!got.national);
    // Only the city states it, and `inherited` does not fall back to the national item.
    assert!(city.inherited(field(r, "assistance")).is_none());
    assert!(city.inherited(field(r, "handle_area")).is_none());
    // `find` with the same lookup does see the own entry.
    assert_eq!(
        city.find(field(r, "service_points")).unwrap().doc,
        entry_doc(r, "440300")
    );
}

#[test]
fn states_is_true_only_for_the_regions_own_fields() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", "service_points: [{address: 省级时间}]\n"),
                entry("440300", "assistance: [{kind: other, text: 市民中心}]\n"),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let city = effective(r, "440300");
    assert!(city.states(&r.catalog, "assistance"));
    assert!(city.states(&r.catalog, "department"));
    assert!(
        !city.states(&r.catalog, "service_points"),
        "the province's field"
    );
    assert!(!city.states(&r.catalog, "handle_area"), "a national field");
    assert!(!city.states(&r.catalog, "traffic"), "stated nowhere");
    assert!(effective(r, "440000").states(&r.catalog, "service_points"));
}

#[test]
fn ref_line_takes_national_properties_and_overrides_only_those_it_states() {
    let compiled = compile(
        [
            regions(),
            vec![entry(
                "440300",
                "materials:\n  - {ref: photo, copies: 2, waived_by: e_certificate}\n",
            )],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let lines = effective(r, "440300").lines(&r.catalog, "materials");
    assert_eq!(lines.len(), 1);
    let photo = &lines[0];
    assert!(matches!(photo, Line::Merged { base: Some(_), .. }));
    assert_eq!(photo.str("id"), "photo");
    assert_eq!(photo.get("copies"), Some(&json!(2)));
    assert_eq!(photo.str("waived_by"), "e_certificate");
    assert_eq!(photo.str("name"), "本人近期相片");
    assert_eq!(photo.str("form"), "original");
    assert_eq!(photo.get("medium"), Some(&json!(["paper"])));
    assert_eq!(photo.get("ref"), None);
    assert_eq!(photo.get("added"), None);
}

#[test]
fn national_lines_not_restated_are_dropped_and_order_is_the_regions() {
    let compiled = compile(
        [
            regions(),
            vec![entry(
                "440300",
                "materials:\n  - {ref: proof}\n  - {ref: id-card}\n",
            )],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    assert_eq!(line_ids(r, "440300", "materials"), ["proof", "id-card"]);
}

#[test]
fn without_restatement_lines_are_the_national_lines() {
    let compiled = compile([regions(), vec![entry("440300", "")]].concat());
    let r = &compiled.resolved;
    let lines = effective(r, "440300").lines(&r.catalog, "materials");
    assert!(lines.iter().all(|l| matches!(l, Line::Plain(_))));
    assert_eq!(
        line_ids(r, "440300", "materials"),
        ["id-card", "photo", "proof"]
    );
    let (national, regional) = effective(r, "440300").list(&r.catalog, "materials");
    assert_eq!(national.and_then(Value::as_array).map(Vec::len), Some(3));
    assert!(regional.is_none());
}

#[test]
fn line_without_ref_is_added() {
    let compiled = compile(
        [
            regions(),
            vec![entry(
                "440300",
                "materials:\n  - {ref: id-card}\n  - {id: lease, name: 房屋租赁合同, form: copy, copies: 1, \
                 medium: [paper], required: true, source: applicant}\n",
            )],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let lines = effective(r, "440300").lines(&r.catalog, "materials");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].get("added"), None);
    let lease = &lines[1];
    assert!(matches!(lease, Line::Added(_)));
    assert_eq!(lease.get("added"), Some(&json!(true)));
    assert_eq!(lease.str("id"), "lease");
    assert_eq!(lease.str("name"), "房屋租赁合同");
}

#[test]
fn ref_to_unknown_national_id_yields_line_whose_id_is_the_ref() {
    let compiled = compile(
        [
            regions(),
            vec![entry(
                "440300",
                "materials:\n  - {ref: ghost, name: 不存在的材料}\n",
            )],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let lines = effective(r, "440300").lines(&r.catalog, "materials");
    assert_eq!(lines.len(), 1);
    let ghost = &lines[0];
    assert!(matches!(ghost, Line::Merged { base: None, .. }));
    assert_eq!(ghost.str("id"), "ghost");
    assert_eq!(ghost.str("name"), "不存在的材料");
    assert_eq!(ghost.get("form"), None);
    assert_eq!(ghost.get("added"), None);
}

#[test]
fn conditions_and_fees_merge_by_ref_too() {
    let compiled = compile(
        [
            regions(),
            vec![entry(
                "440300",
                "conditions:\n  - {ref: grounds}\n  - {id: insurance, text: 缴纳社保满一年}\n\
                 fees:\n  - {ref: card-fee, amount: 10}\n",
            )],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let city = effective(r, "440300");
    let conditions = city.lines(&r.catalog, "conditions");
    assert_eq!(
        line_ids(r, "440300", "conditions"),
        ["grounds", "insurance"]
    );
    assert_eq!(conditions[0].str("text"), "有合法稳定就业");
    assert_eq!(conditions[1].get("added"), Some(&json!(true)));
    let fees = city.lines(&r.catalog, "fees");
    assert_eq!(fees.len(), 1);
    assert_eq!(fees[0].get("amount"), Some(&json!(10)));
    assert_eq!(fees[0].str("name"), "工本费");
}

#[test]
fn city_inherits_the_provinces_restated_list() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", "materials:\n  - {ref: id-card, copies: 3}\n"),
                entry("440300", ""),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let city = effective(r, "440300");
    assert_eq!(line_ids(r, "440300", "materials"), ["id-card"]);
    let lines = city.lines(&r.catalog, "materials");
    assert_eq!(lines[0].get("copies"), Some(&json!(3)));
    assert_eq!(lines[0].str("name"), "居民身份证");
    let (_, regional) = city.list(&r.catalog, "materials");
    let province = &r.catalog.documents[entry_doc(r, "440000")].json;
    assert!(std::ptr::eq(regional.unwrap(), &province["materials"]));
}

#[test]
fn line_serializes_with_keys_sorted_like_the_merged_value() {
    let compiled = compile(
        [
            regions(),
            vec![entry(
                "440300",
                "materials:\n  - {ref: proof, waived_by: data_sharing, copies: 2, note: 可容缺, form: both}\n\
                 \x20 - {ref: ghost, name: 不存在的材料, copies: 0}\n\
                 \x20 - {source: applicant, id: lease, name: 房屋租赁合同, form: copy, copies: 1, \
                 medium: [paper], required: true}\n",
            )],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let lines = effective(r, "440300").lines(&r.catalog, "materials");
    // `json!` builds a `serde_json::Map`, which keeps its keys sorted.
    let expected = [
        json!({
            "id": "proof", "name": "居住证明", "form": "both", "copies": 2, "medium": ["paper"],
            "required": true, "source": "applicant", "basis": "residence-permit-regulation",
            "waived_by": "data_sharing", "note": "可容缺",
        }),
        json!({"name": "不存在的材料", "id": "ghost", "copies": 0}),
        json!({
            "source": "applicant", "id": "lease", "name": "房屋租赁合同", "form": "copy",
            "copies": 1, "medium": ["paper"], "required": true, "added": true,
        }),
    ];
    assert_eq!(lines.len(), expected.len());
    for (line, expected) in lines.iter().zip(&expected) {
        assert_eq!(
            serde_json::to_string(line).unwrap(),
            serde_json::to_string(expected).unwrap()
        );
    }
    // A national line as it stands serializes as the national value.
    let national = &r.catalog.documents[doc(r, &format!("national/{ITEM}.yaml"))].json;
    let plain = Line::Plain(&national["materials"][2]);
    let expected = json!({
        "name": "居住证明", "id": "proof", "form": "copy", "copies": 1, "medium": ["paper"],
        "required": true, "source": "applicant", "basis": "residence-permit-regulation",
    });
    assert_eq!(
        serde_json::to_string(&plain).unwrap(),
        serde_json::to_string(&expected).unwrap()
    );
}

#[test]
fn effective_of_and_effective_for_item_find_the_right_entries() {
    let compiled = compile(
        [
            regions(),
            vec![
                entry("440000", ""),
                entry("440300", ""),
                entry_for(OTHER_ITEM, "440000", ""),
                entry_for(OTHER_ITEM, "440304", ""),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    for (region, item) in [
        ("440000", ITEM),
        ("440300", ITEM),
        ("440000", OTHER_ITEM),
        ("440304", OTHER_ITEM),
    ] {
        let e = r.effective_of(region, item).unwrap();
        assert_eq!((e.region.as_str(), e.item.as_str()), (region, item));
        assert_eq!(e.own(), doc(r, &format!("regions/{region}/{item}.yaml")));
        assert_eq!(e.national, Some(doc(r, &format!("national/{item}.yaml"))));
    }
    assert!(r.effective_of("440304", ITEM).is_none());
    assert!(r.effective_of("440300", OTHER_ITEM).is_none());
    assert!(r.effective_of("449999", ITEM).is_none());
    assert!(r.effective_of("440300", "000199990000").is_none());

    let regions_of = |item: &str| -> Vec<String> {
        r.effective_for_item(item)
            .inspect(|e| assert_eq!(e.item, item))
            .map(|e| e.region.clone())
            .collect()
    };
    assert_eq!(regions_of(ITEM), ["440000", "440300"]);
    assert_eq!(regions_of(OTHER_ITEM), ["440000", "440304"]);
    assert!(regions_of("000199990000").is_empty());
}

/// Run `f` on another thread and fail, rather than hang, when it does not finish in time.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || send.send(f()));
    receive
        .recv_timeout(Duration::from_secs(60))
        .expect("finished (no endless walk up the regions)")
}

#[test]
fn region_loop_stops_ancestors() {
    // 440300 and 440400 name each other as parent; the county sits under the loop; 440500 is its
    // own parent.
    let (ancestors, chains) = within_a_minute(|| {
        let compiled = compile(vec![
            region("440300", "city", Some("440400")),
            region("440400", "city", Some("440300")),
            region("440304", "county", Some("440300")),
            region("440500", "city", Some("440500")),
            entry("440300", "service_points: [{address: 市级时间}]\n"),
            entry("440400", ""),
            entry("440304", ""),
            entry("440500", ""),
        ]);
        let r = &compiled.resolved;
        let ancestors: Vec<Vec<String>> = ["440300", "440304", "440500"]
            .iter()
            .map(|region| {
                let chain = r.catalog.ancestors(region);
                chain.into_iter().map(String::from).collect()
            })
            .collect();
        let chains: Vec<Vec<String>> = ["440300", "440304", "440500"]
            .iter()
            .map(|region| {
                effective(r, region)
                    .chain
                    .iter()
                    .map(|&d| r.catalog.documents[d].region_folder().unwrap().to_string())
                    .collect()
            })
            .collect();
        (ancestors, chains)
    });
    assert_eq!(
        ancestors,
        [vec!["440400"], vec!["440300", "440400"], vec![]] as [Vec<&str>; 3]
    );
    assert_eq!(
        chains,
        [
            vec!["440300", "440400"],
            vec!["440304", "440300", "440400"],
            vec!["440500"],
        ]
    );
}

#[test]
fn missing_parent_stops_ancestors() {
    let compiled = within_a_minute(|| {
        let compiled = compile(vec![
            region("440300", "city", Some("449900")),
            entry("440300", ""),
        ]);
        let r = &compiled.resolved;
        let city = effective(r, "440300");
        let national = city.get(&r.catalog, "handle_area").map(|s| s.national);
        (
            r.catalog.ancestors("440300").is_empty(),
            city.chain.len(),
            national,
        )
    });
    assert_eq!(compiled, (true, 1, Some(true)));
}

#[test]
fn the_policy_names_the_lists_of_lines_and_the_typed_list_fields_are_among_them() {
    let compiled = compile(regions());
    let lines = &compiled.resolved.line_fields;
    assert!(compiled.resolved.is_line_field("materials"));
    assert!(!compiled.resolved.is_line_field("committed_limit"));
    for field in super::view::ListField::ALL {
        assert!(
            lines.iter().any(|l| l == field.name()),
            "{} is not a list of lines in policy.yaml: {lines:?}",
            field.name()
        );
    }
}

#[test]
fn an_illustrative_mark_belongs_to_the_document_the_value_comes_from() {
    use crate::resolve::view;
    let national = NATIONAL.replace(
        "reviewed: 2026-06-30",
        "illustrative: [statutory_limit]\nreviewed: 2026-06-30",
    );
    let compiled = compile(
        [
            regions(),
            vec![
                (
                    format!("national/{OTHER_ITEM}.yaml"),
                    national.replace(ITEM, OTHER_ITEM),
                ),
                entry_for(OTHER_ITEM, "440000", "illustrative: [contact.phone]\n"),
                entry_for(OTHER_ITEM, "440300", "illustrative: [contact]\n"),
                entry_for(
                    OTHER_ITEM,
                    "440304",
                    "statutory_limit: {days: 15, unit: calendar_day}\n",
                ),
                entry("440300", ""),
            ],
        ]
        .concat(),
    );
    let r = &compiled.resolved;
    let of = |region| view::effective(&r.catalog, r.effective_of(region, OTHER_ITEM).unwrap());
    // The province marks its phone; the city marks its whole contact (phone included).
    assert!(of("440000").illustrative("contact.phone"));
    assert!(!of("440000").illustrative("contact.complaint"));
    assert!(of("440300").illustrative("contact.phone"));
    assert!(of("440300").illustrative("contact.complaint"));
    // The county states its own contact: the parents' marks do not speak for it.
    assert!(!of("440304").illustrative("contact.phone"));
    // The statutory limit inherited from the national item carries the national mark; the
    // county restates it and its own file does not mark it.
    assert!(of("440300").illustrative("statutory_limit"));
    assert!(!of("440304").illustrative("statutory_limit"));
    // The item under its own code, unmarked, stays a fact.
    let plain = view::effective(&r.catalog, effective(r, "440300"));
    assert!(!plain.illustrative("statutory_limit"));
}
