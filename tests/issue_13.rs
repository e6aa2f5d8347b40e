//! Issue 13, "Verdicts a standards office can sign": every case of its "What was seen", on the
//! sample catalog or the small base fixture, with the verdict it must get. Each test is named
//! after its case, so a regression names the case it brings back.

mod common;

use assert_cmd::Command;
use catalogc::diff::Class;
use common::*;

/// The codes of the findings of a compiled catalog.
fn codes(compiled: &catalogc::pipeline::Compiled) -> Vec<&'static str> {
    compiled.diagnostics.iter().map(|d| d.code).collect()
}

/// The codes of the findings in one file.
fn codes_in<'a>(compiled: &'a catalogc::pipeline::Compiled, file: &str) -> Vec<&'a str> {
    compiled
        .diagnostics
        .iter()
        .filter(|d| d.file == file)
        .map(|d| d.code)
        .collect()
}

/// The class of `field` in `region`'s entry for `item`.
fn class_of(
    compiled: &catalogc::pipeline::Compiled,
    region: &str,
    item: &str,
    field: &str,
) -> Option<Class> {
    let entry = compiled.conformance.entry(region, item)?;
    entry
        .fields
        .iter()
        .find(|f| &*f.field == field)
        .map(|f| f.class)
}

#[test]
fn case_1_a_required_material_added_nationally_is_not_an_improvement_where_a_list_is_restated() {
    let dir = sample_copy();
    let item = "catalog/national/002000112001.yaml";
    let text = std::fs::read_to_string(dir.path().join(item)).unwrap();
    let added = text.replacen(
        "materials:\n",
        "materials:\n  - {id: application-form, name: 居住证申领登记表, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n",
        1,
    );
    std::fs::write(dir.path().join(item), added).unwrap();
    let compiled = compile(dir.path());
    // Every region that restates its materials is told about the new line; none is `improved`.
    let unaccounted: Vec<&str> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.code == "CAT210")
        .map(|d| d.file.as_str())
        .collect();
    assert!(
        unaccounted.contains(&"catalog/regions/440300/002000112001.yaml")
            && unaccounted.contains(&"catalog/regions/510100/002000112001.yaml"),
        "{unaccounted:?}"
    );
    for region in ["440300", "510100"] {
        assert_eq!(
            class_of(&compiled, region, "002000112001", "materials"),
            Some(Class::Deviation),
            "{region}"
        );
    }
}

#[test]
fn case_1_dropping_the_legal_age_and_no_kinship_conditions_of_marriage_registration_is_a_deviation()
{
    let dir = sample_copy();
    let entry = "catalog/regions/440000/000702873001.yaml";
    merge(
        dir.path(),
        entry,
        "conditions:\n  - {ref: voluntary}\n  - {ref: no-spouse}\n  - {ref: in-person}\n",
    );
    let compiled = compile(dir.path());
    assert_eq!(
        class_of(&compiled, "440000", "000702873001", "conditions"),
        Some(Class::Deviation)
    );
    let found = codes_in(&compiled, entry);
    assert_eq!(found, ["CAT210", "CAT210"], "{}", text(&compiled));
    // Omitting them on purpose is still a deviation: conditions are legal requirements.
    merge(
        dir.path(),
        entry,
        "conditions:\n  - {ref: voluntary}\n  - {ref: legal-age, omitted: 本省不设年龄限制}\n  - {ref: no-spouse}\n  - {ref: no-kinship, omitted: 不再审查}\n  - {ref: in-person}\n",
    );
    let compiled = compile(dir.path());
    let found = codes_in(&compiled, entry);
    assert_eq!(found, ["CAT212", "CAT212"], "{}", text(&compiled));
}

#[test]
fn case_1_chengdu_dropping_two_ground_proofs_is_not_an_improvement() {
    let dir = sample_copy();
    let entry = "catalog/regions/510100/002000112001.yaml";
    merge(
        dir.path(),
        entry,
        "materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {ref: residence-proof}\n",
    );
    let compiled = compile(dir.path());
    assert_eq!(
        class_of(&compiled, "510100", "002000112001", "materials"),
        Some(Class::Deviation)
    );
    assert_eq!(
        compiled
            .diagnostics
            .iter()
            .filter(|d| d.file == entry && d.code == "CAT210")
            .count(),
        2
    );
}

