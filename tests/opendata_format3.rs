//! Format 3 in the open data (issue 15, point 6): situations, service points, attachments (with
//! media type and size) and assistance are tables of the data package and sheets of the
//! workbook, and channels, requirements and evidence in the JSON-LD. `.ci/test` runs
//! frictionless and pyshacl on the build of the same fixture (`tests/fixtures/format3`).

mod common;

use common::*;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(["build", "--as-of", AS_OF, "--root"])
        .arg(fixture("format3"))
        .arg("--out")
        .arg(&site)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (out, site)
}

/// A table's rows from all its parts: the national one (with the header), then each region's
/// in code order, headers skipped, as a reader of the multipart resource sees them.
fn csv(site: &std::path::Path, table: &str) -> Vec<String> {
    let read = |path: std::path::PathBuf| -> Vec<String> {
        std::fs::read_to_string(path)
            .unwrap()
            .trim_start_matches('\u{feff}')
            .lines()
            .map(str::to_string)
            .collect()
    };
    let mut rows = read(site.join(format!("opendata/{table}.csv")));
    let mut regions: Vec<_> = std::fs::read_dir(site.join("opendata/regions"))
        .map(|dir| dir.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    regions.sort();
    for region in regions {
        let part = region.join(format!("{table}.csv"));
        if part.exists() {
            rows.extend(read(part).into_iter().skip(1));
        }
    }
    rows
}

#[test]
fn the_fixture_is_clean() {
    let compiled = compile(&fixture("format3"));
    assert!(compiled.diagnostics.is_empty(), "{}", text(&compiled));
}

#[test]
fn format3_tables_hold_their_rows_and_the_data_package_describes_them() {
    let (_out, site) = built();
    let situations = csv(&site, "situations");
    // 深圳 omits the optional 连续就读 situation; 广东 inherits both.
    assert!(situations.contains(&",000120010000,study,连续就读,,true,false".to_string()));
    assert!(situations.contains(&"440000,000120010000,study,连续就读,,true,false".to_string()));
    assert!(
        !situations
            .iter()
            .any(|l| l.starts_with("440300,000120010000,study"))
    );
    let points = csv(&site, "service_points");
    assert_eq!(points.len(), 3, "{points:?}");
    assert!(
        points[1].starts_with("440300,000120010000,1,福田派出所户政窗口,深圳市福田区示例路 1 号,")
    );
    assert!(points[1].ends_with(",福田街道;南园街道"));
    let pdf = std::fs::read(fixture(
        "format3/catalog/national/000120010000/居住证申领登记表.pdf",
    ))
    .unwrap();
    let attachments = csv(&site, "attachments");
    let form = attachments
        .iter()
        .find(|l| l.starts_with("440300,000120010000,id-card,blank_form,"))
        .unwrap();
    let cells: Vec<&str> = form.split(',').collect();
    assert_eq!(cells[6], "application/pdf");
    assert_eq!(cells[7], pdf.len().to_string());
    assert_eq!(
        std::fs::read(site.join("portal").join(cells[5])).unwrap(),
        pdf
    );
    // The same PNG as the national sample and 深圳's photo example: one published file.
    let href = |prefix: &str| {
        let line = attachments.iter().find(|l| l.starts_with(prefix)).unwrap();
        line.split(',').nth(5).unwrap().to_string()
    };
    assert_eq!(
        href("440300,000120010000,photo,example,相片规格示例,"),
        href(",000120010000,,sample_file,居住证样本,")
    );
    assert!(
        attachments
            .iter()
            .any(|l| l.starts_with("440300,000120010000,photo,example,")
                && l.ends_with(",image/png,68,true"))
    );
    let assistance = csv(&site, "assistance");
    assert_eq!(
        assistance[1],
        "440300,000120010000,home_visit,elderly;disabled,行动不便的老年人、残疾人可预约上门办理,0755-12345679"
    );
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("opendata/datapackage.json")).unwrap())
            .unwrap();
    let resource = |name: &str| {
        package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no resource {name}"))
    };
    for table in ["situations", "service_points", "attachments", "assistance"] {
        let header = &csv(&site, table)[0];
        let resource = resource(table);
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(fields.join(","), *header, "{table}");
    }
    // The workbook has the same tables as sheets.
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(site.join("opendata/catalog.xlsx")).unwrap();
    use calamine::Reader;
    let names = book.sheet_names();
    for sheet in ["办理情形", "办理地点", "表格与样本", "帮办服务"] {
        assert!(names.iter().any(|n| n == sheet), "{names:?}");
    }
    // Service points are regional: 深圳's workbook has its two, the national one the header only.
    assert_eq!(book.worksheet_range("办理地点").unwrap().height(), 1);
    let mut region: calamine::Xlsx<_> =
        calamine::open_workbook(site.join("opendata/regions/440300/catalog.xlsx")).unwrap();
    assert_eq!(region.worksheet_range("办理地点").unwrap().height(), 3);
}

