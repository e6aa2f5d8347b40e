//! `catalogc build`: the output layout of the README, determinism, refusal on errors, the previous
//! output surviving a failed build, escaping, CSV formula neutralising and template overrides.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::*;

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_sample_build_writes_every_file_of_the_layout() {
    let out = sample_built();
    let compiled = compile(env!("CARGO_MANIFEST_DIR").as_ref());
    let catalog = &compiled.resolved.catalog;
    let files = files(out.path());
    let mut expected = vec![
        "portal/index.html".to_string(),
        "portal/conformance.html".to_string(),
        "portal/search.html".to_string(),
        "opendata/datapackage.json".to_string(),
        "opendata/catalog.json".to_string(),
        "opendata/catalog.jsonld".to_string(),
        "reports/conformance.json".to_string(),
    ];
    // The national parts of the tables, and each region's parts, workbook and JSON-LD.
    for table in ["items", "materials", "fees"] {
        expected.push(format!("opendata/{table}.csv"));
    }
    for region in catalog.regions.keys() {
        for file in [
            "entries.csv",
            "materials.csv",
            "fees.csv",
            "conformance.csv",
            "catalog.json",
            "catalog.jsonld",
            "catalog.xlsx",
        ] {
            expected.push(format!("opendata/regions/{region}/{file}"));
        }
    }
    expected.extend(
        catalog
            .items
            .keys()
            .map(|code| format!("portal/items/{code}.html")),
    );
    expected.extend(
        catalog
            .regions
            .keys()
            .map(|r| format!("portal/regions/{r}/index.html")),
    );
    expected.extend(catalog.events.keys().map(|(region, id)| match region {
        Some(r) => format!("portal/regions/{r}/events/{id}.html"),
        None => format!("portal/events/{id}.html"),
    }));
    // A guide for every regional entry and every local item.
    let local = catalog
        .local_items
        .iter()
        .map(|((region, _), l)| (region.clone(), l.value.item.code.clone()));
    for (region, code) in catalog.entries.keys().cloned().chain(local) {
        expected.push(format!("portal/regions/{region}/{code}.html"));
        expected.push(format!("guides/{region}/{code}.md"));
    }
    let missing: Vec<_> = expected
        .iter()
        .filter(|p| !files.contains_key(*p))
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    // One PublicService per national item (national document), per regional entry and per local
    // item (each region's document).
    let services = files
        .iter()
        .filter(|(path, _)| path.ends_with("catalog.jsonld"))
        .map(|(_, bytes)| {
            let jsonld: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            jsonld["@graph"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|n| n["@type"] == "cpsv:PublicService")
                .count()
        })
        .sum::<usize>();
    assert_eq!(
        services,
        catalog.items.len() + catalog.entries.len() + catalog.local_items.len()
    );
    // Chinese first, with the reviewed date, the national section order and schema.org JSON-LD.
    let guide = read(out.path(), "portal/regions/440300/002000112001.html");
    assert!(guide.contains("<html lang=\"zh-CN\""), "{guide}");
    assert!(guide.contains("2025-"), "the reviewed date is shown");
    assert!(guide.contains("\"@type\":\"GovernmentService\""));
    // The 一次性告知单 first, then the elements in the national order.
    let order = [
        "s-notice",
        "s-name",
        "s-conditions",
        "s-materials",
        "s-limit",
        "s-fees",
        "s-contact",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|h| {
            guide
                .find(&format!("<h2 id=\"{h}\">"))
                .unwrap_or_else(|| panic!("{h} missing"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "sections out of order: {positions:?}"
    );
}

#[test]
fn two_builds_are_byte_identical_whatever_the_thread_count() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let root: &Path = env!("CARGO_MANIFEST_DIR").as_ref();
    let one = Command::cargo_bin("catalogc")
        .unwrap()
        .env("RAYON_NUM_THREADS", "1")
        .args(["build", "--as-of", AS_OF, "--root"])
        .arg(root)
        .arg("--out")
        .arg(a.path())
        .output()
        .unwrap();
    let four = Command::cargo_bin("catalogc")
        .unwrap()
        .env("RAYON_NUM_THREADS", "4")
        .args(["build", "--as-of", AS_OF, "--root"])
        .arg(root)
        .arg("--out")
        .arg(b.path())
        .output()
        .unwrap();
    assert!(one.status.success() && four.status.success());
    let (ta, tb) = (files(a.path()), files(b.path()));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(bytes == &tb[path], "{path} differs between builds");
    }
}

fn previous_output() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("previous.txt"), "from the last good build").unwrap();
    out
}

