//! What a spreadsheet cell says: the lines of a list cell, a time limit, a material's
//! annotations, and how alike two names are.
//!
//! Real exports write a list in one cell, numbered line by line (`1.居民身份证`, `（2）`, `①`) or
//! separated by `、` or `；`, mix full-width and half-width forms, and write limits as
//! `20个工作日`. Nothing here guesses: what cannot be read is returned as an error for the report.

/// `text` compared as people read it: full-width ASCII forms as half-width, no whitespace
/// (including the ideographic space), Chinese brackets as ASCII ones, no trailing punctuation.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '【' | '〔' => '[',
            '】' | '〕' => ']',
            _ => c,
        };
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    let trimmed = out.trim_end_matches(['。', '.', ';', '；', ',', '，', '、']);
    trimmed.to_string()
}

/// The name a line is matched by: [`normalise`]d, without remarks in brackets.
pub fn matching_key(text: &str) -> String {
    let text = normalise(text);
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// How alike two names are, from 0 to 1: the Dice coefficient of their character pairs (their
/// characters, for one-character names), after [`matching_key`].
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (matching_key(a), matching_key(b));
    let grams = |s: &str| -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        if chars.len() < 2 {
            return chars.iter().map(|c| c.to_string()).collect();
        }
        chars.windows(2).map(|w| w.iter().collect()).collect()
    };
    let (ga, mut gb) = (grams(&a), grams(&b));
    if ga.is_empty() || gb.is_empty() {
        return 0.0;
    }
    let total = ga.len() + gb.len();
    let mut shared = 0;
    for g in &ga {
        if let Some(at) = gb.iter().position(|x| x == g) {
            gb.swap_remove(at);
            shared += 1;
        }
    }
    2.0 * shared as f64 / total as f64
}

