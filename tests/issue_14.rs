//! Issue 14, "Every published word traceable to the record": local items in every output,
//! baselines named, no invented facts, every field published, citizen-first printable guides and
//! stable addresses. Each test names the point it proves.

mod common;

use std::path::Path;

use common::*;

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A built copy of the base fixture after `edit`; the build must succeed.
fn built(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = copy_of("base");
    edit(dir.path());
    let out = tempfile::tempdir().unwrap();
    let output = build(dir.path(), out.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (dir, out)
}

/// 深圳's own item, 人才住房申请 (illustrative), with two materials and no fee.
const LOCAL: &str = "catalog/regions/440300/local/440300001001.yaml";
const LOCAL_ITEM: &str = r#"code: "440300001001"
name: 人才住房配租申请
type: public_service
audience: [person]
levels: [city]
status: active
version: 1
legal_basis:
  - {law: residence-permit-regulation}
statutory_limit: {days: 20, unit: working_day}
conditions:
  - {id: talent, text: 经认定的深圳市人才}
materials:
  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper], required: true, source: issuing_authority}
  - {id: application, name: 人才住房配租申请表, form: original, copies: 1, medium: [paper], required: true, source: applicant}
fees: []
result: {type: other, name: 配租确认书}
department: {name: 深圳市住房和建设局, credit_code: "11440300MB2C920866"}
level: city
committed_limit: {days: 15, unit: working_day}
contact: {phone: "12345", complaint: "12345"}
reviewed: 2026-06-30
"#;

fn with_local_item(root: &Path) {
    let path = root.join(LOCAL);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, LOCAL_ITEM).unwrap();
}

#[test]
fn point_1_a_local_item_has_a_guide_a_page_linked_from_its_region_and_search_and_a_service() {
    let (_dir, out) = built(with_local_item);
    let out = out.path();
    // A guide, in HTML and Markdown, at an address made of codes only.
    let html = read(out, "portal/regions/440300/440300001001.html");
    assert!(html.contains("人才住房配租申请"), "{html}");
    assert!(html.contains("人才住房配租申请表"), "{html}");
    // Its lines are its own: none is marked as a local addition to a national standard.
    assert!(!html.contains("地方新增"), "{html}");
    // It says it is a local item, with no national standard to compare with or link to.
    assert!(html.contains("地方事项"), "{html}");
    assert!(!html.contains("items/440300001001.html"), "{html}");
    let markdown = read(out, "guides/440300/440300001001.md");
    assert!(
        markdown.contains("- 承诺办结时限：15个工作日") && markdown.contains("与全国标准的关系"),
        "{markdown}"
    );
    // Linked from its region's page and listed in search, as a local item of 深圳.
    let region = read(out, "portal/regions/440300/index.html");
    // minijinja's HTML escaping writes `/` as `&#x2f;`.
    assert!(
        region.contains("href=\"..&#x2f;..&#x2f;regions&#x2f;440300&#x2f;440300001001.html\""),
        "{region}"
    );
    let search: serde_json::Value =
        serde_json::from_str(&read(out, "portal/search-index.json")).unwrap();
    let found = search
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "440300001001")
        .expect("the local item is in the search index");
    assert_eq!(found["kind"], "local");
    assert_eq!(found["url"], "regions/440300/440300001001.html");
    // A CPSV-AP public service of its region, with no national service to relate to.
    let jsonld: serde_json::Value =
        serde_json::from_str(&read(out, "opendata/catalog.jsonld")).unwrap();
    let service = jsonld["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| {
            n["@id"]
                .as_str()
                .is_some_and(|id| id.ends_with("service/440300/440300001001"))
        })
        .expect("a PublicService for the local item");
    assert!(service.get("cv:relatedService").is_none(), "{service}");
}
