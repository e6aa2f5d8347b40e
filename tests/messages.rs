//! The message files (`locales/<lang>/*.ftl`) are complete and consistent: every file parses, both
//! languages define the same messages with the same placeholders, every message id the code
//! uses exists in both, every code has its `explain` summary, and `--lang` / the catalog's
//! `language` choose the language of a run.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use catalogc::diagnostic::messages::{FILES, Lang};
use fluent_syntax::ast;
use fluent_syntax::parser;

/// The variables a pattern shows (`{ $name }`), and with `selectors` those it selects on too.
fn vars(pattern: &ast::Pattern<&str>, selectors: bool, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            match expression {
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    out.insert(id.name.to_string());
                }
                ast::Expression::Inline(_) => {}
                ast::Expression::Select { selector, variants } => {
                    if let (true, ast::InlineExpression::VariableReference { id }) =
                        (selectors, selector)
                    {
                        out.insert(id.name.to_string());
                    }
                    for variant in variants {
                        vars(&variant.value, selectors, out);
                    }
                }
            }
        }
    }
}

/// What a message uses: its file, the variables it shows, and those it shows or selects on.
type Uses = (String, BTreeSet<String>, BTreeSet<String>);

/// Each message of a language by id.
fn messages(lang: Lang) -> BTreeMap<String, Uses> {
    let mut found = BTreeMap::new();
    for (_, file, text) in FILES.iter().filter(|(l, _, _)| *l == lang) {
        let resource = parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("{}/{file}: {errors:?}", lang.tag()));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let (mut shown, mut all) = (BTreeSet::new(), BTreeSet::new());
                    if let Some(value) = &message.value {
                        vars(value, false, &mut shown);
                        vars(value, true, &mut all);
                    }
                    let id = message.id.name.to_string();
                    let previous = found.insert(id.clone(), (file.to_string(), shown, all));
                    assert!(
                        previous.is_none(),
                        "{}: `{id}` is defined twice",
                        lang.tag()
                    );
                }
                ast::Entry::Junk { content } => panic!("{}/{file}: junk {content:?}", lang.tag()),
                _ => {}
            }
        }
    }
    found
}

/// No placeholder is lost in translation: what one language shows, the other shows or selects
/// on (a selector is one language's grammar, such as English plurals, which another may not
/// need).
#[test]
fn both_languages_define_the_same_messages_with_the_same_placeholders() {
    let zh = messages(Lang::Zh);
    let en = messages(Lang::En);
    assert!(en.len() > 200, "only {} English messages", en.len());
    for (id, (file, shown, all)) in &en {
        match zh.get(id) {
            None => panic!("zh-CN/{file} lacks `{id}`"),
            Some((zh_file, zh_shown, zh_all)) => {
                assert_eq!(zh_file, file, "`{id}` is in different files");
                assert!(
                    shown.is_subset(zh_all),
                    "`{id}`: zh-CN drops some of {shown:?}"
                );
                assert!(
                    zh_shown.is_subset(all),
                    "`{id}`: en drops some of {zh_shown:?}"
                );
            }
        }
    }
    for id in zh.keys() {
        assert!(en.contains_key(id), "en lacks `{id}`, which zh-CN defines");
    }
}

/// Every `t!(lang, "id", …)` in `src/` names a message both languages define.
#[test]
fn every_message_the_code_uses_exists_in_both_languages() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let pattern = regex::Regex::new(r#"t!\(\s*[a-z_.]+,\s*"([a-z0-9_-]+)""#).unwrap();
    let mut used = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        // messages.rs documents the macro with a made-up id.
        if entry.path().extension().is_some_and(|e| e == "rs")
            && entry.path().file_name().is_some_and(|n| n != "messages.rs")
        {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for capture in pattern.captures_iter(&text) {
                used.insert(capture[1].to_string());
            }
        }
    }
    assert!(used.len() > 150, "only {} ids found in src/", used.len());
    for lang in Lang::ALL {
        let defined = messages(lang);
        let missing: Vec<&String> = used
            .iter()
            .filter(|id| !defined.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
    }
}

