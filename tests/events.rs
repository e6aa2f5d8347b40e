//! 一件事 (events): materials merge by what they are, not by item-local ids (issue 14, point 5);
//! a document an earlier member produces is obtained within the event; a region's own events.
//! The event page's context is read through a template override that prints it line by line.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

/// A regional event's file.
fn event(id: &str, members: &[&str]) -> String {
    let members: Vec<String> = members.iter().map(|m| format!("\"{m}\"")).collect();
    format!(
        "id: {id}\nname: 企业开办“一件事”\nkind: business\nlead_department: 市场监督管理部门\n\
         members: [{}]\nreviewed: 2026-06-30\n",
        members.join(", ")
    )
}

/// The base fixture with `tests/fixtures/events` over it: three items in the shape of 企业开办, a
/// local item of 广东省, the certificates they name, and two national events of the three items,
/// `company` (registration first) and `reversed` (registration last).
fn catalog() -> tempfile::TempDir {
    let dir = copy_of("base");
    copy_dir(&fixture("events"), dir.path());
    dir
}

/// event.html replaced by one line per row of the page's `event` context, fields tab-separated.
const CONTEXT: &str = r#"{%- autoescape false %}{% for list in ["materials", "obtained"] %}{% for m in event[list] %}
{{ list }}	{{ m.name }}	{{ m.holder or "" }}	{{ m.certificate or "" }}	{{ "waived" if m.waived else "" }}	{{ m.from.name if m.from else "" }}	{{ m["items"] | join(",") }}
{%- endfor %}{% endfor %}
{%- for m in event.members %}
members	{{ m.name }}	{{ m.url or "" }}	{{ m.produces or "" }}
{%- endfor %}
region	{{ event.region.name if event.region else "" }}
{% endautoescape %}"#;

/// Build `root` with event.html replaced by [`CONTEXT`].
fn build_with_contexts(root: &Path) -> tempfile::TempDir {
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(templates.path().join("event.html"), CONTEXT).unwrap();
    built_into(root, &["--templates", templates.path().to_str().unwrap()])
}

/// The `event` context of a page as JSON, read back from [`CONTEXT`]'s lines (an empty field is
/// null).
fn context(out: &Path, page: &str) -> Value {
    let text = std::fs::read_to_string(out.join("portal").join(page)).unwrap();
    let mut event = serde_json::json!({"materials": [], "obtained": [], "members": []});
    for line in text.lines().filter(|l| !l.is_empty()) {
        let fields: Vec<Value> = line
            .split('\t')
            .map(|f| {
                if f.is_empty() {
                    Value::Null
                } else {
                    Value::from(f)
                }
            })
            .collect();
        let keys: &[&str] = match fields[0].as_str() {
            Some("members") => &["name", "url", "produces"],
            Some("region") => {
                event["region"] = fields[1].clone();
                continue;
            }
            _ => &["name", "holder", "certificate", "waived", "from", "items"],
        };
        let mut row: serde_json::Map<String, Value> = keys
            .iter()
            .map(|k| k.to_string())
            .zip(fields[1..].iter().cloned())
            .collect();
        if let Some(items) = row.get("items").and_then(Value::as_str) {
            let items: Vec<Value> = items.split(',').map(Value::from).collect();
            row.insert("items".to_string(), Value::from(items));
        }
        event[fields[0].as_str().unwrap()]
            .as_array_mut()
            .unwrap()
            .push(Value::from(row));
    }
    event
}

/// (name, [member names]) of each row of a material list.
fn rows(list: &Value) -> Vec<(String, Vec<String>)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let items = m["items"].as_array().unwrap();
            let items = items.iter().map(|i| i.as_str().unwrap().to_string());
            (m["name"].as_str().unwrap().to_string(), items.collect())
        })
        .collect()
}

fn row(name: &str, items: &[&str]) -> (String, Vec<String>) {
    (
        name.to_string(),
        items.iter().map(|i| i.to_string()).collect(),
    )
}

#[test]
fn materials_merge_by_certificate_and_holder_and_forms_stay_per_member() {
    let dir = catalog();
    let compiled = compile(dir.path());
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
    let out = build_with_contexts(dir.path());
    let event = context(out.path(), "events/company.html");
    assert_eq!(
        rows(&event["materials"]),
        [
            // Three forms with the item-local id `application`: three rows.
            row("设立登记申请书", &["企业设立登记"]),
            // The legal representative's ID (one certificate, one holder), asked once.
            row("法定代表人身份证", &["企业设立登记", "公章刻制备案"]),
            row("公章刻制申请表", &["公章刻制备案"]),
            // A business licence, but a shareholder's: not the one registration issues.
            row("非自然人股东的营业执照", &["公章刻制备案"]),
            row("发票领用申请表", &["发票领用"]),
            // The 经办人's ID shares the seal item's local id `id-card` and the certificate type
            // with the legal representative's, not the holder: a document of its own.
            row("经办人的身份证明", &["发票领用"]),
        ]
    );
    assert_eq!(event["materials"][1]["holder"], "法定代表人");
    assert_eq!(event["materials"][1]["certificate"], "居民身份证");
    // The licence registration issues is obtained within the event by the two later members.
    assert_eq!(
        rows(&event["obtained"]),
        [row("营业执照副本", &["公章刻制备案", "发票领用"])]
    );
    assert_eq!(event["obtained"][0]["certificate"], "营业执照");
    assert_eq!(event["obtained"][0]["from"], "企业设立登记");
    assert_eq!(event["members"][0]["produces"], "营业执照");
    assert_eq!(event["region"], Value::Null);
}

