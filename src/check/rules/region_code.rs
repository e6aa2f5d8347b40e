//! CAT308 region-code: a region code that does not fit its level or lie under its parent's code.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::resolve::Resolved;
use crate::resolve::labels;
use crate::resolve::model::Level;

pub static RULE: Rule = Rule {
    code: &codes::REGION_CODE,
    what: "A region's 6-digit GB/T 2260 `code` must have the shape of its `level`, and lie under \
           its parent's code.\n\n\
           Shape: a province's code is `XX0000`; a city's is `XXXX00` (the middle two digits not \
           `00`); a county's ends in two digits other than `00`.\n\n\
           Under its parent: a region whose parent is a province begins with the province's 2 \
           leading digits (`330100` cannot have `parent: \"440000\"`); a region whose parent is a \
           city begins with the city's 4 leading digits (a county of 杭州市 `330100` is `3301xx`).\n\n\
           Accepted, because GB/T 2260 has them (catalogc does not hold the list of codes, so where \
           a case could be genuine it is accepted rather than reported):\n\n\
           - the districts and counties of the municipalities (北京 11, 天津 12, 上海 31, 重庆 50), \
             such as `110101` 东城区, under the municipality's `110100` 市辖区 or directly under \
             `110000`, at the county level or, as some municipalities record their districts, at \
             the city level;\n\
           - the county-level units a province administers directly (省直辖县级行政单位, codes \
             `XX90xx` such as `429004` 仙桃市, `419001` 济源市, `469001` 五指山市, `659001` \
             石河子市), directly under the province or under its `XX9000` code, at the county level \
             or at the city level (many exercise a prefecture's powers);\n\
           - any county directly under its province, when the province's 2 digits match (catalogc \
             cannot tell a directly administered unit from a county whose city is simply not in \
             the catalog).\n\n\
           Not checked: townships and villages (their 9- or 12-digit statistical codes do not fit \
           the 6 digits of a region folder), a parent that is missing (CAT306) or not above the region (CAT307), \
           and the code under a parent whose own code does not fit the parent's level (that parent \
           is reported itself).",
    why: "The region code is the address of everything a region publishes: it names the folder, \
          it is the registration region inside every department's credit code and the prefix of \
          the region's local item codes, and the national platform files the region's entries \
          under it. A code copied from another region (a new city folder made from 深圳's and \
          given the wrong code), or a level that disagrees with the code, files a region's \
          services under someone else's name, and the inheritance from the parent region then \
          joins two unrelated places.",
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
fn pattern(level: Level) -> &'static str {
    match level {
        Level::Province => "XX0000",
        Level::City => "XXXX00, the middle two digits not 00",
        _ => "XXXXXX, the last two digits not 00",
    }
}

fn check(resolved: &Resolved, out: &mut Vec<Diagnostic>) {
    let catalog = &resolved.catalog;
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
                    format!(
                        "region code `{code}` has the shape of a {} code ({}), but the region is {}",
                        labels::level(code_shape.as_str()),
                        pattern(code_shape),
                        labels::level(level.as_str())
                    ),
                )
                .with_label(doc.path(), doc.span("/level"), "the region's level")
                .help(format!(
                    "a {} region's GB/T 2260 code is {}: correct the code (and the folder's name) \
                     or the level",
                    labels::level(level.as_str()),
                    pattern(level)
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
                    format!(
                        "region code `{code}` does not lie under its parent `{parent_code}` \
                         ({}): a region under a {} region begins with its {length} leading digits \
                         `{}`",
                        parent.value.name,
                        labels::level(parent_level.as_str()),
                        &parent_code[..length]
                    ),
                )
                .with_label(doc.path(), doc.span("/code"), "the region's code")
                .with_label(parent_doc.path(), parent_doc.span("/code"), "the parent's code")
                .help(
                    "correct `parent`, or the region's code (and the folder's name), from GB/T 2260",
                ),
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