/// Every code has its summary and its page in both languages; every `pattern` of
/// the built-in schemas has a description (the reader never sees the regex).
#[test]
fn every_code_and_every_pattern_has_its_words() {
    let zh = messages(Lang::Zh);
    let en = messages(Lang::En);
    for code in catalogc::diagnostic::codes::ALL {
        let id = code.code.to_ascii_lowercase();
        assert!(
            zh.contains_key(&format!("{id}-summary")),
            "zh-CN: {id}-summary"
        );
        for part in ["summary", "what", "why"] {
            assert!(en.contains_key(&format!("{id}-{part}")), "en: {id}-{part}");
        }
    }
    let schemas = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
    let names = regex::Regex::new(r#""([a-z_]+)": \{[^{}]*"pattern""#).unwrap();
    let mut with_pattern = BTreeSet::new();
    for entry in std::fs::read_dir(schemas).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "diff.schema.json") {
            continue; // describes catalogc's own output, not a file an editor writes
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for capture in names.captures_iter(&text) {
            // A list's `items` pattern belongs to the list's definition (`illustrative`).
            if &capture[1] != "items" {
                with_pattern.insert(capture[1].to_string());
            }
        }
    }
    assert!(with_pattern.contains("credit_code"), "{with_pattern:?}");
    for name in &with_pattern {
        for (lang, defined) in [("zh-CN", &zh), ("en", &en)] {
            assert!(
                defined.contains_key(&format!("pattern-{name}")),
                "{lang}: pattern-{name}"
            );
        }
    }
}

fn catalogc(args: &[&str], dir: &std::path::Path) -> (Option<i32>, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalogc"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

/// A zh-CN catalog gets Chinese; `--lang en` English; an English catalog English.
#[test]
fn the_language_follows_lang_else_the_catalog() {
    let dir = common::copy_of("base");
    common::merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "committed_limit: {days: 10, unit: 工作日}\n",
    );
    let check = ["check", "--no-cache", "--as-of", common::AS_OF];
    let (status, zh) = catalogc(&check, dir.path());
    assert_eq!(status, Some(1), "{zh}");
    assert!(zh.contains("不是允许的取值"), "{zh}");
    assert!(zh.contains("请写 `working_day`"), "{zh}");
    assert!(zh.contains("已检查"), "{zh}");
    let (_, en) = catalogc(&[&check[..], &["--lang", "en"]].concat(), dir.path());
    assert!(en.contains("is not one of the allowed values"), "{en}");
    assert!(en.contains("write the value `working_day`"), "{en}");
    common::merge(dir.path(), "catalog/catalog.yaml", "language: en\n");
    let (_, english_catalog) = catalogc(&check, dir.path());
    assert!(
        english_catalog.contains("is not one of the allowed values"),
        "{english_catalog}"
    );
    let (_, forced) = catalogc(&[&check[..], &["--lang", "zh"]].concat(), dir.path());
    assert!(forced.contains("不是允许的取值"), "{forced}");
}

/// `explain` and `rules` speak the language of the catalog they are run in, or `--lang`'s.
#[test]
fn explain_and_rules_in_both_languages_for_every_code() {
    let dir = common::copy_of("base");
    for code in catalogc::diagnostic::codes::ALL {
        let (status, zh) = catalogc(&["explain", code.code], dir.path());
        assert_eq!(status, Some(0));
        assert!(
            zh.contains("## 检查什么") && zh.contains("## 不通过的示例"),
            "{zh}"
        );
        let (_, en) = catalogc(&["explain", code.code, "--lang", "en"], dir.path());
        assert!(
            en.contains("## What it checks") && en.contains("## Example that fails"),
            "{en}"
        );
        assert!(
            !zh.contains(&format!("{}-", code.code.to_ascii_lowercase())),
            "{zh}"
        );
    }
    let (_, zh) = catalogc(&["rules"], dir.path());
    assert!(zh.contains("统一社会信用代码校验位错误"), "{zh}");
    let (_, en) = catalogc(&["rules", "--lang", "en"], dir.path());
    assert!(
        en.contains("fails its GB 32100") || en.contains("credit code"),
        "{en}"
    );
}

