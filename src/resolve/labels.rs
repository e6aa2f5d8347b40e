//! Chinese labels for the English enumeration values of the catalog format.
//!
//! Diagnostics use English values; everything published (portal, guides, open data) uses these
//! labels. One table per enumeration, in the order of `docs/format.md`; an unknown value is shown
//! as itself rather than hidden.

use super::view::Limit;

fn lookup<'a>(table: &[(&str, &'a str)], value: &'a str) -> &'a str {
    table
        .iter()
        .find(|(k, _)| *k == value)
        .map_or(value, |(_, label)| label)
}

pub fn item_type(value: &str) -> &str {
    lookup(
        &[
            ("licensing", "行政许可"),
            ("penalty", "行政处罚"),
            ("coercion", "行政强制"),
            ("levy", "行政征收"),
            ("benefit", "行政给付"),
            ("inspection", "行政检查"),
            ("confirmation", "行政确认"),
            ("reward", "行政奖励"),
            ("adjudication", "行政裁决"),
            ("other_power", "其他行政权力"),
            ("filing", "行政备案"),
            ("public_service", "公共服务"),
        ],
        value,
    )
}

pub fn audience(value: &str) -> &str {
    lookup(
        &[
            ("person", "自然人"),
            ("enterprise", "企业法人"),
            ("public_institution", "事业法人"),
            ("social_organization", "社会组织法人"),
            ("government_agency", "行政机关"),
            ("other_organization", "其他组织"),
        ],
        value,
    )
}

pub fn level(value: &str) -> &str {
    lookup(
        &[
            ("national", "国家级"),
            ("province", "省级"),
            ("city", "市级"),
            ("county", "县级"),
            ("township", "乡镇级"),
            ("village", "村级"),
        ],
        value,
    )
}

pub fn handling(value: &str) -> &str {
    lookup(
        &[
            ("immediate", "即办件"),
            ("promised", "承诺件"),
            ("other", "其他"),
        ],
        value,
    )
}

/// `department.nature` (实施主体性质, GB/T 39046 A.3).
pub fn nature(value: &str) -> &str {
    lookup(
        &[
            ("statutory_authority", "法定机关"),
            ("authorized_organization", "授权组织"),
            ("entrusted_organization", "受委托组织"),
            ("other", "其他"),
        ],
        value,
    )
}

/// `power_source` (权力来源).
pub fn power_source(value: &str) -> &str {
    lookup(
        &[
            ("statutory", "法定本级行使"),
            ("delegated", "上级下放"),
            ("entrusted", "委托"),
        ],
        value,
    )
}

/// `handle_area` (通办范围).
pub fn handle_area(value: &str) -> &str {
    lookup(
        &[
            ("none", "不通办"),
            ("cross_county", "跨县通办"),
            ("cross_city", "跨市通办"),
            ("cross_province", "跨省通办"),
            ("nationwide", "全国通办"),
        ],
        value,
    )
}

/// `cross_region.modes` (通办模式).
pub fn cross_region_mode(value: &str) -> &str {
    lookup(
        &[
            ("full_online", "全程网办"),
            ("proxy", "代收代办"),
            ("multi_site", "多地联办"),
        ],
        value,
    )
}

/// `assistance[].kind` (帮办服务方式).
pub fn assistance(value: &str) -> &str {
    lookup(
        &[
            ("home_visit", "上门办理"),
            ("assisted", "帮办代办"),
            ("green_channel", "绿色通道"),
            ("extended_hours", "预约延时"),
            ("remote", "远程视频办理"),
            ("other", "其他"),
        ],
        value,
    )
}

/// `assistance[].who` (服务对象).
pub fn assisted(value: &str) -> &str {
    lookup(
        &[
            ("elderly", "老年人"),
            ("disabled", "残疾人"),
            ("pregnant", "孕妇"),
            ("seriously_ill", "重病患者"),
            ("other", "其他"),
        ],
        value,
    )
}

/// `special_procedures[].kind` (特别程序种类).
pub fn special_procedure(value: &str) -> &str {
    lookup(
        &[
            ("public_notice", "公示"),
            ("hearing", "听证"),
            ("inspection", "检验检测"),
            ("expert_review", "专家评审"),
            ("appraisal", "鉴定"),
            ("other", "其他"),
        ],
        value,
    )
}

/// `fees[].reductions[].kind` (减免方式).
pub fn reduction(value: &str) -> &str {
    lookup(
        &[
            ("exempt", "免收"),
            ("half", "减半收取"),
            ("reduced", "减收"),
        ],
        value,
    )
}

