//! The changelog (`history::Changelog`) rendered, one file per format: [`text`], [`json`],
//! [`markdown`] (a pull-request comment) and [`atom`] (the context of the feed template).

pub mod atom;
pub mod json;
pub mod markdown;
pub mod text;

use crate::history::Change;

/// "深圳市·居住证申领", or "全国标准·居住证申领" for a national change.
pub fn title_of(change: &Change) -> String {
    format!(
        "{}·{}",
        change.region_name.as_deref().unwrap_or("全国标准"),
        change.item_name
    )
}