/// The lines of a list cell. A cell of several lines (or numbered items) is split by line and
/// numbering; a one-line cell by `；` or `;`, and by `、` when `enumeration_comma` (materials
/// and fees are named with it; conditions are sentences that use it inside). Numbering (`1.`, `1、`, `(1)`, `（1）`, `①`)
/// is removed; empty lines and the words for "none" (无, 无需, 不收费, /) give no lines.
pub fn split_list(cell: &str, enumeration_comma: bool) -> Vec<String> {
    let cell = cell.trim();
    if is_none(cell) {
        return Vec::new();
    }
    let lines: Vec<&str> = cell
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let pieces: Vec<String> = if lines.len() > 1 {
        lines.iter().map(|l| strip_number(l).to_string()).collect()
    } else {
        if number_prefix(cell).is_some() {
            // Numbered: split at the numbers only (`1.甲；乙` is one line).
            split_numbered(cell)
        } else {
            let separators: &[char] = if enumeration_comma {
                &['、', '；', ';']
            } else {
                &['；', ';']
            };
            split_outside_brackets(cell, separators)
                .into_iter()
                .map(|p| strip_number(&p).to_string())
                .collect()
        }
    };
    pieces
        .into_iter()
        .map(|p| {
            p.trim()
                .trim_end_matches(['。', '；', ';', '，', ','])
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty() && !is_none(p))
        .collect()
}

fn is_none(text: &str) -> bool {
    matches!(
        normalise(text).as_str(),
        "" | "无" | "无。" | "无需" | "不收费" | "免费" | "/" | "-" | "—" | "暂无"
    )
}

/// `1.`, `1、`, `1)`, `(1)`, `（1）`, `①` at the start of a line, and the text after it.
fn number_prefix(text: &str) -> Option<&str> {
    let t = text.trim_start();
    if let Some(c) = t.chars().next()
        && ('①'..='⑳').contains(&c)
    {
        return Some(&t[c.len_utf8()..]);
    }
    let (open, rest) = match t.chars().next() {
        Some(c @ ('(' | '（')) => (true, &t[c.len_utf8()..]),
        _ => (false, t),
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let after = &rest[digits..];
    let mut chars = after.chars();
    let sep = chars.next()?;
    let ok = if open {
        matches!(sep, ')' | '）')
    } else {
        matches!(sep, '.' | '、' | '．' | ')' | '）' | '，')
    };
    ok.then(|| &after[sep.len_utf8()..])
}

fn strip_number(text: &str) -> &str {
    number_prefix(text).unwrap_or(text).trim()
}

/// `1.甲2.乙` (numbered items on one line) split at each number, when it starts with one.
fn split_numbered(cell: &str) -> Vec<String> {
    if number_prefix(cell).is_none() {
        return vec![cell.to_string()];
    }
    let mut items = Vec::new();
    let mut rest = cell;
    while let Some(body) = number_prefix(rest) {
        // The next number is the first place in `body` where a numbering prefix starts.
        let next = body
            .char_indices()
            .skip(1)
            .find(|(at, c)| {
                (c.is_ascii_digit() || *c == '(' || *c == '（' || ('①'..='⑳').contains(c))
                    && !body[..*at].ends_with(|p: char| p.is_ascii_digit())
                    && number_prefix(&body[*at..]).is_some()
            })
            .map(|(at, _)| at);
        match next {
            Some(at) => {
                items.push(body[..at].to_string());
                rest = &body[at..];
            }
            None => {
                items.push(body.to_string());
                rest = "";
                break;
            }
        }
    }
    if !rest.trim().is_empty() {
        items.push(rest.to_string());
    }
    items
}

/// Split at `separators` that are not inside brackets: `营业执照（正本、副本）、劳动合同` is two.
fn split_outside_brackets(text: &str, separators: &[char]) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && separators.contains(&c) {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts
}

/// A time limit as a cell writes it: `20个工作日`, `15日`, `十五个工作日`, `15天（自然日）`, `即办`.
/// The unit is `None` when the cell gives none (`即办`, `0`).
pub fn parse_limit(cell: &str) -> Result<(u64, Option<&'static str>), String> {
    let text = normalise(cell);
    if text.starts_with("即办") || text == "0" || text == "当场办结" || text == "即时办结"
    {
        return Ok((0, None));
    }
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let (days, rest) = if digits.is_empty() {
        let numeral: String = text
            .chars()
            .take_while(|c| chinese_digit(*c).is_some() || *c == '十')
            .collect();
        let days = chinese_number(&numeral).ok_or_else(|| format!("“{cell}”读不出天数"))?;
        (days, &text[numeral.len()..])
    } else {
        let days = digits
            .parse::<u64>()
            .map_err(|_| format!("“{cell}”的天数过大"))?;
        (days, &text[digits.len()..])
    };
    let rest = rest.trim_start_matches('个');
    let unit = if rest.starts_with("工作日") {
        "working_day"
    } else if rest.starts_with("自然日")
        || rest.starts_with("日历日")
        || rest == "日"
        || rest == "天"
        || rest.starts_with("日(自然日)")
        || rest.starts_with("天(自然日)")
    {
        "calendar_day"
    } else {
        return Err(format!("“{cell}”读不出单位（工作日，或自然日、日、天）"));
    };
    Ok((days, Some(unit)))
}

fn chinese_digit(c: char) -> Option<u64> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u64)
        .or((c == '两').then_some(2))
}

/// 一 to 九十九.
fn chinese_number(text: &str) -> Option<u64> {
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [] => None,
        ['十'] => Some(10),
        [d] => chinese_digit(*d),
        ['十', d] => Some(10 + chinese_digit(*d)?),
        [t, '十'] => Some(10 * chinese_digit(*t)?),
        [t, '十', d] => Some(10 * chinese_digit(*t)? + chinese_digit(*d)?),
        _ => None,
    }
}

/// The form values and their labels (`resolve::labels::form`).
pub const FORMS: [&str; 3] = ["both", "original", "copy"];
/// The `waived_by` values (`resolve::labels::waived_by`).
pub const WAIVERS: [&str; 3] = ["e_certificate", "data_sharing", "commitment"];

/// What a material line's closing bracket says about it: `居民身份证（原件，1份）`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotations {
    pub form: Option<&'static str>,
    pub copies: Option<u64>,
    pub required: Option<bool>,
    pub waived_by: Option<&'static str>,
    /// 纸质, 电子 (in the order given).
    pub medium: Vec<&'static str>,
    pub source: Option<&'static str>,
}