/// Runs in both languages share the cache (it holds clean documents, never a finding's words):
/// neither shows the other's words, and a file made clean by the cache stays clean.
#[test]
fn the_cache_does_not_mix_languages() {
    let dir = common::copy_of("base");
    common::merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "reviewed: 2025-13-40\n",
    );
    let check = ["check", "--as-of", common::AS_OF];
    let (_, zh) = catalogc(&check, dir.path());
    assert!(dir.path().join(".catalogc-cache/documents").is_file());
    let (_, en) = catalogc(&[&check[..], &["--lang", "en"]].concat(), dir.path());
    let (_, zh_again) = catalogc(&check, dir.path());
    assert!(zh.contains("不是有效的日期"), "{zh}");
    assert!(en.contains("is not a date"), "{en}");
    assert_eq!(zh, zh_again);
}

/// A value of the wrong form is told what the form is, with an example, never the regex; a
/// Chinese label written for an enumeration value is told which value it means.
#[test]
fn no_regex_reaches_a_reader_and_labels_find_their_values() {
    let dir = common::copy_of("base");
    common::merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "department: {name: 深圳市公安局, credit_code: \"1144030000754241\"}\n\
         contact: {phone: \"12-34\", complaint: \"12345\"}\nlevel: 市级\n",
    );
    let check = ["check", "--no-cache", "--as-of", common::AS_OF];
    for (lang, credit, phone, level) in [
        (
            "zh",
            "统一社会信用代码为 18 位",
            "\"0755-12345678\"",
            "请写 `city`",
        ),
        (
            "en",
            "18 digits or capital letters",
            "\"0755-12345678\"",
            "write the value `city`",
        ),
    ] {
        let (status, out) = catalogc(&[&check[..], &["--lang", lang]].concat(), dir.path());
        assert_eq!(status, Some(1), "{out}");
        for regex in ["^[", "]{", "}$", "[0-9", "A-HJ"] {
            assert!(!out.contains(regex), "{lang}: `{regex}` in\n{out}");
        }
        for expected in [credit, "\"11440300007542417R\"", phone, level] {
            assert!(
                out.contains(expected),
                "{lang}: `{expected}` missing in\n{out}"
            );
        }
    }
}

/// `diagnostic::codes` keeps each code's English summary for the code table; the message files'
/// English summary is the same text, so the two cannot drift apart.
#[test]
fn the_code_table_and_the_english_summaries_agree() {
    for code in catalogc::diagnostic::codes::ALL {
        let id = format!("{}-summary", code.code.to_ascii_lowercase());
        assert_eq!(
            catalogc::diagnostic::messages::t(Lang::En, &id, None),
            code.summary,
            "{}",
            code.code
        );
    }
}

/// CAT003's help is in the reader's language in each of its forms: two keys equally near, and a
/// key the format has nowhere (both were English in a Chinese report).
#[test]
fn cat003_help_speaks_the_catalog_language() {
    let dir = common::copy_of("base");
    let national = "catalog/national/000120010000.yaml";
    let text = std::fs::read_to_string(dir.path().join(national)).unwrap();
    std::fs::write(
        dir.path().join(national),
        format!("{text}ceds: 1\nzzqqxx: 1\n"),
    )
    .unwrap();
    let check = ["check", "--no-cache", "--as-of", common::AS_OF];
    let (status, zh) = catalogc(&check, dir.path());
    assert_eq!(status, Some(1), "{zh}");
    assert!(zh.contains("帮助: 是否应为 `code`、`fees` 之一？"), "{zh}");
    assert!(
        zh.contains("帮助: 请删除；`catalogc explain CAT003` 说明各个键在哪里定义"),
        "{zh}"
    );
    assert!(
        !zh.contains("did you mean") && !zh.contains("remove it"),
        "{zh}"
    );
    let (_, en) = catalogc(&[&check[..], &["--lang", "en"]].concat(), dir.path());
    assert!(en.contains("did you mean one of `code`, `fees`?"), "{en}");
}