#[test]
fn a_document_whose_producer_comes_later_is_still_to_bring() {
    let out = build_with_contexts(catalog().path());
    let event = context(out.path(), "events/reversed.html");
    assert_eq!(event["obtained"], serde_json::json!([]));
    let licence = rows(&event["materials"])
        .into_iter()
        .find(|(name, _)| name == "营业执照")
        .expect("the licence is to bring");
    assert_eq!(licence.1, ["发票领用", "公章刻制备案"]);
}

#[test]
fn a_regional_event_uses_the_regions_entries_and_is_linked_from_its_region() {
    let dir = catalog();
    let root = dir.path();
    // 广东's own entry waives the photo of 居住证申领 (the national standard does not).
    merge(
        root,
        "catalog/regions/440000/000120010000.yaml",
        "materials:\n  - {ref: id-card}\n  - {ref: photo, waived_by: data_sharing}\n",
    );
    let members = ["000120010000", "000120030000", "442000100001"];
    merge(
        root,
        "catalog/regions/440000/events/company.yaml",
        &event("company", &members),
    );
    let compiled = compile(root);
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
    let out = build_with_contexts(root);
    let event = context(out.path(), "regions/440000/events/company.html");
    assert_eq!(event["region"], "广东省");
    let photo = &event["materials"][1];
    assert_eq!(
        (&photo["name"], &photo["waived"]),
        (&"本人近期相片".into(), &"waived".into())
    );
    // The members link to the region's guides; a local item has no page of its own.
    assert_eq!(
        event["members"][0]["url"],
        "regions/440000/000120010000.html"
    );
    assert_eq!(event["members"][2]["name"], "银行开户预约");
    assert_eq!(event["members"][2]["url"], Value::Null);
    // The local item's licence comes from registration, an earlier member.
    assert_eq!(
        rows(&event["obtained"]),
        [row("营业执照", &["银行开户预约"])]
    );
    // The national event of the same id is a page of its own.
    assert_eq!(
        context(out.path(), "events/company.html")["region"],
        Value::Null
    );
    // minijinja's HTML escaping writes `/` as `&#x2f;`.
    let html = |page: &str| {
        let text = std::fs::read_to_string(out.path().join("portal").join(page)).unwrap();
        text.replace("&#x2f;", "/")
    };
    let region = html("regions/440000/index.html");
    assert!(
        region.contains(r#"<a href="../../regions/440000/events/company.html">"#),
        "{region}"
    );
    let index = html("index.html");
    assert!(
        index.contains(r#"href="regions/440000/events/company.html""#),
        "{index}"
    );
}

#[test]
fn a_regional_event_outside_3_to_9_members_or_with_an_unknown_member_is_reported() {
    let dir = catalog();
    let root = dir.path();
    const PATH: &str = "catalog/regions/440000/events/small.yaml";
    merge(
        root,
        PATH,
        &event("small", &["000120010000", "000120030000"]),
    );
    // 442000100001 is 广东's: a city's event cannot list it, nor an item nobody has.
    const CITY: &str = "catalog/regions/440300/events/city.yaml";
    let members = [
        "000120010000",
        "442000100001",
        "000120030000",
        "000199990000",
    ];
    merge(root, CITY, &event("city", &members));
    let compiled = compile(root);
    let found: Vec<(String, String, u32, u32)> = findings(&compiled)
        .into_iter()
        .filter(|(code, ..)| code == "CAT313" || code == "CAT305")
        .collect();
    let at =
        |code: &str, file: &str, line, column| (code.to_string(), file.to_string(), line, column);
    assert_eq!(
        found,
        [
            at("CAT313", PATH, 5, 1),
            at("CAT305", CITY, 5, 27),
            at("CAT305", CITY, 5, 59),
        ],
        "{}",
        text(&compiled)
    );
}

#[test]
fn a_result_certificate_must_be_in_the_registry() {
    let dir = catalog();
    merge(
        dir.path(),
        "catalog/national/000120030000.yaml",
        "result: {type: certificate, name: 营业执照, certificate: business-licence}\n",
    );
    let compiled = compile(dir.path());
    let d = finding(&compiled, "CAT304");
    assert_eq!(d.file, "catalog/national/000120030000.yaml");
    let text = std::fs::read_to_string(dir.path().join(&d.file)).unwrap();
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(n, l)| Some((n as u32 + 1, l.find("business-licence")?)))
        .unwrap();
    let column = text.lines().nth(line as usize - 1).unwrap()[..column]
        .chars()
        .count() as u32
        + 1;
    assert_eq!((d.span.start.line, d.span.start.column), (line, column));
    assert!(d.message.contains("business-licence"), "{}", d.message);
}

#[test]
fn check_since_a_local_item_rechecks_the_events_of_its_region_that_list_it() {
    let dir = catalog();
    let root = dir.path();
    let members = ["000120010000", "000120030000", "442000100001"];
    merge(
        root,
        "catalog/regions/440000/events/company.yaml",
        &event("company", &members),
    );
    let selection = catalogc::load::since::select(
        root,
        &["catalog/regions/440000/local/442000100001.yaml".to_string()],
        catalogc::diagnostic::messages::Lang::En,
    );
    assert!(
        selection.reports("catalog/regions/440000/events/company.yaml"),
        "{:?}",
        selection.report
    );
    assert!(!selection.reports("catalog/events/company.yaml"));
}