/// The medium and source values (`resolve::labels::medium`, `resolve::labels::source`).
pub const MEDIA: [&str; 2] = ["paper", "electronic"];
pub const SOURCES: [&str; 4] = ["applicant", "issuing_authority", "intermediary", "other"];

impl Annotations {
    /// Write what the annotations say into a line (`form`, `copies`, `required`, `medium`,
    /// `source`, and `waived_by` when `waiver` is true), over what it had.
    pub fn apply(&self, line: &mut serde_json::Map<String, serde_json::Value>, waiver: bool) {
        use serde_json::Value;
        if let Some(form) = self.form {
            line.insert("form".into(), Value::from(form));
        }
        if let Some(copies) = self.copies {
            line.insert("copies".into(), Value::from(copies));
        }
        if let Some(required) = self.required {
            line.insert("required".into(), Value::from(required));
        }
        if let Some(waived) = self.waived_by.filter(|_| waiver) {
            line.insert("waived_by".into(), Value::from(waived));
        }
        if !self.medium.is_empty() {
            line.insert("medium".into(), Value::from(self.medium.clone()));
        }
        if let Some(source) = self.source {
            line.insert("source".into(), Value::from(source));
        }
    }

    /// Whether the annotations say everything a material the standard lacks needs to be written
    /// as an addition (form, copies, necessity, medium, source).
    pub fn complete(&self) -> bool {
        self.form.is_some()
            && self.copies.is_some()
            && self.required.is_some()
            && !self.medium.is_empty()
            && self.source.is_some()
    }
}

/// A material line's name and annotations. The last bracket group is read as annotations when
/// every part of it is one (原件/复印件/原件和复印件, N份, 必要/非必要, 免提交 labels); any other
/// bracket text is a remark and stays in the name.
pub fn material(line: &str) -> (String, Annotations) {
    let text = line.trim();
    let Some(open) = text.rfind(['（', '(']) else {
        return (text.to_string(), Annotations::default());
    };
    let close_ok = text.ends_with(['）', ')']);
    if !close_ok {
        return (text.to_string(), Annotations::default());
    }
    let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let inner_end = text.len() - text.chars().next_back().map_or(1, char::len_utf8);
    let inner = &text[inner_start..inner_end.max(inner_start)];
    let mut notes = Annotations::default();
    for part in inner
        .split(['，', ',', '、', '；', ';', ' ', '　'])
        .map(normalise)
        .filter(|p| !p.is_empty())
    {
        if let Some(form) = FORMS
            .iter()
            .find(|f| crate::resolve::labels::form(f) == part)
        {
            notes.form = Some(form);
        } else if let Some(n) = part.strip_suffix('份').and_then(|n| n.parse().ok()) {
            notes.copies = Some(n);
        } else if part == "必要" || part == "必需" {
            notes.required = Some(true);
        } else if part == "非必要" || part == "容缺" {
            notes.required = Some(false);
        } else if let Some(m) = MEDIA
            .iter()
            .find(|m| crate::resolve::labels::medium(m) == part)
        {
            if !notes.medium.contains(m) {
                notes.medium.push(m);
            }
        } else if let Some(source) = SOURCES
            .iter()
            .find(|s| crate::resolve::labels::source(s) == part)
        {
            notes.source = Some(source);
        } else if let Some(w) = WAIVERS
            .iter()
            .find(|w| crate::resolve::labels::waived_by(w) == part)
        {
            notes.waived_by = Some(w);
        } else {
            return (text.to_string(), Annotations::default());
        }
    }
    (text[..open].trim().to_string(), notes)
}