#[test]
fn a_catalog_with_errors_is_not_built_and_the_previous_output_stays() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/national/000120010000.yaml",
        "colour: red\n",
    );
    let out = previous_output();
    let output = build(dir.path(), out.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("CAT003"));
    assert_eq!(
        files(out.path()).keys().collect::<Vec<_>>(),
        ["previous.txt"]
    );
}

#[test]
fn a_broken_template_fails_the_build_and_the_previous_output_stays() {
    let dir = copy_of("base");
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(templates.path().join("guide.html"), "{% extends \"builtin/guide.html\" %}{% block content %}{{ guide.name | no_such_filter }}{% endblock %}").unwrap();
    let out = previous_output();
    let output = build(
        dir.path(),
        out.path(),
        &["--templates", templates.path().to_str().unwrap()],
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("guide.html"));
    assert_eq!(
        files(out.path()).keys().collect::<Vec<_>>(),
        ["previous.txt"]
    );
    // No staging folder is left behind either.
    let parent = out.path().parent().unwrap();
    let name = out
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    assert!(std::fs::read_dir(parent).unwrap().all(|e| {
        !e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with(&format!(".{name}."))
    }));
}

/// The pages that list the nation are written as they are rendered. A template that fails
/// half-way through one is a template error (exit 2, with the template's message), not a
/// failure to write the file, and leaves the previous output as it was.
#[test]
fn a_template_failing_half_way_through_a_streamed_page_fails_the_build_and_the_previous_output_stays()
 {
    let dir = copy_of("base");
    for (name, list) in [
        ("conformance.html", "matrix.rows"),
        ("search.html", "entries"),
    ] {
        let templates = tempfile::tempdir().unwrap();
        // Rows are written, then the last one fails (a name plus a number).
        std::fs::write(
            templates.path().join(name),
            format!(
                "{{% extends \"builtin/{name}\" %}}{{% block content %}}{{{{ super() }}}}\
                 {{% for r in {list} %}}{{{{ r.name }}}}{{% if loop.last %}}{{{{ r.name + 1 }}}}{{% endif %}}{{% endfor %}}\
                 {{% endblock %}}"
            ),
        )
        .unwrap();
        let out = previous_output();
        let output = build(
            dir.path(),
            out.path(),
            &["--templates", templates.path().to_str().unwrap()],
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        assert!(
            stderr.contains(&format!("template {name}")) && stderr.contains("invalid operation"),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("cannot write"), "{name}: {stderr}");
        assert_eq!(
            files(out.path()).keys().collect::<Vec<_>>(),
            ["previous.txt"],
            "{name}"
        );
    }
}

/// The conformance rows and the search entries reach templates one row at a time (a lazy list
/// in portal.rs, so that the nation's pages need not hold them all as template values). A
/// template must not be able to tell: every way of reading a list gives what the plain list
/// gives, and the rows are those of the report and the search index, in their order.
#[test]
fn templates_read_the_lists_of_the_nation_as_plain_lists() {
    let templates = tempfile::tempdir().unwrap();
    let probe = r#"{% macro same(lazy) %}{% set plain = lazy | list %}{{ lazy | length }}={{ plain | length }}
{%- for i in range(plain | length) %}{% if lazy[i] != plain[i] %} differs-at-{{ i }}{% endif %}{% endfor %}
{%- if lazy[-1] != plain[-1] or lazy[-2] != plain[-2] %} differs-from-the-end{% endif %}
{%- if lazy[1:4] != plain[1:4] or lazy[::2] != plain[::2] %} differs-in-a-slice{% endif %}
{%- if lazy | string != plain | string %} differs-as-text{% endif %}
{%- if (lazy | reverse | list) != (plain | reverse | list) %} differs-reversed{% endif %}
{%- if (lazy | first) != (plain | first) or (lazy | last) != (plain | last) %} differs-at-an-end{% endif %}
{%- if lazy is not sequence or lazy is mapping %} not-a-list{% endif %}
{%- if not lazy or lazy[plain | length] is defined %} wrong-bounds{% endif %}
{% endmacro %}"#;
    std::fs::write(
        templates.path().join("conformance.html"),
        format!(
            "{probe}{{{{ same(matrix.rows) }}}}{{% for r in matrix.rows %}}{{{{ r.code }}}}\n{{% endfor %}}"
        ),
    )
    .unwrap();
    std::fs::write(
        templates.path().join("search.html"),
        format!("{probe}{{{{ same(entries) }}}}{{% for e in entries %}}{{{{ e.url | safe }}}}\n{{% endfor %}}"),
    )
    .unwrap();
    // The repository's sample: regions on three levels, guides and a local item.
    let out = built_into(
        env!("CARGO_MANIFEST_DIR").as_ref(),
        &["--templates", templates.path().to_str().unwrap()],
    );

    let report: serde_json::Value =
        serde_json::from_str(&read(out.path(), "reports/conformance.json")).unwrap();
    let regions: Vec<&str> = report["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    let index: serde_json::Value =
        serde_json::from_str(&read(out.path(), "portal/search-index.json")).unwrap();
    let urls: Vec<&str> = index
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["url"].as_str().unwrap())
        .collect();
    assert!(regions.len() > 20 && urls.len() > 70);
    assert!(
        index
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "local")
    );
    for (page, rows) in [
        ("portal/conformance.html", regions),
        ("portal/search.html", urls),
    ] {
        let text = read(out.path(), page);
        let (head, listed) = text.split_once('\n').unwrap();
        assert_eq!(head, format!("{0}={0}", rows.len()), "{page}: {text}");
        assert_eq!(listed.lines().collect::<Vec<_>>(), rows, "{page}");
    }
}