#[test]
fn the_json_ld_has_service_points_and_assistance_as_channels_situations_and_forms() {
    let (_out, site) = built();
    // The national document and 深圳's, where its services are (the JSON-LD is split by region).
    let graph = |path: &str| -> Vec<serde_json::Value> {
        let doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(site.join(path)).unwrap()).unwrap();
        doc["@graph"].as_array().unwrap().clone()
    };
    let mut nodes = graph("opendata/catalog.jsonld");
    nodes.extend(graph("opendata/regions/440300/catalog.jsonld"));
    let node = |suffix: &str| {
        nodes
            .iter()
            .find(|n| n["@id"].as_str().unwrap().ends_with(suffix))
            .unwrap_or_else(|| panic!("no node {suffix}"))
    };
    let service = node("/id/service/440300/000120010000");
    let channels: Vec<&str> = service["cv:hasChannel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["@id"].as_str().unwrap())
        .collect();
    assert!(
        channels
            .iter()
            .any(|c| c.ends_with("440300/000120010000/point-1"))
    );
    assert!(
        channels
            .iter()
            .any(|c| c.ends_with("440300/000120010000/assistance-1"))
    );
    let point = node("/channel/440300/000120010000/point-1");
    assert_eq!(point["@type"], "cv:Channel");
    assert!(
        point["dct:description"]["@value"]
            .as_str()
            .unwrap()
            .contains("深圳市福田区示例路 1 号")
    );
    let hours = point["cv:openingHours"]["@id"].as_str().unwrap();
    assert_eq!(
        node(hours.rsplit("/id/").next().unwrap())["@type"],
        "time:TemporalEntity"
    );
    let requirements: Vec<&str> = service["cv:holdsRequirement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["@id"].as_str().unwrap())
        .collect();
    assert!(
        requirements
            .iter()
            .any(|r| r.ends_with("situation/440300/000120010000/employment"))
    );
    assert!(
        !requirements
            .iter()
            .any(|r| r.ends_with("situation/440300/000120010000/study"))
    );
    let form = node("/evidence/440300/000120010000/id-card/blank_form");
    assert_eq!(form["@type"], "cv:Evidence");
    assert!(
        form["dct:description"]["@value"]
            .as_str()
            .unwrap()
            .contains("application/pdf")
    );
}

/// A fee's tiers and reductions are costs of their own in the JSON-LD (cv:Cost), each with what
/// it costs: 免收 nothing, 减半 half the fee, 减收 the amount stated.
#[test]
fn the_json_ld_has_fee_tiers_and_reductions_as_costs() {
    let (_out, site) = built();
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("opendata/catalog.jsonld")).unwrap())
            .unwrap();
    let nodes = doc["@graph"].as_array().unwrap();
    let cost = |identifier: &str| {
        nodes
            .iter()
            .find(|n| n["@type"] == "cv:Cost" && n["dct:identifier"] == identifier)
            .unwrap_or_else(|| panic!("no cost {identifier}"))
    };
    let description = |identifier: &str| cost(identifier)["dct:description"]["@value"].clone();
    assert_eq!(cost("replacement")["cv:hasValue"], 10.0);
    assert_eq!(cost("replacement/tier-2")["cv:hasValue"], 10.0);
    assert_eq!(description("replacement/tier-2"), "居住证工本费（补领）");
    assert_eq!(cost("replacement/reduction-1")["cv:hasValue"], 0.0);
    assert_eq!(
        description("replacement/reduction-1"),
        "居住证工本费：最低生活保障对象免收（依据《行政事业性收费标准管理办法》第五条）"
    );
    assert_eq!(cost("replacement/reduction-2")["cv:hasValue"], 5.0);
    assert_eq!(cost("replacement/reduction-3")["cv:hasValue"], 3.0);
    // The service lists them among its costs.
    let service = nodes
        .iter()
        .find(|n| {
            n["@id"]
                .as_str()
                .unwrap()
                .ends_with("/id/service/000120020000")
        })
        .unwrap();
    let costs = service["cv:hasCost"].as_array().unwrap();
    assert_eq!(costs.len(), 6, "{costs:?}");
}
