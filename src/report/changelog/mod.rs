//! The changelog (`history::Changelog`) rendered, one file per format: [`text`], [`json`],
//! [`markdown`] (a pull-request comment) and [`atom`] (the context of the feed template).

pub mod atom;
pub mod json;
pub mod markdown;
pub mod text;

use crate::history::Change;

/// "深圳市·居住证申领", "全国标准·居住证申领" for a national change, "深圳市" for a region's own
/// change, "法律法规库" for a registry's.
pub fn title_of(change: &Change) -> String {
    let place = match (&change.region_name, &change.item) {
        (Some(region), _) => region.as_str(),
        (None, Some(_)) => "全国标准",
        (None, None) => change.source.as_str(),
    };
    match &change.item_name {
        Some(item) => format!("{place}·{item}"),
        None => place.to_string(),
    }
}