/// A fee line: `工本费（20元）` or `工本费20元`; the amount in 元 when one is given. The name is
/// kept as written (`不动产登记费（住宅）（80元）` is `不动产登记费（住宅）`).
pub fn fee(line: &str) -> (String, Option<f64>) {
    let text = line.trim();
    let closed = text.strip_suffix(['）', ')']);
    let body = closed.unwrap_or(text).trim_end();
    let Some(body) = body.strip_suffix('元') else {
        return (text.to_string(), None);
    };
    let digits = body
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .count();
    if digits == 0 {
        return (text.to_string(), None);
    }
    let (name, number) = body.split_at(body.len() - digits);
    let name = match closed {
        Some(_) => match name.strip_suffix(['（', '(']) {
            Some(name) => name,
            None => return (text.to_string(), None),
        },
        None => name,
    };
    (name.trim().to_string(), number.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_cells_split_by_line_numbering_or_enumeration_comma() {
        assert_eq!(
            split_list(
                "1.居民身份证（原件）\n2、本人近期相片\n（3）合法稳定住所证明",
                true
            ),
            ["居民身份证（原件）", "本人近期相片", "合法稳定住所证明"]
        );
        assert_eq!(
            split_list("居民身份证、本人近期相片；营业执照（正本、副本）", true),
            ["居民身份证", "本人近期相片", "营业执照（正本、副本）"]
        );
        assert_eq!(
            split_list("有合法稳定就业、合法稳定住所之一；年满16周岁", false),
            ["有合法稳定就业、合法稳定住所之一", "年满16周岁"]
        );
        assert_eq!(split_list("1.甲证明2.乙证明", true), ["甲证明", "乙证明"]);
        assert_eq!(split_list("①甲②乙", true), ["甲", "乙"]);
        assert_eq!(split_list("1.甲；乙", true), ["甲；乙"]);
        assert!(split_list("无", true).is_empty());
        assert!(split_list("  ", true).is_empty());
    }

    #[test]
    fn limits_read_digits_chinese_numerals_and_units() {
        assert_eq!(parse_limit("20个工作日"), Ok((20, Some("working_day"))));
        assert_eq!(parse_limit("１５日"), Ok((15, Some("calendar_day"))));
        assert_eq!(parse_limit("十五个工作日"), Ok((15, Some("working_day"))));
        assert_eq!(parse_limit("即办"), Ok((0, None)));
        assert!(parse_limit("尽快办结").is_err());
        assert!(parse_limit("20个月").is_err());
    }

    #[test]
    fn material_annotations_are_read_only_when_every_part_is_one() {
        let (name, notes) = material("居民身份证（原件，1份）");
        assert_eq!(name, "居民身份证");
        assert_eq!(notes.form, Some("original"));
        assert_eq!(notes.copies, Some(1));
        let (name, notes) = material("连续就读证明（学生证或学校证明）");
        assert_eq!(name, "连续就读证明（学生证或学校证明）");
        assert_eq!(notes, Annotations::default());
        let (_, notes) = material("本人近期相片(数据共享免提交)");
        assert_eq!(notes.waived_by, Some("data_sharing"));
        assert!(!notes.complete());
        let (name, notes) = material("房屋租赁合同（复印件，1份，必要，纸质、电子，申请人自备）");
        assert_eq!(name, "房屋租赁合同");
        assert_eq!(notes.medium, ["paper", "electronic"]);
        assert_eq!(notes.source, Some("applicant"));
        assert!(notes.complete());
    }

    #[test]
    fn names_normalise_full_width_and_spaces_and_compare_by_pairs() {
        assert_eq!(normalise("居民身份证　（ 原件 ）。"), "居民身份证(原件)");
        assert_eq!(matching_key("居民身份证（原件）"), "居民身份证");
        assert!((similarity("居民身份证", "居民身份证") - 1.0).abs() < 1e-9);
        assert!(similarity("身份证", "居民身份证") > 0.6);
        assert!(similarity("房屋租赁合同", "居民身份证") < 0.2);
        assert_eq!(fee("工本费（20元）"), ("工本费".to_string(), Some(20.0)));
        assert_eq!(fee("工本费"), ("工本费".to_string(), None));
        assert_eq!(fee("工本费20元"), ("工本费".to_string(), Some(20.0)));
        assert_eq!(
            fee("不动产登记费（住宅）（80元）"),
            ("不动产登记费（住宅）".to_string(), Some(80.0))
        );
        assert_eq!(
            fee("工本费（见说明）"),
            ("工本费（见说明）".to_string(), None)
        );
    }
}