/// A refused build says the same, one province at a time or compiled whole: the findings and
/// the refusal, and not the note (outside git) that no feed would have been written.
#[test]
fn a_refused_build_says_the_same_by_province_as_compiled_whole() {
    let dir = copy_of("base");
    let region = dir.path().join("catalog/regions/440300/region.yaml");
    let text = std::fs::read_to_string(&region).unwrap();
    std::fs::write(&region, text.replace("name: ", "name: [")).unwrap();
    let stderr = |extra: &[&str]| {
        let out = tempfile::tempdir().unwrap();
        let output = build(dir.path(), &out.path().join("out"), extra);
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let (by_province, whole) = (stderr(&[]), stderr(&["--whole-catalog"]));
    assert!(
        by_province.contains("catalog/regions/440300/region.yaml:"),
        "{by_province}"
    );
    assert!(!by_province.contains("git"), "{by_province}");
    assert_eq!(by_province, whole);
}

#[test]
fn a_catalog_template_overrides_the_built_in_one_and_can_extend_it() {
    let dir = copy_of("base");
    std::fs::create_dir_all(dir.path().join("output-templates")).unwrap();
    std::fs::write(
        dir.path().join("output-templates/guide.html"),
        "{% extends \"builtin/guide.html\" %}{% block title %}定制：{{ guide.name }}{% endblock %}",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    assert!(build(dir.path(), out.path(), &[]).status.success());
    let guide = read(out.path(), "portal/regions/440300/000120010000.html");
    assert!(guide.contains("定制：居住证申领"), "{guide}");
    assert!(
        guide.contains("受理条件"),
        "the rest of the built-in page is kept"
    );
}

#[test]
fn catalog_text_is_escaped_everywhere_it_is_published() {
    let dir = copy_of("base");
    let payload = "<script>alert(1)</script>";
    merge(
        dir.path(),
        "catalog/national/000120010000.yaml",
        &format!("name: \"居住证{payload}\"\n"),
    );
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "service_points: [{address: \"</script><img src=x onerror=alert(2)>\"}]\n",
    );
    let out = built_into(dir.path(), &[]);
    for (path, bytes) in files(out.path()) {
        let text = String::from_utf8_lossy(&bytes);
        if path.ends_with(".html") {
            assert!(
                !text.contains("<script>alert"),
                "{path} carries a live script"
            );
            assert!(!text.contains("<img src=x"), "{path} carries a live image");
        }
    }
    let guide = read(out.path(), "portal/regions/440300/000120010000.html");
    assert!(
        guide.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;")
            || guide.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{guide}"
    );
    // Inside the JSON-LD script, markup characters are \u-escaped so the script cannot be closed.
    assert!(guide.contains("\\u003cscript\\u003e"));
}

#[test]
fn csv_files_have_a_byte_order_mark_and_no_formulas() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/national/000120010000.yaml",
        "name: \"=HYPERLINK(\\\"https://example.invalid\\\")\"\n",
    );
    let out = tempfile::tempdir().unwrap();
    assert!(build(dir.path(), out.path(), &[]).status.success());
    let items = std::fs::read(out.path().join("opendata/items.csv")).unwrap();
    assert!(items.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(items).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    for line in text.lines().skip(1) {
        for cell in line.split(',') {
            assert!(!cell.trim_matches('"').starts_with('='), "{line}");
        }
    }
}