#[test]
fn case_2_twenty_working_days_against_fifteen_calendar_days_is_an_error() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 20, unit: working_day}\n",
    );
    let compiled = compile(dir.path());
    assert_eq!(codes(&compiled), ["CAT101"]);
}

#[test]
fn case_2_ten_working_days_against_fifteen_calendar_days_is_not_same() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 10, unit: working_day}\n",
    );
    let compiled = compile(dir.path());
    assert_eq!(
        class_of(&compiled, "440000", "000120010000", "committed_limit"),
        Some(Class::Uncertain)
    );
    assert_eq!(codes(&compiled), ["CAT102"]);
    // The warning can be resolved: a promise within the bound it states passes --deny-warnings.
    let help = compiled.diagnostics[0].help.clone().unwrap();
    assert!(help.contains("promise at most 6个工作日"), "{help}");
    merge(
        dir.path(),
        "catalog/regions/440000/000120010000.yaml",
        "committed_limit: {days: 6, unit: working_day}\n",
    );
    Command::cargo_bin("catalogc")
        .unwrap()
        .args(["check", "--deny-warnings", "--as-of", AS_OF, "--root"])
        .arg(dir.path())
        .assert()
        .success();
}

/// One structural case: the edits, and the code it must produce at the file given.
fn structure(edits: &[(&str, &str)], code: &str, file: &str) {
    let dir = copy_of("base");
    for (path, yaml) in edits {
        if yaml.starts_with("code:") || path.ends_with("region.yaml") {
            let target = dir.path().join(path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, yaml).unwrap();
        } else {
            merge(dir.path(), path, yaml);
        }
    }
    let compiled = compile(dir.path());
    assert!(
        compiled
            .diagnostics
            .iter()
            .any(|d| d.code == code && d.file == file),
        "expected {code} at {file}:\n{}",
        text(&compiled)
    );
}

const HANGZHOU: &str = "code: \"330100\"\nname: 杭州市\nlevel: city\nparent: \"440000\"\n";

#[test]
fn case_3_a_region_under_a_parent_its_code_does_not_lie_under() {
    structure(
        &[("catalog/regions/330100/region.yaml", HANGZHOU)],
        "CAT308",
        "catalog/regions/330100/region.yaml",
    );
}

#[test]
fn case_3_a_city_named_like_another() {
    structure(
        &[(
            "catalog/regions/440400/region.yaml",
            "code: \"440400\"\nname: 深圳市\nlevel: city\nparent: \"440000\"\n",
        )],
        "CAT311",
        "catalog/regions/440400/region.yaml",
    );
}

#[test]
fn case_3_a_credit_code_registered_in_another_region() {
    // 广东's entry names 深圳's police: characters 3–8 say 440300, below 广东, so that is fine;
    // 深圳's entry with a 浙江 code is not.
    structure(
        &[(
            "catalog/regions/440300/000120010000.yaml",
            "department: {name: 深圳市公安局, credit_code: \"11330100002493296L\"}\n",
        )],
        "CAT309",
        "catalog/regions/440300/000120010000.yaml",
    );
}

#[test]
fn case_3_a_local_item_coded_for_another_region() {
    structure(
        &[(
            "catalog/regions/440300/local/330100001001.yaml",
            "code: \"330100001001\"\nname: 上门办证\ntype: public_service\naudience: [person]\nlevels: [city]\nstatus: active\nversion: 1\nlegal_basis:\n  - {law: residence-permit-regulation}\nstatutory_limit: {days: 15, unit: calendar_day}\nconditions: []\nmaterials: []\nfees: []\nresult: {type: other, name: 上门服务}\nreviewed: 2026-06-30\nlevel: city\ndepartment: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\ncontact: {phone: \"0755-12345678\", complaint: \"12345\"}\n",
        )],
        "CAT310",
        "catalog/regions/440300/local/330100001001.yaml",
    );
}