/// `channels.online.depth` (网上办理深度).
pub fn online_depth(value: &str) -> &str {
    lookup(
        &[
            ("information", "一级（信息公开）"),
            ("download", "二级（表格下载）"),
            ("pre_review", "三级（网上预审）"),
            ("full_online", "四级（全程网办）"),
        ],
        value,
    )
}

/// An item's `status` (事项状态).
pub fn status(value: &str) -> &str {
    lookup(
        &[
            ("active", "在用"),
            ("suspended", "暂停实施"),
            ("retired", "已取消"),
        ],
        value,
    )
}

pub fn unit(value: &str) -> &str {
    lookup(
        &[("working_day", "个工作日"), ("calendar_day", "个自然日")],
        value,
    )
}

/// A time unit on its own, in a column beside the number of days: `工作日`.
pub fn unit_name(value: &str) -> &str {
    let label = unit(value);
    label.strip_prefix('个').unwrap_or(label)
}

pub fn form(value: &str) -> &str {
    lookup(
        &[
            ("original", "原件"),
            ("copy", "复印件"),
            ("both", "原件和复印件"),
        ],
        value,
    )
}

pub fn medium(value: &str) -> &str {
    lookup(&[("paper", "纸质"), ("electronic", "电子")], value)
}

pub fn source(value: &str) -> &str {
    lookup(
        &[
            ("applicant", "申请人自备"),
            ("issuing_authority", "政府部门核发"),
            ("intermediary", "中介机构"),
            ("other", "其他"),
        ],
        value,
    )
}

pub fn waived_by(value: &str) -> &str {
    lookup(
        &[
            ("e_certificate", "电子证照免提交"),
            ("data_sharing", "数据共享免提交"),
            ("commitment", "告知承诺免提交"),
        ],
        value,
    )
}

pub fn result_type(value: &str) -> &str {
    lookup(
        &[
            ("certificate", "证照"),
            ("approval", "批文"),
            ("filing_receipt", "备案回执"),
            ("payment", "给付"),
            ("other", "其他"),
        ],
        value,
    )
}

pub fn event_kind(value: &str) -> &str {
    lookup(&[("life", "个人一件事"), ("business", "企业一件事")], value)
}

pub fn class(value: &str) -> &str {
    lookup(
        &[
            ("same", "一致"),
            ("improved", "优于标准"),
            ("deviation", "偏离"),
            ("approved", "经批准的偏离"),
            ("uncertain", "无法确定（视节假日而定）"),
            ("local", "地方填写"),
            ("missing", "未实施"),
            ("extra", "地方事项"),
        ],
        value,
    )
}

/// The kind of a difference from the standard (the `kind` of the conformance report's details);
/// a kind that names a line's property (`copies`, `form`) is not here: its label is the
/// property's schema title.
pub fn difference(value: &str) -> &str {
    lookup(
        &[
            ("added", "增加"),
            ("removed", "不再要求"),
            ("omitted", "说明理由的省略"),
            ("unaccounted", "未说明的省略"),
            ("waived", "免提交"),
            ("value", "时限"),
            ("changed", "内容不同"),
        ],
        value,
    )
}

/// A boolean for people: 是 or 否.
pub fn yes_no(value: bool) -> &'static str {
    if value { "是" } else { "否" }
}

/// The one formatter of a number of days: `15个自然日`, and `即办` for 0 days (a 即办件 is
/// handled on the spot; "0个工作日" is no promise a citizen can read).
pub fn days(days: u64, time_unit: &str) -> String {
    if days == 0 {
        return "即办".to_string();
    }
    format!("{days}{}", unit(time_unit))
}

/// A time limit without its note: `15个自然日`.
pub fn limit_days(limit: Limit<'_>) -> Option<String> {
    Some(days(limit.days()?, limit.unit()?))
}

/// A time limit with its note: `15个自然日（自受理之日起）`.
pub fn limit(limit: Limit<'_>) -> Option<String> {
    if limit.none() {
        return Some("无（法律法规未规定办结时限）".to_string());
    }
    let note = limit.note().map(|n| format!("（{n}）")).unwrap_or_default();
    Some(limit_days(limit)? + &note)
}

/// Labels of a list of enumeration values, joined with `、`.
pub fn list(values: Option<&serde_json::Value>, label: fn(&str) -> &str) -> String {
    values
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str())
                .map(label)
                .collect::<Vec<_>>()
                .join("、")
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::days;

    #[test]
    fn a_limit_of_no_days_reads_as_handled_on_the_spot() {
        assert_eq!(days(0, "working_day"), "即办");
        assert_eq!(days(15, "calendar_day"), "15个自然日");
        assert_eq!(days(1, "working_day"), "1个工作日");
    }
}