#[test]
fn key_pages_have_snapshots() {
    let dir = copy_of("base");
    let out = tempfile::tempdir().unwrap();
    assert!(build(dir.path(), out.path(), &[]).status.success());
    for (name, path) in [
        ("guide", "portal/regions/440300/000120010000.html"),
        ("item", "portal/items/000120010000.html"),
        ("guide-md", "guides/440300/000120010000.md"),
        ("items-csv", "opendata/items.csv"),
    ] {
        insta::assert_snapshot!(format!("page-{name}"), read(out.path(), path));
    }
}

#[cfg(unix)]
#[test]
fn an_unchanged_output_file_is_not_rewritten() {
    use std::os::unix::fs::MetadataExt;
    let dir = copy_of("base");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    assert!(build(dir.path(), &site, &[]).status.success());
    let inode = |path: &str| std::fs::metadata(site.join(path)).unwrap().ino();
    let (index, guide) = (
        inode("portal/index.html"),
        inode("portal/regions/440300/000120010000.html"),
    );
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "service_points: [{address: 深圳市福田区福中三路}]\n",
    );
    let output = build(dir.path(), &site, &[]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unchanged and not rewritten"));
    // The index did not change: the same file (hard-linked from the previous output), not a new one.
    assert_eq!(inode("portal/index.html"), index);
    // The guide whose entry changed was written anew.
    assert_ne!(inode("portal/regions/440300/000120010000.html"), guide);
    assert!(read(&site, "portal/regions/440300/000120010000.html").contains("福中三路"));
}

/// What a build reports: (files, unchanged and not rewritten, not rendered again).
fn counts(output: &std::process::Output) -> (usize, usize, usize) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let line = stderr
        .lines()
        .find(|l| l.starts_with("wrote "))
        .unwrap_or_else(|| panic!("no summary in {stderr}"));
    let (numbers, _) = line.split_once(" to ").unwrap();
    let n: Vec<usize> = numbers
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .collect();
    (n[0], n[2], n[3])
}