#[test]
fn case_3_a_local_item_delivered_only_below_its_city() {
    structure(
        &[(
            "catalog/regions/440300/local/440300001001.yaml",
            "code: \"440300001001\"\nname: 上门办证\ntype: public_service\naudience: [person]\nlevels: [county]\nstatus: active\nversion: 1\nlegal_basis:\n  - {law: residence-permit-regulation}\nstatutory_limit: {days: 15, unit: calendar_day}\nconditions: []\nmaterials: []\nfees: []\nresult: {type: other, name: 上门服务}\nreviewed: 2026-06-30\nlevel: city\ndepartment: {name: 深圳市公安局, credit_code: \"11440300007542417R\"}\ncontact: {phone: \"0755-12345678\", complaint: \"12345\"}\n",
        )],
        "CAT312",
        "catalog/regions/440300/local/440300001001.yaml",
    );
}

#[test]
fn case_3_a_task_code_of_the_wrong_structure() {
    structure(
        &[(
            "catalog/regions/440300/000120010000.yaml",
            "task_code: \"11440300007542417R9999999999999\"\n",
        )],
        "CAT112",
        "catalog/regions/440300/000120010000.yaml",
    );
}

#[test]
fn case_3_a_lease_waived_by_an_e_certificate() {
    structure(
        &[(
            "catalog/regions/440300/000120010000.yaml",
            "materials:\n  - {ref: id-card}\n  - {ref: photo}\n  - {id: lease, name: 房屋租赁合同, form: copy, copies: 1, medium: [paper], required: true, source: applicant, waived_by: e_certificate}\n",
        )],
        "CAT113",
        "catalog/regions/440300/000120010000.yaml",
    );
}

#[test]
fn case_3_a_yml_file_is_an_error_not_a_vanishing_warning() {
    let dir = copy_of("base");
    let from = dir.path().join("catalog/regions/440300/000120010000.yaml");
    let to = from.with_extension("yml");
    std::fs::rename(&from, &to).unwrap();
    let compiled = compile(dir.path());
    let found: Vec<_> = compiled
        .diagnostics
        .iter()
        .filter(|d| d.file.ends_with(".yml"))
        .map(|d| d.code)
        .collect();
    assert_eq!(found, ["CAT020"]);
}

#[test]
fn case_3_a_region_or_item_that_matches_nothing_exits_2() {
    let root = env!("CARGO_MANIFEST_DIR");
    for args in [
        vec!["check", "--region", "339999"],
        vec!["diff", "--item", "002000112002"],
    ] {
        let output = Command::cargo_bin("catalogc")
            .unwrap()
            .args(&args)
            .args(["--root", root, "--as-of", AS_OF])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("是否应为"), "{args:?}: {stderr}");
    }
}

#[test]
fn case_4_a_province_with_no_applicable_item_has_no_score() {
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let province = compiled.conformance.region("440000").unwrap();
    assert_eq!((province.applicable, province.score), (0, None));
    // A city that implements some applicable items: missing and deviating are told apart.
    let city = compiled.conformance.region("440300").unwrap();
    assert_eq!(
        city.implemented + city.missing.len(),
        city.applicable,
        "{city:?}"
    );
    assert_eq!(
        city.conforming + city.approved + city.uncertain + city.deviating,
        city.implemented
    );
}

#[test]
fn case_5_an_exception_expiring_in_four_days_is_announced() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区条例, approval: 粤府函〔2026〕1号, expires: 2026-12-03}\n",
    );
    let compiled = compile(dir.path());
    assert_eq!(codes(&compiled), ["CAT207", "CAT213"]);
}

#[test]
fn case_5_an_expired_exception_is_one_finding_that_says_renew_or_conform() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\nexceptions:\n  - {field: conditions, ref: residence, reason: 经济特区条例, approval: 粤府函〔2020〕1号, expires: 2020-12-31}\n",
    );
    let compiled = compile(dir.path());
    assert_eq!(codes(&compiled), ["CAT208"]);
    let help = compiled.diagnostics[0].help.as_deref().unwrap();
    assert!(help.contains("renew") && !help.contains("record an approved exception"));
}

#[test]
fn case_6_a_reworded_condition_names_the_exception_route() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "conditions:\n  - {ref: residence, text: 连续居住满十二个月}\n",
    );
    let compiled = compile(dir.path());
    assert_eq!(codes(&compiled), ["CAT206"]);
    let help = compiled.diagnostics[0].help.as_deref().unwrap();
    assert!(
        help.contains("approved exception")
            && help.contains("exceptions: [{field: conditions, ref: residence"),
        "{help}"
    );
}
