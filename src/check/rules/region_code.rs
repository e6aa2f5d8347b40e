//! CAT308 region-code: a region code that does not fit its level or lie under its parent's code.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::resolve::model::Level;
use crate::t;

pub static RULE: Rule = Rule {
    code: &codes::REGION_CODE,
    fails: &[
        (
            "catalog/regions/330100/region.yaml",
            "code: \"330100\"\nname: 杭州市\nlevel: city\nparent: \"440000\"\n",
        ),
        (
            "catalog/regions/440305/region.yaml",
            "code: \"440305\"\nname: 南山区\nlevel: city\nparent: \"440000\"\n",
        ),
    ],
    passes: &[
        (
            "catalog/regions/330000/region.yaml",
            "code: \"330000\"\nname: 浙江省\nlevel: province\n",
        ),
        (
            "catalog/regions/330100/region.yaml",
            "code: \"330100\"\nname: 杭州市\nlevel: city\nparent: \"330000\"\n",
        ),
        (
            "catalog/regions/440305/region.yaml",
            "code: \"440305\"\nname: 南山区\nlevel: county\nparent: \"440300\"\n",
        ),
    ],
    check: Some(check),
    since: false,
};

/// The level a 6-digit code's shape says, or `None` when it is not 6 digits.
fn shape(code: &str) -> Option<Level> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(if &code[2..] == "0000" {
        Level::Province
    } else if &code[4..] == "00" {
        Level::City
    } else {
        Level::County
    })
}

/// The four municipalities (直辖市): 北京, 天津, 上海, 重庆.
fn municipality(code: &str) -> bool {
    matches!(&code[..2], "11" | "12" | "31" | "50")
}

/// A county-level unit a province administers directly (省直辖县级行政单位): `XX90xx`.
fn directly_administered(code: &str) -> bool {
    &code[2..4] == "90"
}

/// Whether a code of this shape may stand at `level`.
fn fits(code: &str, shape: Level, level: Level) -> bool {
    match level {
        Level::Province | Level::City | Level::County if shape == level => true,
        Level::City => {
            shape == Level::County && (municipality(code) || directly_administered(code))
        }
        Level::Province | Level::County => false,
        // Townships and villages have longer codes than a region folder's six digits.
        Level::National | Level::Township | Level::Village => true,
    }
}

/// How many leading digits a region under a parent at `level` shares with it.
fn prefix_length(level: Level) -> Option<usize> {
    match level {
        Level::Province => Some(2),
        Level::City => Some(4),
        _ => None,
    }
}

/// GB/T 2260 pattern of a level's code, for messages.
fn pattern(level: Level, lang: crate::diagnostic::messages::Lang) -> String {
    match level {
        Level::Province => t!(lang, "cat308-shape-province"),
        Level::City => t!(lang, "cat308-shape-city"),
        _ => t!(lang, "cat308-shape-county"),
    }
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
    let lang = catalog.lang;
    for region in catalog.regions.values() {
        let (code, level) = (region.value.code.as_str(), region.value.level);
        let Some(code_shape) = shape(code) else {
            continue;
        };
        let doc = catalog.doc(region);
        if !fits(code, code_shape, level) {
            out.push(
                doc.diagnostic(
                    RULE.code,
                    "/code",
                    t!(
                        lang,
                        "cat308-shape",
                        code = code,
                        shape = labels::level(code_shape.as_str()),
                        pattern = pattern(code_shape, lang),
                        level = labels::level(level.as_str())
                    ),
                )
                .with_label(doc.path(), doc.span("/level"), t!(lang, "region-level"))
                .help(t!(
                    lang,
                    "cat308-shape-help",
                    level = labels::level(level.as_str()),
                    pattern = pattern(level, lang)
                )),
            );
            continue;
        }
        if matches!(level, Level::Township | Level::Village) {
            continue;
        }
        let Some(parent) = region
            .value
            .parent
            .as_deref()
            .and_then(|p| catalog.regions.get(p))
        else {
            continue;
        };
        let (parent_code, parent_level) = (parent.value.code.as_str(), parent.value.level);
        let Some(length) = prefix_length(parent_level) else {
            continue;
        };
        // A parent whose own code does not fit its level is reported itself; a parent not above
        // the region is CAT307's.
        let parent_fits = shape(parent_code).is_some_and(|s| fits(parent_code, s, parent_level));
        if !parent_fits || parent_level.depth() >= level.depth() {
            continue;
        }
        if code[..length] != parent_code[..length] {
            let parent_doc = catalog.doc(parent);
            out.push(
                doc.diagnostic(
                    RULE.code,
                    "/parent",
                    t!(
                        lang,
                        "cat308-parent",
                        code = code,
                        parent = parent_code,
                        name = parent.value.name.as_str(),
                        parent_level = labels::level(parent_level.as_str()),
                        length = length,
                        prefix = &parent_code[..length]
                    ),
                )
                .with_label(doc.path(), doc.span("/code"), t!(lang, "region-code-label"))
                .with_label(
                    parent_doc.path(),
                    parent_doc.span("/code"),
                    t!(lang, "cat308-parent-label"),
                )
                .help(t!(lang, "cat308-parent-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Level, fits, shape};

    fn ok(code: &str, level: Level) -> bool {
        fits(code, shape(code).unwrap(), level)
    }

    #[test]
    fn shapes_and_the_special_cases_of_gbt_2260() {
        assert!(ok("440000", Level::Province));
        assert!(ok("440300", Level::City));
        assert!(ok("440304", Level::County));
        assert!(!ok("440300", Level::Province));
        assert!(!ok("440000", Level::City));
        assert!(!ok("440304", Level::City));
        assert!(!ok("440300", Level::County));
        // Municipalities: 市辖区 110100 is city-shaped; districts may be recorded as cities.
        assert!(ok("110100", Level::City));
        assert!(ok("110101", Level::County));
        assert!(ok("110101", Level::City));
        assert!(ok("500229", Level::City));
        // Directly administered county-level units.
        assert!(ok("429004", Level::County));
        assert!(ok("429004", Level::City));
        assert!(ok("429000", Level::City));
        assert!(ok("659001", Level::City));
        assert!(!ok("429004", Level::Province));
        assert_eq!(shape("44030"), None);
    }
}