#[test]
fn pages_made_from_unchanged_inputs_are_not_rendered_again() {
    let dir = copy_of("base");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let first = build(dir.path(), &site, &[]);
    assert!(first.status.success());
    assert_eq!(counts(&first).2, 0, "nothing to reuse in a first build");
    // Every file of a region's folders (its pages, guides and open data), the item and the
    // national event pages can be reused; the index, search and conformance pages and the
    // national open data are made every time.
    let reusable = files(&site)
        .keys()
        .filter(|p| {
            p.starts_with("guides/")
                || p.starts_with("portal/items/")
                || p.starts_with("portal/events/")
                || p.starts_with("portal/regions/")
                || p.starts_with("opendata/regions/")
        })
        .count();
    assert!(reusable > 5, "{reusable}");

    let again = build(dir.path(), &site, &[]);
    assert!(again.status.success());
    assert_eq!(counts(&again).2, reusable);

    // One entry changes: its pages are rendered again, and the output is what a build from
    // scratch makes.
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "service_points: [{address: 深圳市福田区福中三路}]\n",
    );
    let changed = build(dir.path(), &site, &[]);
    assert!(changed.status.success());
    let reused = counts(&changed).2;
    // Only the files of 深圳 (440300), whose entry changed, can be made again.
    let shenzhen = files(&site)
        .keys()
        .filter(|p| p.split('/').any(|s| s == "440300"))
        .count();
    assert!(
        reused < reusable && reused + shenzhen >= reusable,
        "{reused} of {reusable} reused after one entry changed"
    );
    assert!(read(&site, "portal/regions/440300/000120010000.html").contains("福中三路"));
    let fresh = out.path().join("fresh");
    let scratch = build(dir.path(), &fresh, &["--no-cache"]);
    assert_eq!(counts(&scratch).2, 0, "--no-cache renders everything");
    assert_eq!(files(&site), files(&fresh));

    // A template changes: every page is rendered again.
    std::fs::create_dir_all(dir.path().join("output-templates")).unwrap();
    std::fs::write(
        dir.path().join("output-templates/guide.md"),
        "{% extends \"builtin/guide.md\" %}\n",
    )
    .unwrap();
    let templated = build(dir.path(), &site, &[]);
    assert!(templated.status.success(), "{templated:?}");
    assert_eq!(counts(&templated).2, 0);

    // Manifests that do not describe the output are not trusted.
    for manifest in [".catalogc-pages", ".catalogc-regions"] {
        let manifest = site.join(manifest);
        let text = std::fs::read_to_string(&manifest).unwrap();
        let lied: String = text
            .lines()
            .map(|l| match l.split_once(' ') {
                Some((_, rest)) if l.len() > 40 => format!("{} {rest}\n", "0".repeat(32)),
                _ => format!("{l}\n"),
            })
            .collect();
        std::fs::write(&manifest, lied).unwrap();
    }
    let distrusted = build(dir.path(), &site, &[]);
    assert_eq!(counts(&distrusted).2, 0);
    assert_eq!(files(&site), {
        let fresh = out.path().join("fresh2");
        build(dir.path(), &fresh, &["--no-cache"]);
        files(&fresh)
    });
}

#[test]
fn an_appointment_url_is_published_where_an_entry_gives_one_and_nowhere_else() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "appointment_url: \"https://example.invalid/appointments/jzz\"\n",
    );
    let out = built_into(dir.path(), &[]);
    let url = "https://example.invalid/appointments/jzz";
    let guide = read(out.path(), "portal/regions/440300/000120010000.html");
    // minijinja's HTML escaping writes `/` as `&#x2f;`.
    let escaped = url.replace('/', "&#x2f;");
    assert!(
        guide.contains(&format!("<a href=\"{escaped}\">")),
        "{guide}"
    );
    let markdown = read(out.path(), "guides/440300/000120010000.md");
    assert!(
        markdown.contains(&format!("- 网上预约：<{url}>")),
        "{markdown}"
    );
    let entries = read(out.path(), "opendata/regions/440300/entries.csv");
    let header: Vec<&str> = entries.lines().next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "appointment_url").unwrap();
    let row = entries.lines().find(|l| l.starts_with("440300,")).unwrap();
    assert_eq!(row.split(',').nth(column), Some(url));
    // The province's entry gives none: its guide says nothing about appointments.
    let province = read(out.path(), "portal/regions/440000/000120010000.html");
    assert!(!province.contains("网上预约"), "{province}");
    // An address that is not https is refused by the schema.
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "appointment_url: \"http://example.invalid/\"\n",
    );
    let compiled = compile(dir.path());
    assert!(
        findings(&compiled)
            .iter()
            .any(|(code, file, ..)| code == "CAT006" && file.ends_with("440300/000120010000.yaml")),
        "{}",
        text(&compiled)
    );
}

#[test]
fn an_immediate_item_reads_ji_ban_and_an_unset_quantity_limit_is_not_invented() {
    let out = tempfile::tempdir().unwrap();
    let output = build(env!("CARGO_MANIFEST_DIR").as_ref(), out.path(), &[]);
    assert!(output.status.success());
    // 张店's 结婚登记 commits to 0 days (handling: immediate).
    let guide = read(out.path(), "guides/370303/000702873001.md");
    assert!(guide.contains("即办"), "{guide}");
    assert!(
        !guide.contains("0个工作日") && !guide.contains("0个自然日"),
        "{guide}"
    );
    // No national item of the sample states a quantity limit: the guides say it is not set.
    assert!(!guide.contains("无数量限制"), "{guide}");
    assert!(guide.contains("## 数量限制\n\n未规定"), "{guide}");
}

#[test]
fn a_build_with_warnings_says_so() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/national/000120020000.yaml",
        "reviewed: 2020-01-01\n",
    );
    let out = tempfile::tempdir().unwrap();
    let output = build(dir.path(), out.path(), &[]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the catalog has 1 warning: `catalogc check` shows them"),
        "{stderr}"
    );
    // A clean catalog says nothing of warnings.
    let clean = copy_of("base");
    let output = build(clean.path(), tempfile::tempdir().unwrap().path(), &[]);
    assert!(!String::from_utf8_lossy(&output.stderr).contains("warning"));
}

#[test]
fn a_waived_document_never_shows_the_national_note_about_handing_it_in() {
    let dir = copy_of("base");
    merge(
        dir.path(),
        "catalog/national/000120010000.yaml",
        "materials:\n  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper, electronic], required: true, source: issuing_authority, certificate: resident-id-card, note: 现场核验后退还}\n  - {id: photo, name: 本人近期相片, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n",
    );
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card, waived_by: e_certificate}\n  - {ref: photo}\n",
    );
    let out = tempfile::tempdir().unwrap();
    let output = build(dir.path(), out.path(), &[]);
    assert!(output.status.success(), "{output:?}");
    let city = read(out.path(), "guides/440300/000120010000.md");
    assert!(
        city.contains("免提交") && !city.contains("现场核验后退还"),
        "{city}"
    );
    // Where the document is not waived (the province's guide), the national note stands.
    let province = read(out.path(), "guides/440000/000120010000.md");
    assert!(province.contains("现场核验后退还"), "{province}");
    // check asks the editor for the region's own note; with one, the guide prints it.
    let compiled = compile(dir.path());
    assert_eq!(
        compiled
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect::<Vec<_>>(),
        ["CAT114"]
    );
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "materials:\n  - {ref: id-card, waived_by: e_certificate, note: 以电子证照核验，无需携带}\n  - {ref: photo}\n",
    );
    let out = tempfile::tempdir().unwrap();
    build(dir.path(), out.path(), &[]);
    let city = read(out.path(), "guides/440300/000120010000.md");
    assert!(city.contains("以电子证照核验，无需携带"), "{city}");
    assert!(compile(dir.path()).diagnostics.is_empty());
}
